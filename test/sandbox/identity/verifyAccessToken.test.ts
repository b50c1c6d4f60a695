import {
	CONFIDENTIAL_CLIENT_ID,
	LEGACY_CLIENT_ID,
	LEGACY_REDIRECT_URI,
	ON_PREMISES_TENANCY_NAME,
	ON_PREMISES_USERNAME,
	ORCHESTRATOR_SCOPES,
	PUBLIC_CLIENT_ID,
	USER_EMAIL,
} from '../../../sandbox/fixtures';
import { startIdentityServer, type IdentityServer } from './identityServer';
import {
	authorize,
	authorizationCode,
	codeExchange,
	postForm,
	postJson,
	RFC7636_CHALLENGE,
	RFC7636_VERIFIER,
	sleep,
} from './oauthClient';

/**
 * The contract the Orchestrator half relies on (`identity.verifyAccessToken` → TokenInfo), checked on the identity half
 * alone behind a bare HTTP server; the other suites check the same tokens through the whole sandbox.
 */
let sandbox: IdentityServer;
beforeAll(async () => {
	sandbox = await startIdentityServer({ accessTokenTtlSeconds: 1 });
});
afterAll(() => sandbox.close());

const verify = (token: unknown) => sandbox.identity.verifyAccessToken(String(token));

describe('verifyAccessToken', () => {
	it('describes a signed-in user by the scopes granted', async () => {
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			codeExchange(await authorizationCode(sandbox.url)),
		);
		expect(await verify(body.access_token)).toEqual({
			kind: 'user',
			clientId: PUBLIC_CLIENT_ID,
			subject: USER_EMAIL,
			scopes: ['OR.Jobs', 'OR.Folders.Read', 'OR.Execution.Read'],
		});
		// The id_token is not an access token.
		expect(await verify(body.id_token)).toBeUndefined();
	});

	it('describes an application (client credentials)', async () => {
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: CONFIDENTIAL_CLIENT_ID,
				client_secret: sandbox.identity.secrets.clientSecret,
				scope: 'OR.Queues.Write',
			}),
		);
		expect(await verify(body.access_token)).toEqual({
			kind: 'client',
			clientId: CONFIDENTIAL_CLIENT_ID,
			subject: CONFIDENTIAL_CLIENT_ID,
			scopes: ['OR.Queues.Write'],
		});
	});

	it('describes the personal access token', async () => {
		expect(await verify(sandbox.identity.secrets.personalAccessToken)).toEqual({
			kind: 'pat',
			subject: USER_EMAIL,
			scopes: [...ORCHESTRATOR_SCOPES],
		});
	});

	it('describes a 2019 token as legacy, acting with the user’s Orchestrator rights, and keeps it a day', async () => {
		const authorized = await authorize(sandbox.url, '/authorize', {
			response_type: 'code',
			client_id: LEGACY_CLIENT_ID,
			redirect_uri: LEGACY_REDIRECT_URI,
			scope: 'openid profile email offline_access',
			code_challenge: RFC7636_CHALLENGE,
			code_challenge_method: 'S256',
		});
		const code = new URL(authorized.headers.get('location') ?? '').searchParams.get('code');
		const { body } = await postJson(sandbox.url, '/oauth/token', {
			grant_type: 'authorization_code',
			code,
			code_verifier: RFC7636_VERIFIER,
			redirect_uri: LEGACY_REDIRECT_URI,
			client_id: LEGACY_CLIENT_ID,
		});
		expect(body.expires_in).toBe(86400);
		expect(await verify(body.access_token)).toEqual({
			kind: 'legacy',
			clientId: LEGACY_CLIENT_ID,
			subject: USER_EMAIL,
			scopes: [...ORCHESTRATOR_SCOPES],
		});
	});

	it('describes an on-premises session token with its tenant', async () => {
		const { body } = await postJson(sandbox.url, '/api/Account/Authenticate', {
			tenancyName: ON_PREMISES_TENANCY_NAME,
			usernameOrEmailAddress: ON_PREMISES_USERNAME,
			password: sandbox.identity.secrets.password,
		});
		expect(await verify(body.result)).toEqual({
			kind: 'onPremises',
			subject: ON_PREMISES_USERNAME,
			scopes: [...ORCHESTRATOR_SCOPES],
			tenant: ON_PREMISES_TENANCY_NAME,
		});
	});

	it('answers undefined once an access token expired (1 s lifetime here)', async () => {
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			codeExchange(await authorizationCode(sandbox.url)),
		);
		expect(await verify(body.access_token)).toBeDefined();
		await sleep(2100);
		expect(await verify(body.access_token)).toBeUndefined();
	});

	it('answers undefined for unknown tokens', async () => {
		for (const token of ['', 'x', 'a.b.c', `${sandbox.identity.secrets.personalAccessToken}x`]) {
			expect(await verify(token)).toBeUndefined();
		}
	});
});

describe('stats', () => {
	it('counts token and authorize requests for the benchmarks', async () => {
		const before = { tokenRequests: 0, authorizeRequests: 0, ...sandbox.identity.stats };
		const code = await authorizationCode(sandbox.url);
		await postForm(sandbox.url, '/identity_/connect/token', codeExchange(code));
		await postJson(sandbox.url, '/oauth/token', {
			grant_type: 'refresh_token',
			client_id: LEGACY_CLIENT_ID,
			refresh_token: 'x',
		});
		expect(sandbox.identity.stats).toEqual({
			tokenRequests: before.tokenRequests + 2,
			authorizeRequests: before.authorizeRequests + 1,
		});
	});
});
