import type { KoaContext } from './provider';

/** Where oidc-provider's token answers differ from what UiPath's clients receive. */
export function adjustTokenResponse(ctx: KoaContext, legacyFlow: boolean): void {
	const { oidc } = ctx;
	const body = ctx.body as Record<string, unknown> | undefined;
	if (oidc?.route !== 'token' || !body || typeof body !== 'object') return;
	const grantType = oidc.params.grant_type;
	// RFC 6749 §5.2 (and IdentityServer) call a grant type the app may not use `unauthorized_client`.
	if (body.error === 'invalid_request' && grantType !== undefined && oidc.client && !oidc.client.grantTypeAllowed(grantType)) {
		body.error = 'unauthorized_client';
	}
	// Auth0 kept the refresh token of the 2019 flow and answered a refresh without one.
	if (legacyFlow && grantType === 'refresh_token' && ctx.status === 200) delete body.refresh_token;
}
