import type { IncomingMessage, ServerResponse } from 'http';
import { LEGACY_CLIENT_ID, ORGANIZATION_ID, USER_EMAIL, USER_NAME } from '../fixtures';
import { ALLOWED_SCOPES, clientMetadata, LEGACY_TOKEN_TTL_SECONDS } from './clients';
import { createMemoryAdapter } from './memoryAdapter';
import { nodeConsole, nodeRequire, toNodeRealm } from './nodeRequire';
import { USER_ID, USER_PROFILE } from './organization';
import { isOidcScope, OIDC_SCOPES } from './scopes';
import type { SigningKey } from './signingKey';

/** Refresh tokens are single use and expire after 60 days, as UiPath's do. */
export const REFRESH_TOKEN_TTL_SECONDS = 60 * 24 * 3600;

/** Audience of every access token, as in UiPath's tokens (`aud: "UiPath.Orchestrator"`). */
export const ORCHESTRATOR_AUDIENCE = 'UiPath.Orchestrator';

/** The parts of oidc-provider's request context this configuration reads (the package ships no types). */
export interface OidcClient {
	clientId: string;
	grantTypeAllowed(grantType: string): boolean;
}
interface OidcContext {
	query?: Record<string, string | string[] | undefined>;
	oidc: {
		route: string;
		entities: { Grant?: { getOIDCScope(): string } };
		params: Record<string, string | undefined>;
		client?: OidcClient;
		session: { accountId?: string };
		resourceServers: Record<string, unknown>;
	};
}
export interface KoaContext {
	req: IncomingMessage;
	status: number;
	body: unknown;
	oidc?: OidcContext['oidc'];
}
interface OidcGrant {
	addOIDCScope(scope: string): void;
	addResourceScope(resource: string, scope: string): void;
	save(): Promise<string>;
}
interface OidcToken {
	kind: string;
}
export interface OidcProvider {
	issuer: string;
	Client: { find(clientId: string): Promise<unknown> };
	callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
	use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
	Session: new (payload: { accountId: string; loginTs: number }) => {
		jti: string;
		save(ttl: number): Promise<string>;
	};
	Grant: new (payload: { accountId: string; clientId: string }) => OidcGrant;
	interactionFinished(
		req: IncomingMessage,
		res: ServerResponse,
		result: Record<string, unknown>,
		options: { mergeWithLastSubmission: boolean },
	): Promise<void>;
}
interface OidcErrors {
	InvalidScope: new (description: string, scope: string) => Error;
	InvalidTarget: new (description?: string) => Error;
}
interface OidcPromptPolicy {
	get(prompt: string): { checks: { remove(reason: string): void } };
}
interface OidcModule {
	Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
	errors: OidcErrors;
	interactionPolicy: { base(): OidcPromptPolicy };
}

/** oidc-provider is ESM only; Node's own require loads it on Node 20.19+. */
function loadOidcProvider(): OidcModule {
	const output = nodeConsole();
	const warn = output.warn;
	// Its load-time notice says Node 20 is not its target LTS; the sandbox is tested on Node 20, so it is noise.
	output.warn = (...args: unknown[]) => {
		if (!String(args[0]).includes('Unsupported runtime')) warn.apply(output, args);
	};
	try {
		return nodeRequire(__filename)('oidc-provider') as OidcModule;
	} finally {
		output.warn = warn;
	}
}

export interface ProviderOptions {
	issuer: string;
	/** Resource indicator of Orchestrator; every access token is issued for it. */
	resource: string;
	clientSecret: string;
	redirectUris: readonly string[];
	accessTokenTtlSeconds: number;
	signingKey: SigningKey;
}

