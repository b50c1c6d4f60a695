import {
	CONFIDENTIAL_CLIENT_ID,
	LEGACY_CLIENT_ID,
	LEGACY_REDIRECT_URI,
	PUBLIC_CLIENT_ID,
} from '../fixtures';
import { APPLICATION_SCOPES, OIDC_SCOPES } from './scopes';

/** Redirect URIs of the PKCE app: the login tool's loopback (any port, RFC 8252 §7.3) and n8n's OAuth callback. */
export const PUBLIC_CLIENT_REDIRECT_URIS = [
	'http://127.0.0.1/callback',
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
];

/** The 2019 flow issued day-long tokens (`expires_in: 86400` in the community guide). */
export const LEGACY_TOKEN_TTL_SECONDS = 86400;

/** Scopes each registered application may ask for (External Applications in UiPath's admin portal). */
export const ALLOWED_SCOPES: Record<string, readonly string[]> = {
	[PUBLIC_CLIENT_ID]: [...OIDC_SCOPES, ...APPLICATION_SCOPES],
	[CONFIDENTIAL_CLIENT_ID]: APPLICATION_SCOPES,
	[LEGACY_CLIENT_ID]: OIDC_SCOPES,
};

/** oidc-provider client metadata of the seeded applications. */
export function clientMetadata(
	clientSecret: string,
	extraRedirectUris: readonly string[] = [],
): Array<Record<string, unknown>> {
	return [
		{
			client_id: PUBLIC_CLIENT_ID,
			client_name: 'Sandbox PKCE app (non-confidential)',
			// `native` lets oidc-provider accept any port on loopback redirect URIs.
			application_type: 'native',
			token_endpoint_auth_method: 'none',
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			redirect_uris: [...PUBLIC_CLIENT_REDIRECT_URIS, ...extraRedirectUris],
		},
		{
			client_id: CONFIDENTIAL_CLIENT_ID,
			client_name: 'Sandbox confidential app',
			client_secret: clientSecret,
			// Credentials in the body or in a Basic header are both accepted for a secret-based method.
			token_endpoint_auth_method: 'client_secret_post',
			grant_types: ['client_credentials'],
			response_types: [],
			redirect_uris: [],
		},
		{
			client_id: LEGACY_CLIENT_ID,
			client_name: 'UiPath 2019 community client (account.uipath.com)',
			application_type: 'native',
			token_endpoint_auth_method: 'none',
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			redirect_uris: [LEGACY_REDIRECT_URI],
		},
	];
}
