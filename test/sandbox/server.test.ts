import { FOLDERS, ORGANIZATION, ORGANIZATION_ID, TENANTS } from '../../sandbox/fixtures';
import { type ODataList, orchestratorClient, sandboxSuite } from './client';

describe('sandbox server: addressing, recording, latency', () => {
	const suite = sandboxSuite();

	test('listens on 127.0.0.1 on a free port', () => {
		expect(suite.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(suite.sandbox.url).not.toMatch(/:0$/);
	});

	test("today's cloud: /{organization}/{tenant}/orchestrator_/odata, organization by name or id", async () => {
		const byName = await suite.call<ODataList>('GET', '/odata/Folders');
		expect(byName.status).toBe(200);
		const byId = await orchestratorClient(suite.sandbox, `${suite.sandbox.url}/${ORGANIZATION_ID}/${TENANTS[0]}/orchestrator_`)<ODataList>('GET', '/odata/Folders');
		expect(byId.status).toBe(200);
		expect(byId.json.value.map((folder) => folder.FullyQualifiedName)).toEqual(Object.values(FOLDERS));
	});

	test('unknown paths, organizations and tenants answer the HTML page with 404', async () => {
		for (const path of [
			'/nope',
			`/${ORGANIZATION}/${TENANTS[0]}/orchestrator_/odata/NoSuchSet`,
			`/other-org/${TENANTS[0]}/orchestrator_/odata/Folders`,
			`/${ORGANIZATION}/NoSuchTenant/orchestrator_/odata/Folders`,
			`/${ORGANIZATION}/${TENANTS[0]}/orchestrator_/`,
		]) {
			const response = await fetch(`${suite.sandbox.url}${path}`, {
				headers: { Authorization: `Bearer ${suite.sandbox.state.credentials.personalAccessToken}` },
			});
			expect([path, response.status]).toEqual([path, 404]);
			expect(response.headers.get('content-type')).toMatch(/^text\/html/);
			expect(await response.text()).toMatch(/<html/);
		}
	});

	test('a known path with a method it does not support answers 405 in UiPath error shape', async () => {
		const answer = await suite.call('DELETE', '/odata/Folders');
		expect(answer.status).toBe(405);
		expect(answer.json).toEqual({ message: expect.stringContaining("'DELETE'"), errorCode: 0, traceId: expect.any(String) });
	});

	test('the 2019 path /{account}/{tenant}/odata needs X-UIPATH-TenantName', async () => {
		const legacy = orchestratorClient(suite.sandbox, suite.sandbox.state.credentials.legacy.orchestratorUrl);
		const without = await legacy('GET', '/odata/Releases', { folder: FOLDERS.shared });
		expect(without.status).toBe(400);
		expect(without.json.message).toMatch(/X-UIPATH-TenantName/);
		const wrong = await legacy('GET', '/odata/Releases', { folder: FOLDERS.shared, headers: { 'X-UIPATH-TenantName': TENANTS[1] } });
		expect(wrong.status).toBe(400);
		const right = await legacy<ODataList>('GET', '/odata/Releases', {
			folder: FOLDERS.shared,
			headers: { 'X-UIPATH-TenantName': suite.sandbox.state.credentials.legacy.tenantName },
		});
		expect(right.status).toBe(200);
		expect(right.json.value).toHaveLength(3);
	});

	test('on-premises: /odata at the root with the token of /api/Account/Authenticate, bound to its tenant', async () => {
		const { authenticateUrl, tenancyName, username, password, url } = suite.sandbox.state.credentials.onPremises;
		const signIn = await fetch(authenticateUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ tenancyName, usernameOrEmailAddress: username, password }),
		});
		const { result } = (await signIn.json()) as { result: string };
		const onPremises = orchestratorClient(suite.sandbox, url);
		const folders = await onPremises<ODataList>('GET', '/odata/Folders', { token: result });
		expect(folders.status).toBe(200);
		expect(folders.json['@odata.context']).toBe(`${url}/odata/$metadata#Folders`);
		// The on-premises session token is not valid on the cloud paths.
		expect((await suite.call('GET', '/odata/Folders', { token: result })).status).toBe(401);
	});

	test('each tenant has its own data', async () => {
		const staging = orchestratorClient(suite.sandbox, `${suite.sandbox.url}/${ORGANIZATION}/${TENANTS[1]}/orchestrator_`);
		const release = (await suite.call<ODataList>('GET', '/odata/Releases', { folder: FOLDERS.shared })).json.value[0];
		const started = await suite.call<ODataList>('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
			folder: FOLDERS.shared,
			body: { startInfo: { ReleaseKey: release.Key, Strategy: 'ModernJobsCount', JobsCount: 1 } },
		});
		expect(started.status).toBe(201);
		const jobId = started.json.value[0].Id;
		expect((await suite.call('GET', `/odata/Jobs(${jobId})`, { folder: FOLDERS.shared })).status).toBe(200);
		const elsewhere = await staging<ODataList>('GET', '/odata/Jobs', { folder: FOLDERS.shared });
		expect(elsewhere.json.value.map((job) => job.Id)).not.toContain(jobId);
		expect(suite.sandbox.state.tenants.get(TENANTS[1])?.jobs.size).toBe(0);
	});

	test('records every request, identity ones included, with status and both bodies', async () => {
		suite.sandbox.state.clearRequests();
		const { tokenUrl, clientId, clientSecret } = suite.sandbox.state.credentials.clientCredentials;
		await fetch(tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'OR.Folders.Read' }),
		});
		await suite.call('GET', '/odata/Folders', { query: { $top: 1 } });
		const [token, folders] = suite.sandbox.state.requests;
		expect(token).toMatchObject({ method: 'POST', path: '/identity_/connect/token', status: 200, outcome: 'answered' });
		expect(token.body).toContain('grant_type=client_credentials');
		expect(JSON.parse(token.responseBody)).toHaveProperty('access_token');
		expect(folders).toMatchObject({
			method: 'GET',
			path: `/${ORGANIZATION}/${TENANTS[0]}/orchestrator_/odata/Folders`,
			query: { $top: '1' },
			status: 200,
		});
		expect(folders.headers.authorization).toMatch(/^Bearer /);
		expect(JSON.parse(folders.responseBody).value).toHaveLength(1);
	});

	test('latencyMs delays every request, and can be changed while running', async () => {
		const time = async () => {
			const started = Date.now();
			await suite.call('GET', '/odata/Folders');
			return Date.now() - started;
		};
		suite.sandbox.state.latencyMs = 500;
		expect(await time()).toBeGreaterThanOrEqual(490);
		suite.sandbox.state.latencyMs = 0;
		expect(await time()).toBeLessThan(490);
	});
});
