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
}
