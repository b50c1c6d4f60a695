import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { failureStatus, resolveFolderId as folderIdOf, uiPathApiRequest, uiPathApiRequestAllItems } from '../../transport';
import { credentialTypeOf, folderFingerprint, readOptionalFolder, type TriggerContext } from '../parameters';
import { isTriggerEvent, type TriggerEvent } from './events';
import type { ReplayState } from './replay';

/** What the trigger keeps in the node's static data between activation and deliveries (with the EventIds it ran). */
export interface SubscriptionState extends ReplayState {
	webhookId?: number;
	/** HMAC key of the subscription; deliveries are checked against it. */
	secret?: string;
	/** URL, events and folder the subscription was made for; a change makes a new one. */
	fingerprint?: string;
	/** The folder filter as an Id (a path is resolved once, at activation); null for every folder. */
	folderId?: number | null;
}

/** Orchestrator's WebhookDto, as far as the trigger reads it. */
interface WebhookDto extends IDataObject {
	Id: number;
	Url: string;
	Enabled?: boolean;
	SubscribeToAllEvents?: boolean;
	Events?: Array<{ EventType?: string }>;
}

/** Orchestrator's limits on WebhookDto.Name and Description. */
const MAX_NAME_LENGTH = 128;
const MAX_DESCRIPTION_LENGTH = 256;

export function subscriptionState(context: TriggerContext): SubscriptionState {
	return context.getWorkflowStaticData('node') as SubscriptionState;
}

function clearState(state: SubscriptionState): void {
	delete state.webhookId;
	delete state.secret;
	delete state.fingerprint;
	delete state.folderId;
	delete state.recentEvents;
}

/** The selected events, checked: at least one, each a known event type. */
export function readEvents(context: TriggerContext): TriggerEvent[] {
	const raw = context.getNodeParameter('events', []) as unknown;
	const events = Array.isArray(raw) ? raw : [];
	const unknown = events.filter((event) => !isTriggerEvent(event));
	if (unknown.length > 0) {
		throw new NodeOperationError(context.getNode(), `Events (events) has unknown event types: ${unknown.join(', ')}`);
	}
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Events (events) must name at least one event', {
			description: 'Choose the job or queue item events that should start the workflow.',
		});
	}
	return [...new Set(events as TriggerEvent[])].sort();
}

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this trigger');
	return url;
}

function fingerprintOf(url: string, events: TriggerEvent[], folder: FolderRef | undefined): string {
	return JSON.stringify({ url, events, folder: folderFingerprint(folder) });
}

function subscribesTo(webhook: WebhookDto, events: TriggerEvent[]): boolean {
	if (webhook.Enabled === false || webhook.SubscribeToAllEvents === true) return false;
	const subscribed = new Set((webhook.Events ?? []).map((event) => event.EventType));
	return subscribed.size === events.length && events.every((event) => subscribed.has(event));
}

async function subscriptionsAt(context: IHookFunctions, credentialType: UiPathCredentialType, url: string): Promise<WebhookDto[]> {
	const webhooks = await uiPathApiRequestAllItems<WebhookDto>(context, credentialType, { path: ODATA.webhooks });
	return webhooks.filter((webhook) => webhook.Url === url);
}

/** Deletes a subscription; one that is already gone counts as deleted. */
async function removeSubscription(context: IHookFunctions, credentialType: UiPathCredentialType, id: number): Promise<void> {
	await uiPathApiRequest(context, credentialType, { method: 'DELETE', path: ODATA.webhook(id), idempotent: true }).catch(
		(error: unknown) => {
			if (failureStatus(error) !== 404) throw error;
		},
	);
}

async function resolveFolderId(context: IHookFunctions, credentialType: UiPathCredentialType, folder: FolderRef | undefined): Promise<number | null> {
	return folder ? await folderIdOf(context, credentialType, folder) : null;
}

/**
 * Whether this trigger's subscription exists as configured. Every other subscription to this trigger's URL is
 * deleted: it was left by a lost answer or an earlier activation whose secret is gone, so it could only
 * deliver events the trigger refuses, and re-activation must not leave duplicates.
 */
export async function subscriptionExists(context: IHookFunctions): Promise<boolean> {
	const credentialType = credentialTypeOf(context);
	const state = subscriptionState(context);
	const url = webhookUrlOf(context);
	const events = readEvents(context);
	const fingerprint = fingerprintOf(url, events, readOptionalFolder(context));
	const existing = await subscriptionsAt(context, credentialType, url);
	const kept =
		state.secret && state.fingerprint === fingerprint
			? existing.find((webhook) => webhook.Id === state.webhookId && subscribesTo(webhook, events))
			: undefined;
	for (const webhook of existing) {
		if (webhook !== kept) await removeSubscription(context, credentialType, webhook.Id);
	}
	if (!kept) clearState(state);
	return kept !== undefined;
}

/** Subscribes this trigger's URL to the selected events with a freshly generated secret. */
export async function createSubscription(context: IHookFunctions): Promise<boolean> {
	const credentialType = credentialTypeOf(context);
	const state = subscriptionState(context);
	const url = webhookUrlOf(context);
	const events = readEvents(context);
	const folder = readOptionalFolder(context);
	const folderId = await resolveFolderId(context, credentialType, folder);
	const secret = randomBytes(32).toString('hex');
	const workflow = context.getWorkflow();
	const name = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} / ${context.getNode().name}`;
	const created = await uiPathApiRequest<WebhookDto>(context, credentialType, {
		method: 'POST',
		path: ODATA.webhooks,
		body: {
			Name: name.slice(0, MAX_NAME_LENGTH),
			Description: `Created by the n8n UiPath Orchestrator Trigger (workflow ${workflow.id ?? ''}); removed when the workflow is deactivated.`.slice(
				0,
				MAX_DESCRIPTION_LENGTH,
			),
			Url: url,
			Enabled: true,
			SubscribeToAllEvents: false,
			AllowInsecureSsl: false,
			Events: events.map((EventType) => ({ EventType })),
			Secret: secret,
		},
	});
	state.webhookId = created.Id;
	state.secret = secret;
	state.fingerprint = fingerprintOf(url, events, folder);
	state.folderId = folderId;
	return true;
}

/** Removes the subscription; when Orchestrator cannot be reached the state stays, so the next activation cleans up. */
export async function deleteSubscription(context: IHookFunctions): Promise<boolean> {
	const state = subscriptionState(context);
	if (state.webhookId === undefined) {
		clearState(state);
		return true;
	}
	try {
		await removeSubscription(context, credentialTypeOf(context), state.webhookId);
	} catch {
		return false;
	}
	clearState(state);
	return true;
}
