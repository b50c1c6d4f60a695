import type { UiPathEndpoints } from './endpoints';
import { formBody, jsonBody, networkFailureReason, type AuthHttp, type AuthHttpResponse } from './http';
import {
	RefreshTokenRefusedError,
	UiPathSignInError,
	describeNetworkFailure,
	describeRedirect,
	refreshTokenHash,
	describeSignInFailure,
	type SignInStep,
} from './tokenErrors';

export interface TokenSet {
	accessToken: string;
	/** Present when the identity server issued (or rotated) one. */
	refreshToken?: string;
	/** Seconds, as the server said. */
	expiresIn?: number;
	/** The 2019 flow's id_token, which its account discovery needs. */
	idToken?: string;
	scope?: string;
}

export type TokenGrant =
	| {
			grantType: 'authorization_code';
			clientId: string;
			clientSecret?: string;
			code: string;
			redirectUri: string;
			codeVerifier: string;
	  }
	| { grantType: 'refresh_token'; clientId: string; clientSecret?: string; refreshToken: string }
	| { grantType: 'client_credentials'; clientId: string; clientSecret: string; scope: string };

type TokenEndpoint = Pick<UiPathEndpoints, 'tokenUrl' | 'tokenBodyFormat'>;

const STEP: Record<TokenGrant['grantType'], SignInStep> = {
	authorization_code: 'authorizationCode',
	refresh_token: 'refreshToken',
	client_credentials: 'clientCredentials',
};

function grantFields(grant: TokenGrant): Record<string, string | undefined> {
	switch (grant.grantType) {
		case 'authorization_code':
			return {
				grant_type: grant.grantType,
				code: grant.code,
				redirect_uri: grant.redirectUri,
				code_verifier: grant.codeVerifier,
				client_id: grant.clientId,
				client_secret: grant.clientSecret,
			};
		case 'refresh_token':
			return {
				grant_type: grant.grantType,
				refresh_token: grant.refreshToken,
				client_id: grant.clientId,
				client_secret: grant.clientSecret,
			};
		case 'client_credentials':
			return {
				grant_type: grant.grantType,
				client_id: grant.clientId,
				client_secret: grant.clientSecret,
				scope: grant.scope,
			};
	}
}

function grantSecrets(grant: TokenGrant): string[] {
	const secrets = [grant.clientSecret ?? ''];
	if (grant.grantType === 'refresh_token') secrets.push(grant.refreshToken);
	if (grant.grantType === 'authorization_code') secrets.push(grant.code, grant.codeVerifier);
	return secrets.filter((secret) => secret !== '');
}

function text(body: unknown, name: string): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const value = (body as Record<string, unknown>)[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Sends one sign-in request; a transport failure becomes a message with the URL and error code only, and a
 * redirect an error naming where it pointed (following it would carry the secrets to that address).
 */
async function send(
	http: AuthHttp,
	url: string,
	headers: Record<string, string>,
	body: string,
): Promise<AuthHttpResponse | { unreachable: string }> {
	let response: AuthHttpResponse;
	try {
		response = await http({ method: 'POST', url, headers: { Accept: 'application/json', ...headers }, body });
	} catch (error) {
		return { unreachable: networkFailureReason(error) };
	}
	if (response.statusCode >= 300 && response.statusCode < 400) {
		throw new UiPathSignInError(describeRedirect(url, response.statusCode, response.location));
	}
	return response;
}

/** Trades a grant for tokens at the preset's token endpoint (form body today, JSON for the 2019 preset). */
export async function requestToken(http: AuthHttp, endpoint: TokenEndpoint, grant: TokenGrant): Promise<TokenSet> {
	const fields = grantFields(grant);
	const json = endpoint.tokenBodyFormat === 'json';
	const response = await send(
		http,
		endpoint.tokenUrl,
		{ 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
		json ? jsonBody(fields) : formBody(fields),
	);
	if ('unreachable' in response) {
		throw new UiPathSignInError(describeNetworkFailure(endpoint.tokenUrl, response.unreachable));
	}
	const accessToken = text(response.body, 'access_token');
	if (response.statusCode >= 200 && response.statusCode < 300 && accessToken) {
		const expiresIn = Number((response.body as Record<string, unknown>).expires_in);
		return {
			accessToken,
			refreshToken: text(response.body, 'refresh_token'),
			expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
			idToken: text(response.body, 'id_token'),
			scope: text(response.body, 'scope'),
		};
	}
	const failure = describeSignInFailure({
		step: STEP[grant.grantType],
		url: endpoint.tokenUrl,
		statusCode: response.statusCode,
		body: response.body,
		secrets: grantSecrets(grant),
		usedClientSecret: Boolean(grant.clientSecret),
	});
	if (grant.grantType === 'refresh_token' && text(response.body, 'error') === 'invalid_grant') {
		throw new RefreshTokenRefusedError(failure, refreshTokenHash(grant.refreshToken));
	}
	throw new UiPathSignInError(failure);
}

export interface PasswordSignIn {
	tenancyName: string;
	username: string;
	password: string;
}

/** On-premises `/api/Account/Authenticate`: `{ result: <token>, success: true }`. */
export async function signInWithPassword(
	http: AuthHttp,
	passwordSignInUrl: string,
	signIn: PasswordSignIn,
): Promise<TokenSet> {
	const response = await send(
		http,
		passwordSignInUrl,
		{ 'Content-Type': 'application/json' },
		JSON.stringify({
			tenancyName: signIn.tenancyName,
			usernameOrEmailAddress: signIn.username,
			password: signIn.password,
		}),
	);
	if ('unreachable' in response) {
		throw new UiPathSignInError(describeNetworkFailure(passwordSignInUrl, response.unreachable));
	}
	const accessToken = text(response.body, 'result') ?? text(response.body, 'access_token');
	if (response.statusCode >= 200 && response.statusCode < 300 && accessToken) return { accessToken };
	throw new UiPathSignInError(
		describeSignInFailure({
			step: 'password',
			url: passwordSignInUrl,
			statusCode: response.statusCode,
			body: response.body,
			secrets: [signIn.password],
		}),
	);
}
