import { CredentialStore, MANUAL_TRIGGER_NAME, credentialsOf, loadPackageTypes, manualWorkflow, registerCredentialType, registerNodeType, runWorkflow } from '.';
import { AUTHENTICATED_REQUEST_TYPE, AuthenticatedRequest, requestNode, startTestServer, testCredentialTypes, testNodeTypes, type TestServer } from './fixtures';
import { TestApiKeyApi } from './fixtures/TestApiKeyApi.credentials';

describe('runWorkflow', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({
			'GET /hello': () => ({ status: 200, body: { greeting: 'hello' } }),
			'GET /slow': async () => {
				// Unref'd: the cancelled client is gone, and the timer must not hold jest open.
				await new Promise((resolve) => setTimeout(resolve, 3000).unref());
				return { status: 200, body: { late: true } };
			},
		});
	});
	afterAll(async () => await server.close());

	const keyStore = () => new CredentialStore([{ id: 'k1', name: 'Key', type: 'testApiKeyApi', data: { apiKey: 'key-1' } }]);

	it('runs a manual trigger into a No Operation node', async () => {
		const result = await runWorkflow({ workflow: manualWorkflow({ name: 'Pass', type: 'n8n-nodes-base.noOp' }) });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual([MANUAL_TRIGGER_NAME, 'Pass']);
		expect(result.json('Pass')).toEqual([{}]);
		expect(result.runData.Pass[0].executionStatus).toBe('success');
	});

	it('runs a manual trigger into a node that calls a real HTTP server', async () => {
		const store = keyStore();
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

	it('hands start data to the trigger outside manual mode', async () => {
		const startData = [{ json: { n: 1 } }, { json: { n: 2 } }];
		const result = await runWorkflow({ workflow: manualWorkflow({ name: 'Pass', type: 'n8n-nodes-base.noOp' }), mode: 'trigger', startData });
		expect(result.json('Pass')).toEqual([{ n: 1 }, { n: 2 }]);
	});

	it('uses node and credential types registered for all later runs', async () => {
		registerNodeType(new AuthenticatedRequest(['testApiKeyApi']), 'test-registered.request');
		registerCredentialType(new TestApiKeyApi());
		const store = keyStore();
		const node = { ...requestNode({ credential: store.get('k1'), url: `${server.url}/hello` }), type: 'test-registered.request' };
		const result = await runWorkflow({ workflow: manualWorkflow(node), credentials: store });
		expect(result.json('Request')).toEqual([{ greeting: 'hello' }]);
	});

	it('loads the node and credential types package.json lists from their sources', () => {
		const { nodeTypes, credentialTypes, missing } = loadPackageTypes();
		expect(nodeTypes.length + credentialTypes.length + missing.length).toBeGreaterThan(0);
		for (const type of credentialTypes) expect(type.name).toMatch(/^[a-z][A-Za-z0-9]+$/);
	});

	it('reports the failing node and its error, and refuses items of a node that failed or did not run', async () => {
		const store = keyStore();
		const workflow = manualWorkflow([
			requestNode({ credential: store.get('k1'), url: `${server.url}/missing` }),
			{ name: 'After', type: 'n8n-nodes-base.noOp' },
		]);
		const result = await runWorkflow({ workflow, credentials: store, nodeTypes: testNodeTypes(), credentialTypes: testCredentialTypes() });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.runData.Request[0].error?.message).toBe(result.error?.message);
		expect(() => result.items('Request')).toThrow(/^Node "Request" failed: /);
		expect(() => result.items('After')).toThrow(/^Node "After" did not run/);
	});

	it('fails with the unknown type named when a node type is not registered', async () => {
		await expect(runWorkflow({ workflow: manualWorkflow({ name: 'X', type: 'n8n-nodes-uipath.doesNotExist' }) })).rejects.toThrow('Unrecognized node type: n8n-nodes-uipath.doesNotExist');
	});

	it('cancels the execution, and its pending request, when the signal aborts', async () => {
		const store = keyStore();
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 200);
		const result = await runWorkflow({
			workflow: manualWorkflow(requestNode({ credential: store.get('k1'), url: `${server.url}/slow` })),
			credentials: store,
			nodeTypes: testNodeTypes(),
			credentialTypes: testCredentialTypes(),
			signal: controller.signal,
		});
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(2500);
	});
});
