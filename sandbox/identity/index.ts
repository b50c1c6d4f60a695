import type { IncomingMessage, ServerResponse } from 'http';
import type { CreateIdentity, TokenInfo } from '../contract';
import { FOLDER_USER_EMAIL, LEGACY_CLIENT_ID, ORCHESTRATOR_SCOPES, USER_EMAIL } from '../fixtures';
import { BearerTokens } from './bearerTokens';
import { DISCOVERY_PATH, tenantsAndOrganizationInfo } from './discovery';
import { BodyTooLargeError, readJsonObject, sendOAuthError } from './http';
import {
	accountsForUser,
	allServiceInstances,
	asFormRequest,
	LEGACY_ACCOUNTS_PATH,
	LEGACY_SERVICE_INSTANCES_PATH,
} from './legacy';
import { authenticate } from './onPremises';
import { toNodeRealm } from './nodeRequire';
import { isOrganization, USER_ID } from './organization';
import { createProvider, ORCHESTRATOR_AUDIENCE } from './provider';
import { generateSecrets } from './secrets';
import { generateSigningKey, verifyJwt } from './signingKey';
import { adjustTokenResponse } from './tokenResponses';

export { tenantId, USER_ID } from './organization';

/** Today's cloud identity, optionally under the organization: `/identity_/...`, `/{organization}/identity_/...`. */
const CLOUD_IDENTITY_PATH = /^(?:\/([^/]+))?\/identity_(\/.*)$/;
/** On-premises identity server (no underscore): client credentials and its discovery document. */
const ON_PREMISES_IDENTITY_PATH =
	/^\/identity(\/connect\/token|\/\.well-known\/openid-configuration)$/;
const ON_PREMISES_AUTHENTICATE_PATH = /^\/api\/account\/authenticate\/?$/i;
const AUTHORIZE_PATH = '/connect/authorize';
const INTERACTION_PATH = /^\/interaction\/[^/]+$/;

/** Node's request as Express leaves it after mounting: oidc-provider derives its mount path from `originalUrl`. */
type MountedRequest = IncomingMessage & { originalUrl?: string };

