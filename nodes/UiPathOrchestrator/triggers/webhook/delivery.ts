import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toJob, withoutODataAnnotations } from '../../helpers/outputItems';
import { entitiesOf, isObject, parseJsonObject, rawBodyOf, reply } from '../../helpers/webhookHttp';
import { isSignatureValid, SIGNATURE_HEADER } from '../../helpers/webhookSignature';
import { getJob, hasOutputFile, withOutputFile } from '../../transport';
import { credentialTypeOf } from '../parameters';
import { entityNameOf, isTriggerEvent, type EventEntity } from './events';
import { eventTime, isStale, rememberDelivery } from './replay';
import { readEvents, subscriptionState } from './subscription';


/** Whether the job belongs to the process the Process Name parameter names (its display name or its package). */
function isOfProcess(job: IDataObject, processName: string): boolean {
	const release = isObject(job.Release) ? job.Release : {};
	return [release.Name, release.ProcessKey].some((name) => typeof name === 'string' && name.toLowerCase() === processName);
}

/** One item per job, queue item or task: UiPath's event envelope with that entity, shaped as the action node outputs it. */
function eventItems(payload: IDataObject, name: EventEntity, entities: IDataObject[]): IDataObject[] {
	const envelope: IDataObject = { ...payload };
	delete envelope[name];
	delete envelope[`${name}s`];
	return entities.map((entity) => ({ ...envelope, [name]: name === 'Job' ? toJob(entity) : withoutODataAnnotations(entity) }));
}

/**
 * A completed job whose output Orchestrator kept as an attachment: the event's Job has no OutputArguments (its DTO has
 * no OutputFile), so the job is read once to learn its OutputFile. The delivery is already remembered, so a failed
 * read is reported in the item (OutputFileError) rather than thrown, which would lose the event.
 */
async function withKeptOutput(context: IWebhookFunctions, payload: IDataObject, item: IDataObject): Promise<IDataObject> {
	const job = item.Job;
	const folderId = payload.OrganizationUnitId;
	if (payload.Type !== 'job.completed' || !isObject(job) || (job.OutputArguments ?? null) !== null) return item;
	if (typeof job.Id !== 'number' || typeof folderId !== 'number') return item;
	const credentialType = credentialTypeOf(context);
	const folder = { id: folderId };
	try {
		const stored = await getJob(context, credentialType, folder, job.Id);
		if (!hasOutputFile(stored)) return item;
		return { ...item, Job: toJob(await withOutputFile(context, credentialType, folder, { ...job, OutputFile: stored.OutputFile })) };
	} catch (error) {
		return { ...item, OutputFileError: (error as Error).message };
	}
}

/** The items a genuine delivery starts the workflow with, or why it starts nothing. */
function readDelivery(context: IWebhookFunctions, payload: IDataObject): { items: IDataObject[] } | { ignored: string } {
	const type = payload.Type;
	if (!isTriggerEvent(type) || !readEvents(context).includes(type)) return { ignored: `event type ${String(type)} is not selected` };
	const name = entityNameOf(type);
	let entities = entitiesOf(payload, name);
	const at = eventTime(payload);
	// UiPath's DTO says string; its examples show digits, so a number is taken as the same id.
	const eventId = typeof payload.EventId === 'number' ? String(payload.EventId) : payload.EventId;
	if (entities.length === 0 || typeof eventId !== 'string' || !eventId || at === undefined) {
		return { ignored: `the delivery is not a ${type} event as Orchestrator sends it` };
	}
	const now = Date.now();
	if (isStale(at, now)) return { ignored: 'its Timestamp is more than 5 minutes from n8n\'s clock (a delivery sent again later, or a drifting clock)' };
	const state = subscriptionState(context);
	if (typeof state.folderId === 'number' && payload.OrganizationUnitId !== state.folderId) return { ignored: 'event from another folder' };
	const processName = String(context.getNodeParameter('processName', '') ?? '').trim().toLowerCase();
	if (processName && name === 'Job') entities = entities.filter((job) => isOfProcess(job, processName));
	if (entities.length === 0) return { ignored: 'job of another process' };
	const trigger = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	if (!rememberDelivery(trigger, state, eventId, at, now)) return { ignored: 'this event was received before (a delivery sent again)' };
	return { items: eventItems(payload, name, entities) };
}

/**
 * Checks the signature over the exact bytes received before anything else; a genuine delivery it does not run is
 * answered 200, since any other answer would make Orchestrator disable the subscription for an hour.
 */
export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { secret } = subscriptionState(context);
	const rawBody = await rawBodyOf(context);
	const header = context.getHeaderData()[SIGNATURE_HEADER];
	if (!secret || !rawBody || !isSignatureValid(secret, rawBody, header)) {
		return reply(context, 401, 'Missing or invalid X-UiPath-Signature');
	}
	const payload = parseJsonObject(rawBody);
	if (!payload) return { webhookResponse: { message: 'Event ignored: the delivery is not a JSON object' } };
	const delivery = readDelivery(context, payload);
	if ('ignored' in delivery) return { webhookResponse: { message: `Event ignored: ${delivery.ignored}` } };
	const items: IDataObject[] = [];
	for (const item of delivery.items) items.push(await withKeptOutput(context, payload, item));
	return { workflowData: [items.map((json) => ({ json }))] };
}
