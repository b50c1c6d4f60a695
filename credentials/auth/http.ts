import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** What the token code asks of HTTP; the credential passes n8n's `helpers.httpRequest`, the login tool `fetch`. */
export interface AuthHttpRequest {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	/** Already encoded (form or JSON), so every transport sends the same bytes. */
	body?: string;
}

export interface AuthHttpResponse {
	statusCode: number;
	/** Parsed JSON when the server sent JSON, else the raw text. */
	body: unknown;
	/** The Location header of a redirect, which is reported, never followed. */
	location?: string;
}

/** Must resolve for every HTTP status, follow no redirect, and reject only when no response arrived. */
export type AuthHttp = (request: AuthHttpRequest) => Promise<AuthHttpResponse>;

type N8nHttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** Adapts n8n's `this.helpers.httpRequest` (from preAuthentication) to AuthHttp. */
export function n8nAuthHttp(httpRequest: N8nHttpRequest): AuthHttp {
	return async (request) => {
		const response = (await httpRequest({
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: request.body,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A 307/308 would resend the secret-bearing body to whatever origin it names.
			disableFollowRedirect: true,
		})) as IDataObject;
		const location = (response.headers as IDataObject | undefined)?.location;
		return {
			statusCode: Number(response.statusCode),
			body: parseBody(response.body),
			...(typeof location === 'string' ? { location } : {}),
		};
	};
}

/** A web page (sign-in, not found) where data was expected: what a wrong address reaches on UiPath's site. */
export function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*<(!doctype|html|head|body|!--)/i.test(body);
}

export function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return body;
	}
}

export function formBody(fields: Record<string, string | undefined>): string {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		if (value !== undefined && value !== '') form.append(name, value);
	}
	return form.toString();
}

export function jsonBody(fields: Record<string, string | undefined>): string {
	return JSON.stringify(
		Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')),
	);
}

/** Plain words, not Node's codes: n8n replaces a message that contains one (ECONNREFUSED...) with a generic text. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection closed by the server',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	UND_ERR_CONNECT_TIMEOUT: 'timed out',
	UND_ERR_SOCKET: 'connection closed by the server',
	EHOSTUNREACH: 'host unreachable',
	CERT_HAS_EXPIRED: 'TLS certificate expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

/** Why no response arrived, from the error's code only: a transport error can carry the request body (secrets). */
export function networkFailureReason(error: unknown): string {
	const failure = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = failure?.code ?? failure?.cause?.code;
	return (typeof code === 'string' && NETWORK_FAILURES[code]) || 'no response';
}