export const createIdentity: CreateIdentity = async (options) => {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const issuer = `${baseUrl}/identity_`;
	const secrets = generateSecrets();
	const signingKey = generateSigningKey();
	const bearerTokens = new BearerTokens();
	bearerTokens.add(secrets.personalAccessToken, {
		kind: 'pat',
		subject: USER_EMAIL,
		scopes: [...ORCHESTRATOR_SCOPES],
	});
	bearerTokens.add(secrets.folderUserPersonalAccessToken, {
		kind: 'pat',
		subject: FOLDER_USER_EMAIL,
		scopes: [...ORCHESTRATOR_SCOPES],
	});

	const provider = await createProvider({
		issuer,
		resource: `${baseUrl}/orchestrator_`,
		clientSecret: secrets.clientSecret,
		redirectUris: options.redirectUris ?? [],
		accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
		signingKey,
	});
	const legacyTokenRequests = new WeakSet<IncomingMessage>();
	provider.use(async (ctx, next) => {
		await next();
		adjustTokenResponse(ctx, legacyTokenRequests.has(ctx.req));
	});
	const serveOidc = provider.callback();
	const stats = { tokenRequests: 0, authorizeRequests: 0 };

	/** The seeded person is always signed in: a fresh session of theirs answers every authorization request. */
	const signInSeededUser = async (req: IncomingMessage): Promise<void> => {
		const session = new provider.Session(
			toNodeRealm({ accountId: USER_ID, loginTs: Math.floor(Date.now() / 1000) }),
		);
		await session.save(3600);
		const others = (req.headers.cookie ?? '')
			.split(';')
			.map((cookie) => cookie.trim())
			.filter((cookie) => cookie !== '' && !/^_session(\.sig)?=/.test(cookie));
		req.headers.cookie = [...others, `_session=${session.jti}`].join('; ');
	};

	/** Hands the request to oidc-provider with `innerPath`, the path below where it is mounted (`/identity_`, `/identity`...). */
	const serveMounted = async (
		req: MountedRequest,
		res: ServerResponse,
		url: URL,
		innerPath: string,
	): Promise<void> => {
		if (innerPath === '/connect/token') stats.tokenRequests++;
		// Not on the resume route (`/connect/authorize/{uid}`): it continues the session the interaction started with.
		if (innerPath === AUTHORIZE_PATH) {
			stats.authorizeRequests++;
			await signInSeededUser(req);
		}
		if (INTERACTION_PATH.test(innerPath)) {
			// A prompt the seeded session cannot satisfy (prompt=login, max_age=0) is answered by signing in again.
			await provider.interactionFinished(
				req,
				res,
				toNodeRealm({ login: { accountId: USER_ID }, consent: {} }),
				{ mergeWithLastSubmission: true },
			);
			return;
		}
		req.originalUrl = req.url;
		req.url = innerPath + url.search;
		await serveOidc(req, res);
	};

	const serveLegacyToken = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		stats.tokenRequests++;
		const json = await readJsonObject(req);
		if (!json) {
			sendOAuthError(res, 400, 'invalid_request', 'The body must be a JSON object');
			return;
		}
		const formRequest: MountedRequest = asFormRequest(req, '/connect/token', json);
		formRequest.originalUrl = '/oauth/token';
		legacyTokenRequests.add(formRequest);
		await serveOidc(formRequest, res);
	};

	const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
		const path = url.pathname;
		const method = req.method ?? 'GET';

		const cloud = CLOUD_IDENTITY_PATH.exec(path);
		if (cloud) {
			const [, organization, innerPath] = cloud;
			if (organization !== undefined && !isOrganization(organization)) {
				sendOAuthError(res, 404, 'invalid_request', `Unknown organization: ${organization}`);
				return true;
			}
			await serveMounted(req, res, url, innerPath);
			return true;
		}
		const onPremises = ON_PREMISES_IDENTITY_PATH.exec(path);
		if (onPremises) {
			await serveMounted(req, res, url, onPremises[1]);
			return true;
		}
		if (ON_PREMISES_AUTHENTICATE_PATH.test(path) && method === 'POST') {
			await authenticate(req, res, secrets.password, bearerTokens);
			return true;
		}
		if (path === '/authorize' && method === 'GET') {
			await serveMounted(req, res, url, '/connect/authorize');
			return true;
		}
		if (path === '/oauth/token' && method === 'POST') {
			await serveLegacyToken(req, res);
			return true;
		}
		if (LEGACY_ACCOUNTS_PATH.test(path) && method === 'GET') {
			accountsForUser(req, res, signingKey, issuer);
			return true;
		}
		const serviceInstances = LEGACY_SERVICE_INSTANCES_PATH.exec(path);
		if (serviceInstances && method === 'GET') {
			allServiceInstances(
				req,
				res,
				decodeURIComponent(serviceInstances[1]),
				signingKey,
				issuer,
				baseUrl,
			);
			return true;
		}
		const discovery = DISCOVERY_PATH.exec(path);
		if (discovery && method === 'GET') {
			await tenantsAndOrganizationInfo(
				req,
				res,
				decodeURIComponent(discovery[1]),
				verifyAccessToken,
			);
			return true;
		}
		return false;
	};

	const verifyAccessToken = async (token: string): Promise<TokenInfo | undefined> => {
		const claims = verifyJwt(token, signingKey);
		if (!claims) return bearerTokens.verify(token);
		if (
			claims.iss !== issuer ||
			claims.aud !== ORCHESTRATOR_AUDIENCE ||
			typeof claims.client_id !== 'string'
		)
			return undefined;
		const clientId = claims.client_id;
		if (claims.sub_type === 'service.external') {
			return { kind: 'client', clientId, subject: clientId, scopes: scopesOf(claims.scope) };
		}
		if (claims.sub !== USER_ID) return undefined;
		// 2019 tokens carried no Orchestrator scopes: the signed-in person's own permissions applied.
		if (clientId === LEGACY_CLIENT_ID)
			return { kind: 'legacy', clientId, subject: USER_EMAIL, scopes: [...ORCHESTRATOR_SCOPES] };
		return { kind: 'user', clientId, subject: USER_EMAIL, scopes: scopesOf(claims.scope) };
	};

	return {
		secrets,
		stats,
		async handle(req, res, url) {
			try {
				return await route(req, res, url);
			} catch (error) {
				if (res.headersSent) throw error;
				if (error instanceof BodyTooLargeError) {
					sendOAuthError(res, 413, 'invalid_request', 'The request body is too large');
					return true;
				}
				throw error;
			}
		},
		verifyAccessToken,
		async close() {},
	};
};

function scopesOf(scope: unknown): string[] {
	return typeof scope === 'string' && scope !== '' ? scope.split(' ') : [];
}
