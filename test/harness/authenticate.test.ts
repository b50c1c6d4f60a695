import { CredentialStore, manualWorkflow, runWorkflow } from '.';
import { requestNode, startTestServer, testCredentialTypes, testNodeTypes, type TestServer } from './fixtures';

describe('generic authenticate', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({
			'GET /tenant-data': (request) =>
				request.headers['x-api-key'] === 'key-1' ? { status: 200, body: { tenant: request.query.get('tenant') } } : { status: 401, body: { error: 'unauthorized' } },
		});
	});
	afterAll(async () => await server.close());

	const run = async (data: Record<string, string>) => {
		const store = new CredentialStore([{ id: 'k1', name: 'Key', type: 'testApiKeyApi', data }]);
		return await runWorkflow({
			workflow: manualWorkflow(requestNode({ credential: store.get('k1'), url: `${server.url}/tenant-data` })),
			credentials: store,
			nodeTypes: testNodeTypes(),
			credentialTypes: testCredentialTypes(),
		});
	};

	it('resolves {{$credentials.x}} into headers and query, with the property default for unset fields', async () => {
		const result = await run({ apiKey: 'key-1' });
		expect(result.json('Request')).toEqual([{ tenant: 'DefaultTenant' }]);
		const [request] = server.requests.slice(-1);
		expect(request.headers['x-api-key']).toBe('key-1');
	});

	it('resolves expressions stored in the credential before authenticating', async () => {
		const result = await run({ apiKey: '={{ "key-" + (2 - 1) }}', tenant: '={{ "Tenant" + 42 }}' });
		expect(result.json('Request')).toEqual([{ tenant: 'Tenant42' }]);
	});

	it('fails the node with the HTTP status when the server refuses the key, after n8n-core resends once', async () => {
		const before = server.count('GET /tenant-data');
		const result = await run({ apiKey: 'wrong-key' });
		// n8n-core resends after any 401, even when the credential has nothing to re-authenticate with.
		expect(server.count('GET /tenant-data') - before).toBe(2);
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ httpCode: '401' });
		expect(result.error?.message).not.toContain('wrong-key');
	});
});
