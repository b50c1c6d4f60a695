import type { IdentityEndpoints, IdentityPreset } from '../../credentials/auth/endpoints';

/** The audience the 2019 guide asked account.uipath.com for. */
export const LEGACY_AUDIENCE = 'https://orchestrator.cloud.uipath.com';
export const LEGACY_SCOPE = 'openid profile offline_access email';

export interface AuthorizeRequest {
	clientId: string;
	redirectUri: string;
	scope: string;
	state: string;
	codeChallenge: string;
}

/** The URL the person opens to sign in: authorization code with PKCE (S256). */
export function authorizeUrl(preset: IdentityPreset, endpoints: IdentityEndpoints, request: AuthorizeRequest): string {
	const url = new URL(endpoints.authorizeUrl);
	url.searchParams.set('response_type', 'code');
	url.searchParams.set('client_id', request.clientId);
	url.searchParams.set('redirect_uri', request.redirectUri);
	url.searchParams.set('scope', request.scope);
	url.searchParams.set('state', request.state);
	url.searchParams.set('code_challenge', request.codeChallenge);
	url.searchParams.set('code_challenge_method', 'S256');
	if (preset === 'legacy2019') url.searchParams.set('audience', LEGACY_AUDIENCE);
	return url.toString();
}
