import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CREDENTIAL_TYPES, identityPresetOf, LEGACY_PUBLIC_CLIENT_ID, resolveUiPathEndpoints } from './endpoints';
import type { AuthHttp } from './http';
import { flightKey, refreshOnce, singleFlight } from './singleFlight';
import { UiPathSignInError } from './tokenErrors';
import { requestToken, signInWithPassword } from './tokenRequests';

export type AuthType = 'refreshToken' | 'clientCredentials' | 'personalAccessToken' | 'password';

/** What preAuthentication returns: n8n persists every key, so a rotated refresh token is kept. */
export interface ObtainedCredentialData {
	accessToken?: string;
	refreshToken?: string;
	/** 2019 preset: the sign-in's id_token, the Bearer token of its account service (/cloudrpa/api). */
	idToken?: string;
}

const LABELS: Record<string, string> = {
	clientId: 'App ID (clientId)',
	clientSecret: 'App Secret (clientSecret)',
	scope: 'Scopes (scope)',
	refreshToken: 'Refresh Token (refreshToken)',
	personalAccessToken: 'Personal Access Token (personalAccessToken)',
	tenancyName: 'Tenancy Name (tenancyName)',
	username: 'Username (username)',
	password: 'Password (password)',
};

function optional(data: ICredentialDataDecryptedObject, name: string): string {
	const value = data[name];
	return typeof value === 'string' ? value.trim() : '';
}

function required(data: ICredentialDataDecryptedObject, name: string, hint = ''): string {
	const value = optional(data, name);
	if (!value) throw new UiPathSignInError(`${LABELS[name]} is required${hint}`);
	return value;
}

export function authTypeOf(data: ICredentialDataDecryptedObject): AuthType {
	const value = optional(data, 'authType') || 'refreshToken';
	if (!['refreshToken', 'clientCredentials', 'personalAccessToken', 'password'].includes(value)) {
		throw new UiPathSignInError(
			`Authentication (authType) "${value}" is not one of refreshToken, clientCredentials, personalAccessToken, password`,
		);
	}
	return value as AuthType;
}

/** The 2019 preset falls back to the community guide's public client when no App ID is given. */
export function clientIdOf(data: ICredentialDataDecryptedObject): string {
	const clientId = optional(data, 'clientId');
	if (clientId) return clientId;
	if (identityPresetOf(data) === 'legacy2019') return LEGACY_PUBLIC_CLIENT_ID;
	return required(data, 'clientId', ': copy it from Admin > External Applications');
}

async function fromRefreshToken(http: AuthHttp, data: ICredentialDataDecryptedObject): Promise<ObtainedCredentialData> {
	const endpoints = resolveUiPathEndpoints(CREDENTIAL_TYPES.api, data);
	const clientId = clientIdOf(data);
	const clientSecret = optional(data, 'clientSecret') || undefined;
	const refreshToken = required(data, 'refreshToken', ': get one with the login tool (npm run login)');
	const authority = { tokenUrl: endpoints.tokenUrl, clientId, clientSecret };
	const tokens = await refreshOnce(authority, refreshToken, async (current) =>
		await requestToken(http, endpoints, { grantType: 'refresh_token', clientId, clientSecret, refreshToken: current }),
	);
	return {
		accessToken: tokens.accessToken,
		refreshToken: tokens.refreshToken ?? refreshToken,
		...(tokens.idToken ? { idToken: tokens.idToken } : {}),
	};
}

async function fromClientCredentials(
	http: AuthHttp,
	data: ICredentialDataDecryptedObject,
): Promise<ObtainedCredentialData> {
	if (identityPresetOf(data) === 'legacy2019') {
		throw new UiPathSignInError(
			'Client credentials (authType) need an External Application: choose the Automation Cloud or on-premises Identity Preset (identityPreset)',
		);
	}
	const endpoints = resolveUiPathEndpoints(CREDENTIAL_TYPES.api, data);
	const clientId = required(data, 'clientId', ': copy it from Admin > External Applications');
	const clientSecret = required(data, 'clientSecret', ': it is shown once when the External Application is created');
	const scope = required(data, 'scope', ': list the application scopes granted to the External Application');
	if (/(^|\s)offline_access(\s|$)/.test(scope)) {
		throw new UiPathSignInError('Scopes (scope) must not contain offline_access with client credentials: remove it');
	}
	const grant = { grantType: 'client_credentials', clientId, clientSecret, scope } as const;
	const tokens = await singleFlight(flightKey(endpoints.tokenUrl, clientId, clientSecret, scope), async () =>
		await requestToken(http, endpoints, grant),
	);
	return { accessToken: tokens.accessToken };
}

async function fromPassword(http: AuthHttp, data: ICredentialDataDecryptedObject): Promise<ObtainedCredentialData> {
	const endpoints = resolveUiPathEndpoints(CREDENTIAL_TYPES.api, data);
	if (!endpoints.passwordSignInUrl) {
		throw new UiPathSignInError(
			'Username and password (authType) work only with the on-premises Identity Preset (identityPreset)',
		);
	}
	const signIn = {
		tenancyName: required(data, 'tenancyName', ': the tenant name shown on the Orchestrator sign-in page'),
		username: required(data, 'username'),
		password: required(data, 'password'),
	};
	const url = endpoints.passwordSignInUrl;
	const tokens = await singleFlight(flightKey(url, signIn.tenancyName, signIn.username, signIn.password), async () =>
		await signInWithPassword(http, url, signIn),
	);
	return { accessToken: tokens.accessToken };
}

/**
 * What the uiPathApi credential's preAuthentication does for each Authentication type. A personal access
 * token is sent as it is (see the credential's authenticate), so nothing is fetched for it.
 */
export async function obtainAccessToken(
	http: AuthHttp,
	data: ICredentialDataDecryptedObject,
): Promise<ObtainedCredentialData> {
	switch (authTypeOf(data)) {
		case 'refreshToken':
			return await fromRefreshToken(http, data);
		case 'clientCredentials':
			return await fromClientCredentials(http, data);
		case 'password':
			return await fromPassword(http, data);
		case 'personalAccessToken':
			required(data, 'personalAccessToken', ': create one under Preferences > Personal Access Token');
			resolveUiPathEndpoints(CREDENTIAL_TYPES.api, data);
			return {};
	}
}
