import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

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

export async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as DeliveryRequest;
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Answers without starting (or resuming) the workflow. */
export function reply(context: IWebhookFunctions, status: number, message: string, extra: IDataObject = {}): IWebhookResponseData {
	const response = context.getResponseObject() as unknown as PlainResponse;
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message, ...extra }));
	return { noWebhookResponse: true };
}

export function parseJsonObject(rawBody: Buffer): IDataObject | undefined {
	try {
		const payload: unknown = JSON.parse(rawBody.toString('utf8'));
		return isObject(payload) ? payload : undefined;
	} catch {
		return undefined;
	}
}

/** The entities of an event, whether it carries one (`Job`) or many (`Jobs`). */
export function entitiesOf(payload: IDataObject, name: string): IDataObject[] {
	const found = [payload[name], payload[`${name}s`]].flatMap((value) => (Array.isArray(value) ? value : [value]));
	return found.filter(isObject);
}
