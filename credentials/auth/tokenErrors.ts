import { createHash } from 'crypto';
import { looksLikeHtml } from './http';
import { redact } from './redact';

/**
 * One-line sign-in failures that name the credential field to fix. They never carry the HTTP
 * status or the response as properties: n8n's NodeApiError would replace the message with a generic one.
 */
export class UiPathSignInError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UiPathSignInError';
	}
}

/**
 * UiPath answered invalid_grant to a refresh. In queue mode that often means another n8n process traded the
 * same single-use token a moment earlier; the hash (never the token) lets the transport compare it with the
 * refresh token stored now.
 */
export class RefreshTokenRefusedError extends UiPathSignInError {
	constructor(
		message: string,
		readonly refusedTokenHash: string,
	) {
		super(message);
		this.name = 'RefreshTokenRefusedError';
	}
}

/** A refresh token's fingerprint, for comparing tokens without keeping or logging one. */
export function refreshTokenHash(refreshToken: string): string {
	return createHash('sha256').update(refreshToken).digest('hex');
}

export type SignInStep = 'authorizationCode' | 'refreshToken' | 'clientCredentials' | 'password';

export const RELOGIN_HINT =
	'sign in again with the login tool (npm run login) and paste the new Refresh Token (refreshToken)';

const ENDPOINT_FIELDS = 'Base URL (baseUrl), Identity URL (identityUrl) and Identity Preset (identityPreset)';

function oneLine(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function field(body: unknown, name: string): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const value = (body as Record<string, unknown>)[name];
	return typeof value === 'string' ? value : undefined;
}

/** OAuth errors carry `error_description`; on-premises sign-in answers ABP's `{ error: { message, details } }`. */
function serverMessage(body: unknown): string | undefined {
	const direct = field(body, 'error_description') ?? field(body, 'message');
	if (direct) return direct;
	const nested = (body as { error?: unknown } | null)?.error;
	const parts = [field(nested, 'message'), field(nested, 'details')].filter((part) => part !== undefined);
	return parts.length > 0 ? parts.join(' ') : undefined;
}

function oauthFailure(step: SignInStep, code: string, usedClientSecret: boolean): string | undefined {
	const client = usedClientSecret ? 'the App ID (clientId) or App Secret (clientSecret)' : 'the App ID (clientId)';
	switch (code) {
		case 'invalid_client':
			return `UiPath refused ${client}: copy them again from Admin > External Applications`;
		case 'unauthorized_client':
			return `The External Application (clientId) is not allowed to use this sign-in method: check its application type and grant types in Admin > External Applications`;
		case 'invalid_scope':
			return `UiPath refused the requested scopes (scope): grant each of them to the External Application, or remove the ones it lacks`;
		case 'unsupported_grant_type':
			return `The identity server does not support this sign-in method: check ${ENDPOINT_FIELDS}`;
		case 'invalid_grant':
			if (step === 'refreshToken') {
				return `UiPath refused the Refresh Token (refreshToken): it expired, was revoked or was already used; ${RELOGIN_HINT}`;
			}
			if (step === 'authorizationCode') {
				return 'UiPath refused the authorization code (expired, already used, or issued for another redirect URI or code verifier): run the login again';
			}
			return `UiPath refused the sign-in for ${client}`;
		default:
			return undefined;
	}
}

/** Describes a token or sign-in response that carried no usable token. */
export function describeSignInFailure(options: {
	step: SignInStep;
	url: string;
	statusCode: number;
	body: unknown;
	secrets: readonly string[];
	usedClientSecret?: boolean;
}): string {
	const { step, url, statusCode, body, secrets } = options;
	if (looksLikeHtml(body)) {
		return `The identity server at ${url} answered with an HTML page (HTTP ${statusCode}) instead of a token: check ${ENDPOINT_FIELDS}`;
	}
	const code = field(body, 'error');
	const detail = serverMessage(body);
	const suffix = detail ? ` (UiPath said: ${oneLine(redact(detail, secrets))})` : '';
	if (step === 'password' && statusCode >= 400 && statusCode < 500 && statusCode !== 404) {
		return `UiPath refused the sign-in: check Tenancy Name (tenancyName), Username (username) and Password (password)${suffix}`;
	}
	const known = code ? oauthFailure(step, code, options.usedClientSecret === true) : undefined;
	if (known) return `${known}${suffix}`;
	if (statusCode === 404 || statusCode === 405) {
		return `Nothing answers sign-in requests at ${url} (HTTP ${statusCode}): check ${ENDPOINT_FIELDS}`;
	}
	if (statusCode >= 200 && statusCode < 300) {
		return `The identity server at ${url} answered without an access token: check ${ENDPOINT_FIELDS}`;
	}
	const label = code ? `${oneLine(redact(code, secrets))}, HTTP ${statusCode}` : `HTTP ${statusCode}`;
	return `Sign-in at ${url} failed (${label})${suffix}`;
}

/** Where a redirect pointed, without its query (which could carry anything): only to name the address to fix. */
function redirectTarget(url: string, location: string | undefined): string {
	if (!location || !URL.canParse(location, url)) return 'no address';
	const target = new URL(location, url);
	return `${target.origin}${target.pathname}`;
}

export function describeRedirect(url: string, statusCode: number, location: string | undefined): string {
	return `The identity server at ${url} answered with a redirect (HTTP ${statusCode} to ${redirectTarget(url, location)}), which sign-in requests do not follow: set ${ENDPOINT_FIELDS} to the address that answers itself`;
}

export function describeNetworkFailure(url: string, reason: string): string {
	return `Could not reach the identity server at ${url} (${reason}): check ${ENDPOINT_FIELDS}`;
}
