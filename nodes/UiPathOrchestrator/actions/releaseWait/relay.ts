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

/**
 * Whether this node's relay subscription exists (its activation stored it in the node's static data). Not
 * `workflow.active`: a queue worker builds the Workflow from the execution's snapshot, where it is false, but
 * loads the static data from the database.
 */
export const hasRelay = (context: IExecuteFunctions): boolean => relayState(context).relayWebhookId !== undefined;

function relayUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('setup');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the job events relay');
	return url;
}

const endEventsOf = (kinds: Record<string, WaitedEntityKind>) => [...new Set(Object.values(kinds).flatMap((kind) => kind.endEvents))].sort();

/**
 * Whether the relay subscription this node made still exists; other subscriptions to its URL are removed. When n8n
 * starts, the subscription is made anew: n8n may have been down, and UiPath disables a subscription for an hour after
 * a delivery failed.
 */
export async function relayExists(context: IHookFunctions, credentialType: UiPathCredentialType): Promise<boolean> {
	const state = relayState(context);
	const url = relayUrlOf(context);
	const atUrl = (await listWebhookSubscriptions(context, credentialType)).filter((subscription) => subscription.Url === url);
	const kept = state.relaySecret && context.getActivationMode() !== 'init' ? atUrl.find((subscription) => subscription.Id === state.relayWebhookId && subscription.Enabled !== false) : undefined;
	for (const subscription of atUrl) if (subscription !== kept) await deleteWebhookSubscription(context, credentialType, subscription.Id);
	if (!kept) {
		delete state.relayWebhookId;
		delete state.relaySecret;
	}
	return kept !== undefined;
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
	recordIds: number[];
	named: boolean;
	due: boolean;
}

/** This node's wait records grouped by resume URL: whether the event names one of their entities, whether their time-out passed. */
function waitCalls(subscriptions: WebhookSubscription[], prefix: string, kinds: Record<string, WaitedEntityKind>, event: IDataObject): WaitCall[] {
	const byUrl = new Map<string, WaitCall>();
	const now = Date.now();
	for (const subscription of subscriptions) {
		const record = parseRecord(subscription, prefix);
		if (!record) continue;
		const call = byUrl.get(record.url) ?? { url: record.url, recordIds: [], named: false, due: false };
		call.recordIds.push(subscription.Id);
		call.named ||= (kinds[record.kind]?.idsIn(event) ?? []).some((id) => record.ids.includes(id));
		call.due ||= now >= record.deadline;
		byUrl.set(record.url, call);
	}
	return [...byUrl.values()].filter((call) => call.named || call.due);
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
			const token = resumeTokenOf(call.url);
			if (!token) continue;
			const body = call.named ? rawBody.toString('utf8') : DEADLINE_NUDGE;
			const { status, answer } = await callResumeUrl(context, call.url, body, signatureOf(waitSecretOf(token), Buffer.from(body, 'utf8')));
			// The execution is gone, or finished (e.g. by n8n's timer): its records could only cost deliveries from now on.
			// n8n's 409 for an execution still being saved as waiting ("is running already") keeps them.
			if (status === 404 || (status === 409 && /finished/i.test(answer))) await deleteRecords(context, credentialType, call.recordIds);
		}
	} catch {
		// Already answered; an event that could not be passed on is picked up by the wait's time-out.
	}
	return answered;
}
