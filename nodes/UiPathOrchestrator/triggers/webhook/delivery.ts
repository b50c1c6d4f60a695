import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toJob, withoutODataAnnotations } from '../../helpers/output';
import { isJobEvent, isTriggerEvent, type TriggerEvent } from './events';
import { isSignatureValid, SIGNATURE_HEADER } from './signature';
import { readEvents, subscriptionState } from './subscription';

/** What n8n's server hands over: its body reader keeps the exact bytes received as `rawBody`. */
interface DeliveryRequest {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

/** The part of the response both n8n's express response and Node's own response offer. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as DeliveryRequest;
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Answers without starting the workflow. */
function reply(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject() as unknown as PlainResponse;
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

function parsePayload(rawBody: Buffer): IDataObject | undefined {
	try {
		const payload: unknown = JSON.parse(rawBody.toString('utf8'));
		return isObject(payload) ? payload : undefined;
	} catch {
		return undefined;
	}
}

/** Why a genuine delivery should not start the workflow, or undefined when it should. */
function reasonToIgnore(context: IWebhookFunctions, payload: IDataObject, events: TriggerEvent[]): string | undefined {
	const type = payload.Type;
	if (!isTriggerEvent(type) || !events.includes(type)) return `event type ${String(type)} is not selected`;
	const { folderId } = subscriptionState(context);
	if (typeof folderId === 'number' && payload.OrganizationUnitId !== folderId) return 'event from another folder';
	const processName = String(context.getNodeParameter('processName', '') ?? '').trim().toLowerCase();
	if (processName && isJobEvent(type)) {
		const job = isObject(payload.Job) ? payload.Job : {};
		const release = isObject(job.Release) ? job.Release : {};
		const name = String(job.ReleaseName ?? release.Name ?? '').toLowerCase();
		if (name !== processName) return 'job of another process';
	}
	return undefined;
}

/** The delivery as one item: UiPath's event envelope with the job or queue item shaped as the action node outputs it. */
export function eventItem(payload: IDataObject): IDataObject {
	const event: IDataObject = { ...payload };
	if (isObject(payload.Job)) event.Job = toJob(payload.Job);
	if (isObject(payload.QueueItem)) event.QueueItem = withoutODataAnnotations(payload.QueueItem);
	return event;
}

/** Checks the signature over the exact bytes received before anything else; only a genuine, selected event starts a run. */
export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { secret } = subscriptionState(context);
	const rawBody = await rawBodyOf(context);
	const header = context.getHeaderData()[SIGNATURE_HEADER];
	if (!secret || !rawBody || !isSignatureValid(secret, rawBody, header)) {
		return reply(context, 401, 'Missing or invalid X-UiPath-Signature');
	}
	const payload = parsePayload(rawBody);
	if (!payload) return reply(context, 400, 'The delivery is not a JSON object');
	const ignored = reasonToIgnore(context, payload, readEvents(context));
	if (ignored) return { webhookResponse: { message: `Event ignored: ${ignored}` } };
	return { workflowData: [[{ json: eventItem(payload) }]] };
}
