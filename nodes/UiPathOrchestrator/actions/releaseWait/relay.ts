import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { credentialTypeOf } from '../../helpers/parameters';
import { parseJsonObject, rawBodyOf, reply } from '../../helpers/webhookHttp';
import { isSignatureValid, signatureOf, SIGNATURE_HEADER } from '../../helpers/webhookSignature';
import {
	callResumeUrl,
	createWebhookSubscription,
	deleteWebhookSubscription,
	listWebhookSubscriptions,
	type WebhookSubscription,
} from '../../transport';
import type { WaitedEntityKind } from './kind';
import { deleteRecords, parseRecord, recordNamePrefix } from './records';
import { resumeTokenOf, waitSecretOf } from './secret';

/** What the node keeps in its static data while its workflow is active: the relay subscription and its key. */
interface RelayState extends IDataObject {
	relayWebhookId?: number;
	relaySecret?: string;
}

/** Body of the call that tells a wait its time-out has come (it then reads its entities once and resumes). */
const DEADLINE_NUDGE = JSON.stringify({ Type: 'n8n.waitDeadline' });

const relayState = (context: IExecuteFunctions | IHookFunctions | IWebhookFunctions) => context.getWorkflowStaticData('node') as RelayState;

/** Whether this node's relay subscription exists (its activation stored it in the node's static data), as n8n loaded that. */
export const hasRelay = (context: IExecuteFunctions): boolean => relayState(context).relayWebhookId !== undefined;

function relayUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('setup');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the job events relay');
	return url;
}

const endEventsOf = (kinds: Record<string, WaitedEntityKind>) => [...new Set(Object.values(kinds).flatMap((kind) => kind.endEvents))].sort();

/**
 * Removes every subscription to this node's relay URL, so that activation always makes the relay anew: n8n may
 * have been down, and UiPath disables a subscription for an hour after a delivery failed. Always false.
 */
export async function removeRelays(context: IHookFunctions, credentialType: UiPathCredentialType): Promise<boolean> {
	const state = relayState(context);
	const url = relayUrlOf(context);
	for (const subscription of await listWebhookSubscriptions(context, credentialType)) {
		if (subscription.Url === url) await deleteWebhookSubscription(context, credentialType, subscription.Id);
	}
	delete state.relayWebhookId;
	delete state.relaySecret;
	return false;
}

/** One subscription per node of an active workflow: UiPath delivers each end event once, whatever the number of waits. */
export async function createRelay(context: IHookFunctions, credentialType: UiPathCredentialType, kinds: Record<string, WaitedEntityKind>): Promise<boolean> {
	const state = relayState(context);
	const secret = randomBytes(32).toString('hex');
	const workflow = context.getWorkflow();
	const created = await createWebhookSubscription(context, credentialType, {
		Name: `n8n relay ${workflow.id ?? ''}/${context.getNode().id}`,
		Description: `Routes end events to the n8n executions of workflow ${workflow.id ?? ''} that wait for them; removed when the workflow is deactivated.`,
		Url: relayUrlOf(context),
		Enabled: true,
		Events: endEventsOf(kinds),
		Secret: secret,
	});
	state.relayWebhookId = created.Id;
	state.relaySecret = secret;
	await recoverWaits(context, credentialType, kinds);
	return true;
}

export async function deleteRelay(context: IHookFunctions, credentialType: UiPathCredentialType): Promise<boolean> {
	const state = relayState(context);
	if (state.relayWebhookId !== undefined) {
		try {
			await deleteWebhookSubscription(context, credentialType, state.relayWebhookId);
		} catch {
			return false;
		}
	}
	delete state.relayWebhookId;
	delete state.relaySecret;
	return true;
}

interface WaitCall {
	url: string;
	kind: string;
	recordIds: number[];
	ids: number[];
	named: boolean;
	due: boolean;
}

