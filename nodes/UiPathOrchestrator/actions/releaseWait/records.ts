import type { UiPathCredentialType } from '../../helpers/interfaces';
import {
	createWebhookSubscription,
	deleteWebhookSubscription,
	rethrown,
	WEBHOOK_DESCRIPTION_MAX,
	type UiPathContext,
	type WebhookSubscription,
} from '../../transport';
import type { WaitedEntityKind } from './kind';

/**
 * A wait's record in UiPath: a webhook subscription to the wait's resume URL. With a relay (active workflow) it is
 * disabled, so UiPath never delivers to it and the relay routes by it; without one (manual run) it is enabled and
 * UiPath delivers every event of the tenant to it. Name and Description say whose it is and what it waits for.
 */
export interface WaitRecord {
	kind: string;
	ids: number[];
	deadline: number;
	url: string;
}

/** Every record of one node of one workflow starts with this name; the relay of that node routes by it. */
export function recordNamePrefix(workflowId: string | undefined, nodeId: string): string {
	return `n8n wait ${workflowId ?? 'unsaved'}/${nodeId} #`;
}

function descriptionOf(kind: string, ids: number[], deadline: number): string {
	return `${kind} ${ids.join(',')} until ${new Date(deadline).toISOString()}`;
}

/** The Ids split so that each record's Description stays within Orchestrator's limit. */
function chunksOf(kind: string, ids: number[], deadline: number): number[][] {
	const chunks: number[][] = [];
	let current: number[] = [];
	for (const id of ids) {
		if (current.length > 0 && descriptionOf(kind, [...current, id], deadline).length > WEBHOOK_DESCRIPTION_MAX) {
			chunks.push(current);
			current = [];
		}
		current.push(id);
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}

export function parseRecord(subscription: WebhookSubscription, prefix: string): WaitRecord | undefined {
	if (subscription.Enabled !== false || !subscription.Name?.startsWith(prefix)) return undefined;
	const match = /^(\S+) ([\d,]+) until (\S+)$/.exec(subscription.Description ?? '');
	const deadline = match ? Date.parse(match[3]) : NaN;
	if (!match || Number.isNaN(deadline)) return undefined;
	return { kind: match[1], ids: match[2].split(',').map(Number), deadline, url: subscription.Url };
}

export async function createRecords(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	kind: WaitedEntityKind,
	options: { name: string; url: string; secret: string; ids: number[]; deadline: number; relayed: boolean },
): Promise<number[]> {
	const created: number[] = [];
	try {
		for (const [index, chunk] of chunksOf(kind.name, options.ids, options.deadline).entries()) {
			const record = await createWebhookSubscription(context, credentialType, {
				// Orchestrator may want names unique: a wait with several records numbers them.
				Name: index === 0 ? options.name : `${options.name}.${index + 1}`,
				Description: descriptionOf(kind.name, chunk, options.deadline),
				Url: options.url,
				Enabled: !options.relayed,
				Events: kind.endEvents,
				Secret: options.secret,
			});
			created.push(record.Id);
		}
	} catch (error) {
		await deleteRecords(context, credentialType, created);
		throw rethrown(error);
	}
	return created;
}

/** Best effort: a record left behind only costs deliveries the wait ignores, and is named for cleanup. */
export async function deleteRecords(context: UiPathContext, credentialType: UiPathCredentialType, ids: number[]): Promise<void> {
	for (const id of ids) await deleteWebhookSubscription(context, credentialType, id).catch(() => undefined);
}
