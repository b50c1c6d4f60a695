import type { KoaContext } from './provider';

/** Where oidc-provider's token answers differ from what UiPath's clients receive. */
export function adjustTokenResponse(ctx: KoaContext, legacyFlow: boolean): void {
	const { oidc } = ctx;
	const body = ctx.body as Record<string, unknown> | undefined;
	if (oidc?.route !== 'token' || !body || typeof body !== 'object') return;
	const grantType = oidc.params.grant_type;
	// RFC 6749 §5.2 (and IdentityServer) call a grant type the app may not use `unauthorized_client`.
	if (
		body.error === 'invalid_request' &&
		grantType !== undefined &&
		oidc.client &&
		!oidc.client.grantTypeAllowed(grantType)
	) {
		body.error = 'unauthorized_client';
	}
	// UiPath names the granted OpenID scopes too (`openid profile offline_access OR.Jobs ...`); oidc-provider only the API's.
	const grant = oidc.entities.Grant;
	if (
		ctx.status === 200 &&
		grant &&
		(grantType === 'authorization_code' || grantType === 'refresh_token')
	) {
		const granted = [...grant.getOIDCScope().split(' '), ...String(body.scope ?? '').split(' ')];
		body.scope = [...new Set(granted.filter((scope) => scope !== ''))].join(' ');
	}
	// Auth0 kept the refresh token of the 2019 flow and answered a refresh without one.
	if (legacyFlow && grantType === 'refresh_token' && ctx.status === 200) delete body.refresh_token;
}
