import { runWorkflow, manualWorkflow, MANUAL_TRIGGER_NAME, CredentialStore, credentialsOf } from '.';
import { AUTHENTICATED_REQUEST_TYPE, startTestServer, testCredentialTypes, testNodeTypes, type TestServer } from './fixtures';

describe('runWorkflow', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({
			'GET /hello': () => ({ status: 200, body: { greeting: 'hello' } }),
		});
	});
	afterAll(async () => await server.close());

	it('runs a manual trigger into a No Operation node', async () => {
		const result = await runWorkflow({ workflow: manualWorkflow({ name: 'Pass', type: 'n8n-nodes-base.noOp' }) });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual([MANUAL_TRIGGER_NAME, 'Pass']);
		expect(result.json('Pass')).toEqual([{}]);
	});

	it('runs a manual trigger into a node that calls a real HTTP server', async () => {
		const store = new CredentialStore([{ id: 'k1', name: 'Key', type: 'testApiKeyApi', data: { apiKey: 'key-1' } }]);
		const result = await runWorkflow({
			workflow: manualWorkflow({
				name: 'Request',
				type: AUTHENTICATED_REQUEST_TYPE,
				parameters: { credentialType: 'testApiKeyApi', url: `${server.url}/hello` },
				credentials: credentialsOf(store.get('k1')),
			}),
			credentials: store,
			nodeTypes: testNodeTypes(),
			credentialTypes: testCredentialTypes(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items('Request')).toEqual([{ json: { greeting: 'hello' }, pairedItem: { item: 0 } }]);
		expect(server.count('GET /hello')).toBe(1);
	});
});
