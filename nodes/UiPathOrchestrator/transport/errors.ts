import type { IHttpRequestMethods, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { looksLikeHtml } from '../../../credentials/auth/authHttp';
import { redact, redactTokenShapes } from '../../../credentials/auth/redact';

/** What a failed request left behind, read from the error and its causes. */
export interface FailureDetails {
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Node's network error code (ECONNRESET, ETIMEDOUT...) when no answer arrived. */
	networkCode?: string;
}

const NETWORK_CODES = new Set([
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EHOSTUNREACH',
	'ENETDOWN',
	'ENETUNREACH',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

type Level = Record<string, unknown>;

const isObject = (value: unknown): value is Level => typeof value === 'object' && value !== null;

function toStatus(value: unknown): number | undefined {
	const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
	return typeof status === 'number' && status >= 100 && status <= 599 ? status : undefined;
}

function errorChain(error: unknown): Level[] {
	const chain: Level[] = [];
	let current: unknown = error;
	while (isObject(current) && !chain.includes(current) && chain.length < 8) {
		chain.push(current);
		current = current.cause;
	}
	return chain;
}

export function inspectFailure(error: unknown): FailureDetails {
	const details: FailureDetails = {};
	for (const level of errorChain(error)) {
		const response = isObject(level.response) ? level.response : undefined;
		details.status ??= toStatus(level.httpCode) ?? toStatus(response?.status) ?? toStatus(response?.statusCode);
		if (!details.headers && isObject(response?.headers)) details.headers = response.headers;
		if (details.body === undefined) {
			const context = isObject(level.context) ? level.context : undefined;
			details.body = response?.data ?? response?.body ?? context?.data;
		}
		if (!details.networkCode && typeof level.code === 'string' && NETWORK_CODES.has(level.code)) {
			details.networkCode = level.code;
		}
	}
	// "timeout of 30000ms exceeded" carries no code on every client version.
	if (!details.status && !details.networkCode && /timeout|timed out|socket hang up/i.test(messageOf(error))) {
		details.networkCode = 'ETIMEDOUT';
	}
	return details;
}

function messageOf(error: unknown): string {
	return isObject(error) && typeof error.message === 'string' ? error.message : '';
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number | undefined {
	if (!headers) return undefined;
	const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
	const value = String(Array.isArray(entry) ? entry[0] : (entry ?? '')).trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Route prefix → scope family, as orchestrator.yaml states "OAuth required scopes" for each operation. */
const SCOPE_FAMILIES: Array<[string, string]> = [
	['/odata/Jobs', 'OR.Jobs'],
	['/odata/Releases', 'OR.Execution'],
	['/odata/Processes', 'OR.Execution'],
	['/odata/Folders', 'OR.Folders'],
	['/odata/Robots', 'OR.Robots'],
	['/odata/Sessions', 'OR.Robots'],
	['/odata/Queue', 'OR.Queues'],
	['/odata/Assets', 'OR.Assets'],
	['/odata/RobotLogs', 'OR.Monitoring'],
	['/odata/Buckets', 'OR.Administration'],
	['/odata/Webhooks', 'OR.Webhooks'],
	['/odata/Users', 'OR.Users'],
	['/odata/Task', 'OR.Tasks'],
	['/tasks/', 'OR.Tasks'],
	['/forms/', 'OR.Tasks'],
];

/** The OAuth scopes Orchestrator asks for on a route: the family, or its Read/Write half. */
export function scopesFor(method: IHttpRequestMethods, path: string): string | undefined {
	const family = SCOPE_FAMILIES.find(([prefix]) => path.startsWith(prefix))?.[1];
	return family && `${family} or ${family}.${method === 'GET' ? 'Read' : 'Write'}`;
}

/** Keeps the request's known secrets (in any encoding), bearer tokens and JWTs out of any text that reaches a message. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
	return redactTokenShapes(redact(text, secrets));
}

function parseBody(body: unknown): Level | undefined {
	if (isObject(body) && !Buffer.isBuffer(body)) return body;
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** What an operation tells the user about a status it knows more about than the transport; UiPath's own message wins when it sent one. */
export interface ErrorHint {
	/** Used when UiPath's answer carried no message. */
	message: string;
	/** What to do about it; a function when it names the request's folder. */
	description: string | ((request: FailedRequest) => string);
}

/** Hints by HTTP status, declared beside the operation that sends the request. */
export type ErrorHints = Partial<Record<number, ErrorHint>>;

export interface FailedRequest {
	method: IHttpRequestMethods;
	path: string;
	/** The service's base URL (never contains a secret). */
	baseUrl: string;
	folderDescription?: string;
	hints?: ErrorHints;
	/** The credential's secrets and the body's (a webhook's Secret), removed from every text of the error. */
	secrets?: readonly string[];
}

/** Why a request failed, what UiPath said, and what the user can do about it. */
interface Explanation {
	message: string;
	description: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * UiPath's message from any envelope its services answer (UiPathOrch's TestData/ErrorMessageExtraction.tsv, the
 * typescript SDK's error parsers): Orchestrator's { message, errorCode }, OAuth's { error, error_description },
 * identity's { errorMessage }, PascalCase { StatusCode, Message }, ProblemDetails { title, errors }, and the older
 * ASP.NET Boilerplate envelope whose `error` object holds the message and its `details`.
 */
function uiPathMessageOf(body: Level | undefined): string | undefined {
	if (!body) return undefined;
	const nested = isObject(body.error) ? body.error : undefined;
	const message = [body.message, body.Message, body.errorMessage, body.error_description, body.error, nested?.message, body.title]
		.map(text)
		.find((value) => value !== undefined);
	const details: string[] = [];
	const nestedDetails = text(nested?.details);
	if (nestedDetails && nestedDetails !== message) details.push(nestedDetails);
	if (isObject(body.errors)) {
		for (const [field, problems] of Object.entries(body.errors)) {
			const listed = (Array.isArray(problems) ? problems : [problems]).map(text).filter((value) => value !== undefined);
			if (listed.length > 0) details.push(`${field}: ${listed.join(', ')}`);
		}
	}
	if (!message) return details.length > 0 ? details.join('; ') : undefined;
	return details.length > 0 ? `${message} (${details.join('; ')})` : message;
}

function explain(details: FailureDetails, request: FailedRequest, original: Explanation): Explanation {
	const body = parseBody(details.body);
	const uiPathMessage = uiPathMessageOf(body);
	const errorCode = errorCodeOf(body);
	const traceId = typeof body?.traceId === 'string' ? ` (trace id ${body.traceId})` : '';
	const said = uiPathMessage
		? `${uiPathMessage}${errorCode !== undefined && errorCode !== 0 ? ` [error ${errorCode}]` : ''}`
		: original.message;
	const status = details.status;
	const target = `${request.method} ${request.baseUrl}${request.path}`;

	if (looksLikeHtml(details.body)) {
		return {
			message: `UiPath answered with a web page instead of data${status ? ` (HTTP ${status})` : ''}`,
			description: `The address ${request.baseUrl} does not point at an Orchestrator API. Check the credential's base URL, organization and tenant (their logical names, exactly as they appear in the Orchestrator URL).`,
		};
	}
	if (errorCode === 1101) {
		return {
			message: `${said || 'An organization unit is required for this action'}`,
			description: 'This operation runs inside a folder: choose one in the Folder parameter (from the list, by ID or by path such as Finance/Invoices).',
		};
	}
	if (errorCode === 1100) {
		return {
			message: said || 'Folder does not exist or the user does not have access to the folder',
			description: `UiPath does not know ${request.folderDescription ?? 'this folder'}, or the signed-in user or External Application has no role in it. Check the folder's ID or full path, and assign the user or app to that folder in Orchestrator.`,
		};
	}
	const hint = status === undefined ? undefined : request.hints?.[status];
	if (hint) {
		return {
			message: said || hint.message,
			description: typeof hint.description === 'function' ? hint.description(request) : hint.description,
		};
	}
	switch (status) {
		case 401:
			return {
				message: said || 'UiPath refused the credential (401 Unauthorized)',
				description: 'The access token was refused even after a fresh sign-in. Check the credential: organization and tenant, the App ID and secret or personal access token, and that the app is still registered.',
			};
		case 403: {
			const scopes = scopesFor(request.method, request.path);
			return {
				message: said || 'UiPath refused this operation (403 Forbidden)',
				description: scopes
					? `This operation needs the scope ${scopes}. Add it to the External Application (Admin > External Applications) and to the credential's scopes, then reconnect; also check the user's or app's role in the folder.`
					: 'The signed-in user or app lacks a permission for this request. Check its scopes and its role in the folder.',
			};
		}
		case 404:
			return {
				message: said || `Not found: ${target}`,
				description: 'Check the ID or name you gave and the folder it lives in; if every request fails this way, check the credential\'s organization and tenant.',
			};
		case 429:
			return {
				message: said || 'UiPath is rate limiting these requests (429 Too Many Requests)',
				description: 'The node waited as long as UiPath asked and retried, but the limit still applies. Lower the number of items per run or space the runs out.',
			};
	}
	if (!status && details.networkCode) {
		return {
			message: `Could not reach UiPath at ${request.baseUrl}`,
			description: `No answer to ${request.method} ${request.path} (network error ${details.networkCode}). Check the network path and the credential's base URL.`,
		};
	}
	return {
		message: said || `UiPath request failed${status ? ` with HTTP ${status}` : ''}: ${target}`,
		description: original.description || `${target}${traceId}`,
	};
}

/** Orchestrator's `errorCode` (1100, 1101...), a number in its answers. */
function errorCodeOf(body: Level | undefined): number | undefined {
	const value = body?.errorCode ?? body?.ErrorCode;
	const code = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof code === 'number' && Number.isFinite(code) ? code : undefined;
}

/**
 * The one error the node throws for a failed request to UiPath: a NodeApiError (its HTTP status kept) built from
 * sanitized data, so no request header and so no token travels with it, carrying what callers decide on.
 */
export class UiPathApiError extends NodeApiError {
	/** HTTP status of UiPath's answer; undefined when no answer arrived. */
	readonly status?: number;

	/** Orchestrator's `errorCode` (1100: unknown folder, 1101: folder required...). */
	readonly errorCode?: number;

	/** How long UiPath asked to wait before the next request (Retry-After). */
	readonly retryAfterMs?: number;

	/** Node's network error code (ECONNRESET, ETIMEDOUT...) when no answer arrived. */
	readonly networkCode?: string;

	/** Whether UiPath may have carried out the request: no answer, or a 5xx. */
	readonly ambiguous: boolean;

	constructor(node: INode, details: FailureDetails, request: FailedRequest, original: Explanation = { message: '', description: '' }) {
		const { message, description } = explain(details, request, original);
		const body = parseBody(details.body);
		const errorCode = errorCodeOf(body);
		const httpCode = details.status ? { httpCode: String(details.status) } : undefined;
		const safeResponse: JsonObject = {
			message: redactSecrets(message, request.secrets),
			...httpCode,
			...(errorCode !== undefined ? { errorCode: String(errorCode) } : {}),
			...(typeof body?.traceId === 'string' ? { traceId: body.traceId } : {}),
		};
		super(node, safeResponse, {
			message: redactSecrets(message, request.secrets),
			description: redactSecrets(description, request.secrets),
			...httpCode,
		});
		// n8n recognizes API errors by name (it rethrows them whole and shows their details).
		this.name = 'NodeApiError';
		this.status = details.status;
		this.errorCode = errorCode;
		this.retryAfterMs = retryAfterMs(details.headers);
		this.networkCode = details.networkCode;
		this.ambiguous = details.status === undefined || details.status >= 500;
	}
}

/** A failure of n8n's request helper as a UiPathApiError: status, headers and body read once from the error and its causes. */
export function toUiPathApiError(node: INode, error: unknown, request: FailedRequest): UiPathApiError {
	if (error instanceof UiPathApiError) return error;
	return new UiPathApiError(node, inspectFailure(error), request, {
		message: messageOf(error),
		description: isObject(error) && typeof error.description === 'string' ? error.description : '',
	});
}
