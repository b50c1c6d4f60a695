import { PUBLIC_CLIENT_ID } from '../../../sandbox/fixtures';

/** RFC 7636 Appendix B: the verifier and its S256 challenge. */
export const RFC7636_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const RFC7636_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

export const LOOPBACK_REDIRECT_URI = 'http://127.0.0.1:53682/callback';
export const USER_SCOPE = 'openid profile offline_access OR.Jobs OR.Folders.Read OR.Execution.Read';

export interface TokenResponse {
	status: number;
	body: Record<string, unknown>;
}

/** Follows nothing: the authorize answer is read as a browser would receive it. */
export async function authorize(
	baseUrl: string,
	path: string,
	params: Record<string, string>,
): Promise<Response> {
	const url = new URL(path, baseUrl);
	url.search = new URLSearchParams(params).toString();
	return fetch(url, { redirect: 'manual' });
}

export function pkceParams(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		response_type: 'code',
		client_id: PUBLIC_CLIENT_ID,
		redirect_uri: LOOPBACK_REDIRECT_URI,
		scope: USER_SCOPE,
		state: 'state-4711',
		code_challenge: RFC7636_CHALLENGE,
		code_challenge_method: 'S256',
		...overrides,
	};
}

/** The `code` of a successful authorize redirect (throws with what came back otherwise). */
export async function authorizationCode(
	baseUrl: string,
	params: Record<string, string> = pkceParams(),
): Promise<string> {
	const response = await authorize(baseUrl, '/identity_/connect/authorize', params);
	const location = response.headers.get('location');
	const code = location ? new URL(location).searchParams.get('code') : null;
	if (!code)
		throw new Error(`authorize answered ${response.status} ${location ?? (await response.text())}`);
	return code;
}

export async function postForm(
	baseUrl: string,
	path: string,
	form: URLSearchParams,
	headers: Record<string, string> = {},
): Promise<TokenResponse> {
	const response = await fetch(new URL(path, baseUrl), { method: 'POST', body: form, headers });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function postJson(
	baseUrl: string,
	path: string,
	json: unknown,
): Promise<TokenResponse> {
	const response = await fetch(new URL(path, baseUrl), {
		method: 'POST',
		body: JSON.stringify(json),
		headers: { 'Content-Type': 'application/json' },
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function codeExchange(
	code: string,
	overrides: Record<string, string> = {},
): URLSearchParams {
	return new URLSearchParams({
		grant_type: 'authorization_code',
		code,
		code_verifier: RFC7636_VERIFIER,
		client_id: PUBLIC_CLIENT_ID,
		redirect_uri: LOOPBACK_REDIRECT_URI,
		...overrides,
	});
}

/** The claims of a JWT, read without verifying it (what a client sees). */
export function jwtClaims(token: unknown): Record<string, unknown> {
	if (typeof token !== 'string') throw new Error('not a token');
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
		string,
		unknown
	>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
