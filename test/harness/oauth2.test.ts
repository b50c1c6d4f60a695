import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CredentialStore, manualWorkflow, runWorkflow, type StoredCredential } from '.';
import { requestNode, startTestServer, testCredentialTypes, testNodeTypes, type RecordedRequest, type Route, type TestServer } from './fixtures';

/** An authorization server with rotating refresh tokens (each one works once) and an API that takes its access token. */
function authorizationServer() {
	const state = { generation: 1, accessToken: 'access-1', refreshToken: 'refresh-1', rotate: true, tokenDelayMs: 0 };
	const routes: Record<string, Route> = {
		'POST /token': async (request: RecordedRequest) => {
			const form = new URLSearchParams(request.body);
			if (state.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, state.tokenDelayMs));
			if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== state.refreshToken) {
				return { status: 400, body: { error: 'invalid_grant' } };
			}
			state.generation++;
			state.accessToken = `access-${state.generation}`;
			if (state.rotate) state.refreshToken = `refresh-${state.generation}`;
			return {
				status: 200,
				body: {
					access_token: state.accessToken,
					token_type: 'Bearer',
					expires_in: 3600,
					...(state.rotate ? { refresh_token: state.refreshToken } : {}),
				},
			};
		},
		'GET /api/me': (request: RecordedRequest) =>
			request.headers.authorization === `Bearer ${state.accessToken}` ? { status: 200, body: { user: 'robot' } } : { status: 401, body: { error: 'unauthorized' } },
	};
	return { state, routes };
}

describe('OAuth2 credentials (extends oAuth2Api)', () => {
	let server: TestServer;
	let auth: ReturnType<typeof authorizationServer>;
	beforeEach(async () => {
		auth = authorizationServer();
		server = await startTestServer(auth.routes);
	});
	afterEach(async () => await server.close());

	const storeWith = (type: string, data: ICredentialDataDecryptedObject, oauthTokenData: IDataObject) =>
		new CredentialStore([{ id: 'o1', name: 'OAuth', type, data: { host: server.host, ...data, oauthTokenData } }]);
	const pkceStore = (oauthTokenData: IDataObject) => storeWith('testOAuth2Api', { clientId: 'client-1' }, oauthTokenData);
	const run = async (store: CredentialStore, options: { items?: number; concurrent?: boolean } = {}) =>
		await runWorkflow({
			workflow: manualWorkflow(requestNode({ credential: store.get('o1'), url: `${server.url}/api/me`, concurrent: options.concurrent })),
			credentials: store,
			nodeTypes: testNodeTypes(),
			credentialTypes: testCredentialTypes(),
			mode: options.items ? 'trigger' : 'manual',
			startData: options.items ? Array.from({ length: options.items }, (_, i) => ({ json: { i } })) : undefined,
		});
	const tokenRequests = () => server.requests.filter((r) => r.path === '/token');

	it('sends the stored access token as Bearer and does not refresh while it is accepted', async () => {
		const store = pkceStore({ access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer' });
		const result = await run(store);
		expect(result.json('Request')).toEqual([{ user: 'robot' }]);
		expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual(['GET /api/me Bearer access-1']);
		expect(store.writes).toEqual([]);
	});

	it('refreshes once after a 401 (PKCE public client), retries, and persists the merged token data', async () => {
		auth.state.accessToken = 'access-live';
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-1', token_type: 'Bearer', id_token: 'kept' });
		const result = await run(store);
		expect(result.json('Request')).toEqual([{ user: 'robot' }]);
		expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'GET /api/me Bearer access-stale',
			'POST /token ',
			'GET /api/me Bearer access-2',
		]);
		expect(Object.fromEntries(new URLSearchParams(tokenRequests()[0].body))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'refresh-1',
			client_id: 'client-1',
		});
		const stored = store.get('o1') as StoredCredential & { data: { oauthTokenData: IDataObject } };
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: 'access-2',
			refresh_token: 'refresh-2',
			token_type: 'Bearer',
			expires_in: 3600,
			id_token: 'kept',
		});
		expect(Number(stored.data.oauthTokenData.n8n_expires_at)).toBeGreaterThan(Date.now());
		// Only the token data is written back: no defaults or resolved expressions leak into the store.
		expect(Object.keys(stored.data).sort()).toEqual(['clientId', 'host', 'oauthTokenData']);
		expect(store.writes.map((write) => write.via)).toEqual(['updateCredentialsOauthTokenData']);
	});

	it('keeps the stored refresh token when the server does not rotate it', async () => {
		auth.state.rotate = false;
		auth.state.accessToken = 'access-live';
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-1', token_type: 'Bearer' });
		await run(store);
		expect(store.data('o1').oauthTokenData).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-1' });
	});

	it('authenticates a confidential client (authorization code grant) with Basic auth on refresh', async () => {
		auth.state.accessToken = 'access-live';
		const store = storeWith('testOAuth2CodeApi', { clientId: 'client-2', clientSecret: 'secret-2' }, { access_token: 'access-stale', refresh_token: 'refresh-1' });
		const result = await run(store);
		expect(result.json('Request')).toEqual([{ user: 'robot' }]);
		const [refresh] = tokenRequests();
		expect(refresh.headers.authorization).toBe(`Basic ${Buffer.from('client-2:secret-2').toString('base64')}`);
		expect(new URLSearchParams(refresh.body).get('client_secret')).toBeNull();
		expect(store.data('o1').oauthTokenData).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2' });
	});

	it('asks for a reconnect when the refresh token is refused (invalid_grant), persisting nothing', async () => {
		auth.state.accessToken = 'access-live';
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-revoked', token_type: 'Bearer' });
		const result = await run(store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The credential "OAuth" needs to be reconnected.');
		expect(store.writes).toEqual([]);
	});

	it('spends the refresh token once when two items refresh at the same time', async () => {
		auth.state.accessToken = 'access-live';
		auth.state.tokenDelayMs = 100;
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-1', token_type: 'Bearer' });
		const result = await run(store, { items: 2, concurrent: true });
		expect(result.json('Request')).toEqual([{ user: 'robot' }, { user: 'robot' }]);
		expect(tokenRequests()).toHaveLength(1);
		expect(server.count('GET /api/me')).toBe(4);
		expect(store.data('o1').oauthTokenData).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2' });
	});

	it('spends the refresh token once when two runs sharing a credential refresh at the same time', async () => {
		auth.state.accessToken = 'access-live';
		auth.state.tokenDelayMs = 100;
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-1', token_type: 'Bearer' });
		const results = await Promise.all([run(store), run(store)]);
		for (const result of results) expect(result.json('Request')).toEqual([{ user: 'robot' }]);
		expect(tokenRequests()).toHaveLength(1);
		expect(store.data('o1').oauthTokenData).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2' });
	});

	it('uses the token another run stored meanwhile instead of refreshing again', async () => {
		auth.state.accessToken = 'access-live';
		const store = pkceStore({ access_token: 'access-stale', refresh_token: 'refresh-1', token_type: 'Bearer' });
		// A run that started with the stale token hits its 401 only after the first run refreshed and stored.
		auth.routes['GET /api/me'] = slowFirstCall(auth.routes['GET /api/me'], 200);
		const results = await Promise.all([run(store), run(store)]);
		for (const result of results) expect(result.json('Request')).toEqual([{ user: 'robot' }]);
		expect(tokenRequests()).toHaveLength(1);
	});
});

/** Delays the answer to the first request only, so one run's 401 arrives after the other's refresh. */
function slowFirstCall(route: Route, delayMs: number): Route {
	let calls = 0;
	return async (request) => {
		const response = await route(request);
		if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
		return response;
	};
}
