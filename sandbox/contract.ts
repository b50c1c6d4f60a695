import type { IncomingMessage, ServerResponse } from 'http';

/** Who a bearer token belongs to, as the identity part of the sandbox vouches for it. */
export interface TokenInfo {
	/** How it was issued: authorization code / refresh (user), client credentials, personal access token, 2019 flow, on-premises. */
	kind: 'user' | 'client' | 'pat' | 'legacy' | 'onPremises';
	clientId?: string;
	subject: string;
	scopes: string[];
	/** Set for on-premises tokens, which are bound to one tenant. */
	tenant?: string;
}

/** The identity half of the sandbox (sign-in, tokens, discovery): `sandbox/identity/`. */
export interface Identity {
	/** Serves the request when the path is an identity, 2019-flow, portal-discovery or on-premises sign-in route; false otherwise. */
	handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
	/** undefined when the token is unknown or expired. */
	verifyAccessToken(token: string): Promise<TokenInfo | undefined>;
	close(): Promise<void>;
	/** Counters for the benchmarks: requests to the token endpoints and to the authorize endpoints. */
	stats?: { tokenRequests: number; authorizeRequests: number };
}

/** Secrets generated at each start, printed by `npm run sandbox` and read by tests from `sandbox.state.credentials`. */
export interface SandboxSecrets {
	/** Secret of the confidential External Application (`CONFIDENTIAL_CLIENT_ID`). */
	clientSecret: string;
	/** A personal access token of the seeded user, with every Orchestrator scope. */
	personalAccessToken: string;
	/** Password of the seeded user, for on-premises `/api/Account/Authenticate` (`ON_PREMISES_USERNAME`). */
	password: string;
	/** A personal access token of `FOLDER_USER_EMAIL`, who has roles only in some folders. */
	folderUserPersonalAccessToken: string;
}

export interface IdentityOptions {
	/** Public base URL of the sandbox, e.g. http://127.0.0.1:8787 (issuer and redirect host). */
	baseUrl: string;
	/** Lifetime of access tokens from the current identity endpoints; default 3600. */
	accessTokenTtlSeconds?: number;
	/** Extra redirect URIs accepted for the public PKCE client (e.g. a real n8n's OAuth callback). */
	redirectUris?: string[];
}

export type CreateIdentity = (options: IdentityOptions) => Promise<Identity & { secrets: SandboxSecrets }>;
