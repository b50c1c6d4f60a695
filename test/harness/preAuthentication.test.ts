import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore, manualWorkflow, runWorkflow } from '.';
import { requestNode, startTestServer, testCredentialTypes, testNodeTypes, type TestServer } from './fixtures';

/** A session service: `/session` trades the current refresh token for a session and a rotated refresh token. */
function sessionService() {
	const state = { generation: 1, session: 'session-1', refreshToken: 'refresh-1', omitSession: false, rejectAll: false };
	const routes = {
		'POST /session': (request: { body: string }) => {
			const { refresh_token } = JSON.parse(request.body) as { refresh_token: string };
			if (refresh_token !== state.refreshToken) return { status: 400, body: { error: 'invalid_grant' } };
			state.generation++;
			state.session = `session-${state.generation}`;
			state.refreshToken = `refresh-${state.generation}`;
			return { status: 200, body: { ...(state.omitSession ? {} : { session_token: state.session }), refresh_token: state.refreshToken } };
		},
		'GET /protected': (request: { headers: Record<string, unknown> }) =>
			!state.rejectAll && request.headers.authorization === `Bearer ${state.session}`
				? { status: 200, body: { ok: true } }
				: { status: 401, body: { error: 'unauthorized' } },
	};
	return { state, routes };
}

describe('preAuthentication (expirable hidden property)', () => {
	let server: TestServer;
	let service: ReturnType<typeof sessionService>;
	beforeEach(async () => {
		service = sessionService();
		server = await startTestServer(service.routes);
	});
	afterEach(async () => await server.close());

	const run = async (data: ICredentialDataDecryptedObject) => {
		const store = new CredentialStore([{ id: 's1', name: 'Session', type: 'testSessionApi', data: { baseUrl: server.url, ...data } }]);
		const result = await runWorkflow({
			workflow: manualWorkflow(requestNode({ credential: store.get('s1'), url: `${server.url}/protected` })),
			credentials: store,
			nodeTypes: testNodeTypes(),
			credentialTypes: testCredentialTypes(),
		});
		return { result, store };
	};

	it('runs when the expirable field is empty and persists the token and the rotated refresh token', async () => {
		const { result, store } = await run({ refreshToken: 'refresh-1', sessionToken: '' });
		expect(result.json('Request')).toEqual([{ ok: true }]);
		expect(server.count('POST /session')).toBe(1);
		expect(server.count('GET /protected')).toBe(1);
		expect(store.data('s1')).toEqual({ baseUrl: server.url, refreshToken: 'refresh-2', sessionToken: 'session-2' });
		expect(store.writes.map((write) => write.via)).toEqual(['updateCredentials']);
	});

	it('runs when the expirable field was never stored (its default is empty)', async () => {
		const { result, store } = await run({ refreshToken: 'refresh-1' });
		expect(result.json('Request')).toEqual([{ ok: true }]);
		expect(store.data('s1').sessionToken).toBe('session-2');
	});

	it('does not run when the expirable field is filled and still accepted', async () => {
		const { result, store } = await run({ refreshToken: 'refresh-1', sessionToken: 'session-1' });
		expect(result.json('Request')).toEqual([{ ok: true }]);
		expect(server.count('POST /session')).toBe(0);
		expect(store.writes).toEqual([]);
	});

	it('runs again after a 401 and resends the request once', async () => {
		const { result, store } = await run({ refreshToken: 'refresh-1', sessionToken: 'session-expired' });
		expect(result.json('Request')).toEqual([{ ok: true }]);
		expect(server.count('POST /session')).toBe(1);
		expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'GET /protected Bearer session-expired',
			'POST /session ',
			'GET /protected Bearer session-2',
		]);
		expect(store.data('s1')).toMatchObject({ sessionToken: 'session-2', refreshToken: 'refresh-2' });
	});

	it('resends only once: a second 401 fails the node', async () => {
		service.state.rejectAll = true;
		const { result } = await run({ refreshToken: 'refresh-1', sessionToken: 'session-1' });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ httpCode: '401' });
		expect(server.count('GET /protected')).toBe(2);
		expect(server.count('POST /session')).toBe(1);
		expect(JSON.stringify(result.error)).not.toMatch(/session-\d|refresh-\d/);
	});

	it('does not overwrite a field stored as an expression, but persists the expirable field', async () => {
		const expression = '={{ "refresh-" + (3 - 2) }}';
		const { result, store } = await run({ refreshToken: expression, sessionToken: '' });
		expect(result.json('Request')).toEqual([{ ok: true }]);
		expect(JSON.parse(server.requests[0].body)).toEqual({ refresh_token: 'refresh-1' });
		expect(store.data('s1')).toEqual({ baseUrl: server.url, refreshToken: expression, sessionToken: 'session-2' });
	});

	it('persists nothing when the output lacks the expirable key, even a rotated refresh token', async () => {
		service.state.omitSession = true;
		const { result, store } = await run({ refreshToken: 'refresh-1', sessionToken: '' });
		expect(result.status).toBe('error');
		expect(store.writes).toEqual([]);
		expect(store.data('s1')).toEqual({ baseUrl: server.url, refreshToken: 'refresh-1', sessionToken: '' });
		// The rotated refresh token was dropped, so the retry after the 401 presents a spent one.
		expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
			'POST /session {"refresh_token":"refresh-1"}',
			'GET /protected ',
			'POST /session {"refresh_token":"refresh-1"}',
		]);
	});
});