/** This node's wait records grouped by resume URL: their entities, whether the event names one of them, whether their time-out passed. */
function waitCalls(subscriptions: WebhookSubscription[], prefix: string, kinds: Record<string, WaitedEntityKind>, event: IDataObject): WaitCall[] {
	const byUrl = new Map<string, WaitCall>();
	const now = Date.now();
	for (const subscription of subscriptions) {
		const record = parseRecord(subscription, prefix);
		if (!record) continue;
		const call = byUrl.get(record.url) ?? { url: record.url, kind: record.kind, recordIds: [], ids: [], named: false, due: false };
		call.recordIds.push(subscription.Id);
		call.ids.push(...record.ids);
		call.named ||= (kinds[record.kind]?.idsIn(event) ?? []).some((id) => record.ids.includes(id));
		call.due ||= now >= record.deadline;
		byUrl.set(record.url, call);
	}
	return [...byUrl.values()];
}

/** Calls a wait's resume URL with a body signed with its key; the records of an execution gone or finished are removed. */
async function callWait(context: IHookFunctions | IWebhookFunctions, credentialType: UiPathCredentialType, call: WaitCall, body: string): Promise<void> {
	const token = resumeTokenOf(call.url);
	if (!token) return;
	const { status, answer } = await callResumeUrl(context, call.url, body, signatureOf(waitSecretOf(token), Buffer.from(body, 'utf8')));
	// The execution is gone, or finished (e.g. by n8n's timer): its records could only cost deliveries from now on.
	// n8n's 409 for an execution still being saved as waiting ("is running already") keeps them.
	if (status === 404 || (status === 409 && /finished/i.test(answer))) await deleteRecords(context, credentialType, call.recordIds);
}

/** Waits called at once when the relay is made: each call is one resume request to this n8n and a few reads. */
const RECOVERY_BATCH = 10;

/**
 * Events lost while n8n was down (or while the relay was being made anew): each of this node's waits is called once
 * with a body naming all its entities; the wait reads them (it alone knows their folders) and resumes if all are
 * final, else stays waiting. Best effort: activation must not fail for it.
 */
async function recoverWaits(context: IHookFunctions, credentialType: UiPathCredentialType, kinds: Record<string, WaitedEntityKind>): Promise<void> {
	try {
		const prefix = recordNamePrefix(context.getWorkflow().id, context.getNode().id);
		const calls = waitCalls(await listWebhookSubscriptions(context, credentialType), prefix, kinds, {}).filter((call) => kinds[call.kind]);
		for (let start = 0; start < calls.length; start += RECOVERY_BATCH) {
			await Promise.all(
				calls.slice(start, start + RECOVERY_BATCH).map(async (call) => {
					const body = call.due ? DEADLINE_NUDGE : JSON.stringify(kinds[call.kind].eventNaming(call.ids));
					await callWait(context, credentialType, call, body).catch(() => undefined);
				}),
			);
		}
	} catch {
		// The waits still end by the next event or their time-out.
	}
}

/**
 * The relay: UiPath's one delivery of an end event, passed on to the waits that named that entity in their record,
 * signed with each wait's key. Waits past their time-out are called too, so a lost event costs at most the time-out.
 * The answer to UiPath is 200 at once (a failed delivery would disable the subscription for an hour).
 */
export async function onRelayCall(context: IWebhookFunctions, kinds: Record<string, WaitedEntityKind>): Promise<IWebhookResponseData> {
	const state = relayState(context);
	const rawBody = await rawBodyOf(context);
	if (!state.relaySecret || !rawBody || !isSignatureValid(state.relaySecret, rawBody, context.getHeaderData()[SIGNATURE_HEADER])) {
		return reply(context, 401, 'The delivery is not signed with this relay\'s key');
	}
	const answered = reply(context, 200, 'Received');
	const event = parseJsonObject(rawBody) ?? {};
	const credentialType = credentialTypeOf(context);
	try {
		const prefix = recordNamePrefix(context.getWorkflow().id, context.getNode().id);
		for (const call of waitCalls(await listWebhookSubscriptions(context, credentialType), prefix, kinds, event)) {
			if (call.named || call.due) await callWait(context, credentialType, call, call.named ? rawBody.toString('utf8') : DEADLINE_NUDGE);
		}
	} catch {
		// Already answered; an event that could not be passed on is picked up by the wait's time-out.
	}
	return answered;
}