export async function createProvider(options: ProviderOptions): Promise<OidcProvider> {
	const { Provider, errors, interactionPolicy } = loadOidcProvider();
	const policy = interactionPolicy.base();
	// The seeded person has consented once and for all, also for native (loopback) apps.
	policy.get('consent').checks.remove('native_client_prompt');

	const accessTokenTtl = (client?: OidcClient): number =>
		client?.clientId === LEGACY_CLIENT_ID
			? LEGACY_TOKEN_TTL_SECONDS
			: options.accessTokenTtlSeconds;

	/** UiPath answers invalid_scope for a scope the app was not granted, and for user scopes with client credentials. */
	const enforceScopePolicy = (ctx: OidcContext, client: OidcClient): void => {
		const { params, route } = ctx.oidc;
		const allowed = ALLOWED_SCOPES[client.clientId] ?? [];
		const clientCredentials = route === 'token' && params.grant_type === 'client_credentials';
		if (clientCredentials && params.scope === undefined) {
			// Without a scope parameter UiPath's Identity Server grants every scope of the app.
			params.scope = allowed.join(' ');
			return;
		}
		for (const scope of params.scope?.split(' ') ?? []) {
			if (clientCredentials && isOidcScope(scope)) {
				throw new errors.InvalidScope(
					`${scope} cannot be requested with client credentials`,
					scope,
				);
			}
			if (!allowed.includes(scope)) {
				throw new errors.InvalidScope(`the application is not granted the scope ${scope}`, scope);
			}
		}
	};

	const findAccount = async (_ctx: unknown, sub: string) =>
		sub !== USER_ID
			? undefined
			: toNodeRealm({
					accountId: sub,
					claims: async () =>
						toNodeRealm({
							sub,
							name: `${USER_PROFILE.name} ${USER_PROFILE.surname}`,
							given_name: USER_PROFILE.name,
							family_name: USER_PROFILE.surname,
							preferred_username: USER_NAME,
							email: USER_EMAIL,
							email_verified: true,
							prt_id: ORGANIZATION_ID,
						}),
				});

	const provider = new Provider(
		options.issuer,
		toNodeRealm({
			adapter: createMemoryAdapter(),
			// IdentityServer's endpoint paths, as UiPath serves them under `/identity_`.
			routes: {
				authorization: '/connect/authorize',
				token: '/connect/token',
				userinfo: '/connect/userinfo',
				end_session: '/connect/endsession',
				jwks: '/.well-known/openid-configuration/jwks',
			},
			clients: clientMetadata(options.clientSecret, options.redirectUris),
			jwks: { keys: [options.signingKey.privateJwk] },
			scopes: [...OIDC_SCOPES],
			claims: {
				openid: ['sub'],
				profile: ['name', 'given_name', 'family_name', 'preferred_username', 'prt_id'],
				email: ['email', 'email_verified'],
			},
			// The 2019 flow used the id_token's profile claims directly; put them in it.
			conformIdTokenClaims: false,
			features: {
				devInteractions: { enabled: false },
				clientCredentials: { enabled: true },
				resourceIndicators: {
					enabled: true,
					defaultResource: async () => options.resource,
					useGrantedResource: async () => true,
					getResourceServerInfo: async (
						ctx: OidcContext,
						indicator: string,
						client: OidcClient,
					) => {
						if (indicator !== options.resource) throw new errors.InvalidTarget();
						enforceScopePolicy(ctx, client);
						return toNodeRealm({
							scope: (ALLOWED_SCOPES[client.clientId] ?? [])
								.filter((scope) => !isOidcScope(scope))
								.join(' '),
							audience: ORCHESTRATOR_AUDIENCE,
							accessTokenTTL: accessTokenTtl(client),
							accessTokenFormat: 'jwt',
							jwt: { sign: { alg: 'RS256' } },
						});
					},
				},
			},
			// UiPath access tokens carry the organization (`prt_id`) and who the subject is (`sub_type`).
			extraTokenClaims: async (_ctx: unknown, token: OidcToken) =>
				toNodeRealm({
					prt_id: ORGANIZATION_ID,
					sub_type: token.kind === 'ClientCredentials' ? 'service.external' : 'user',
				}),
			findAccount,
			// Auto consent: the seeded person grants whatever the (already checked) request asks for.
			loadExistingGrant: async (ctx: OidcContext) => {
				const { client, session, params, resourceServers } = ctx.oidc;
				if (!client || !session.accountId) return undefined;
				// oidc-provider drops offline_access unless prompt=consent (OIDC Core §11); UiPath keeps it, so read the request as sent.
				const sent = typeof ctx.query?.scope === 'string' ? ctx.query.scope : params.scope;
				const requested = sent?.split(' ').filter((scope) => scope !== '') ?? [];
				const grant = new provider.Grant(
					toNodeRealm({ accountId: session.accountId, clientId: client.clientId }),
				);
				grant.addOIDCScope(requested.filter(isOidcScope).join(' '));
				for (const resource of Object.keys(resourceServers)) {
					grant.addResourceScope(
						resource,
						requested.filter((scope) => !isOidcScope(scope)).join(' '),
					);
				}
				await grant.save();
				return grant;
			},
			interactions: {
				policy,
				url: async (_ctx: unknown, interaction: { uid: string }) =>
					`/identity_/interaction/${interaction.uid}`,
			},
			issueRefreshToken: async (ctx: OidcContext, client: OidcClient) =>
				client.grantTypeAllowed('refresh_token') &&
				(ctx.oidc.entities.Grant?.getOIDCScope().split(' ').includes('offline_access') ?? false),
			// One-time refresh tokens, except in the 2019 flow where the guide stores one refresh token for good.
			rotateRefreshToken: (ctx: OidcContext) => ctx.oidc.client?.clientId !== LEGACY_CLIENT_ID,
			ttl: {
				AccessToken: (_ctx: unknown, _token: unknown, client: OidcClient) => accessTokenTtl(client),
				ClientCredentials: (_ctx: unknown, _token: unknown, client: OidcClient) =>
					accessTokenTtl(client),
				IdToken: (_ctx: unknown, _token: unknown, client: OidcClient) => accessTokenTtl(client),
				AuthorizationCode: 300,
				// UiPath's refresh tokens expire after 60 days (External Applications guide); the grant lives as long.
				RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
				Grant: REFRESH_TOKEN_TTL_SECONDS,
				Session: 24 * 3600,
				Interaction: 600,
			},
			renderError: async (ctx: KoaContext, out: Record<string, string>) => {
				ctx.status = ctx.status >= 400 ? ctx.status : 400;
				ctx.body = out;
			},
		}),
	);
	// oidc-provider checks client metadata (e.g. an extra redirect URI) on first use; fail at start instead.
	for (const clientId of Object.keys(ALLOWED_SCOPES)) {
		await provider.Client.find(clientId).catch((error: { error_description?: string }) => {
			throw new Error(
				`Client ${clientId} (redirectUris?): ${error.error_description ?? String(error)}`,
			);
		});
	}
	return provider;
}
