import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { type ODataList, sandboxSuite } from './client';

const START = '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs';

describe('sandbox: fault injection and rate limits', () => {
	const suite = sandboxSuite({ faults: [{ method: 'GET', path: '/odata/Processes', status5xxRate: 1, status5xx: 502, times: 1 }] });
	afterEach(() => {
		suite.sandbox.state.faults = [];
		suite.sandbox.state.rateLimit = undefined;
	});

	const startJob = (reference: string) =>
		suite.call<ODataList>('POST', START, { folder: FOLDERS.shared, body: { startInfo: { ReleaseName: PROCESSES.quick, Reference: reference } } });
	const jobsWithReference = (reference: string) => [...suite.sandbox.state.store.jobs.values()].filter((job) => job.Reference === reference);

	test('rules given at start apply; times counts down and the rule then stops', async () => {
		const failed = await suite.call('GET', '/odata/Processes');
		expect(failed.status).toBe(502);
		expect(failed.json).toMatchObject({ errorCode: 0, message: expect.stringContaining('502') });
		expect((await suite.call('GET', '/odata/Processes')).status).toBe(200);
		expect(suite.sandbox.state.faults[0].times).toBe(0);
	});

	test('a share of 5xx: rate 1 always fails before the request is served (no job is created)', async () => {
		suite.sandbox.state.faults.push({ path: START, status5xxRate: 1 });
		const answer = await startJob('five-hundred');
		expect(answer.status).toBe(503);
		expect(jobsWithReference('five-hundred')).toHaveLength(0);
		suite.sandbox.state.faults[0].status5xxRate = 0;
		expect((await startJob('five-hundred')).status).toBe(201);
	});

	test('a share of 5xx of one half fails some requests and serves the others', async () => {
		suite.sandbox.state.faults = [{ path: /\/odata\/Folders$/, status5xxRate: 0.5 }];
		const statuses = new Set<number>();
		for (let attempt = 0; attempt < 40; attempt += 1) statuses.add((await suite.call('GET', '/odata/Folders')).status);
		expect(statuses).toEqual(new Set([200, 503]));
	});

	test('added latency applies only to the matching method and path', async () => {
		suite.sandbox.state.faults = [{ method: 'GET', path: '/odata/Folders', latencyMs: 500 }];
		const time = async (method: string, path: string) => {
			const started = Date.now();
			await suite.call(method, path);
			return Date.now() - started;
		};
		expect(await time('GET', '/odata/Folders')).toBeGreaterThanOrEqual(490);
		expect(await time('GET', '/odata/Processes')).toBeLessThan(490);
	});

	test('a reset closes the connection before anything happens', async () => {
		suite.sandbox.state.faults = [{ path: START, reset: true, times: 1 }];
		await expect(startJob('reset')).rejects.toThrow();
		expect(jobsWithReference('reset')).toHaveLength(0);
		expect(suite.sandbox.state.requests.at(-1)).toMatchObject({ path: expect.stringContaining('StartJobs'), outcome: 'reset', status: 0 });
	});

	test('dropAfterCreate: the job exists, but the connection drops before the answer', async () => {
		suite.sandbox.state.faults = [{ method: 'POST', path: START, dropAfterCreate: true, times: 1 }];
		await expect(startJob('dropped')).rejects.toThrow();
		expect(jobsWithReference('dropped')).toHaveLength(1);
		const found = await suite.call<ODataList>('GET', '/odata/Jobs', { folder: FOLDERS.shared, query: { $filter: "Reference eq 'dropped'" } });
		expect(found.json.value).toHaveLength(1);
	});

	test("dropAfterCreate 'hang': the job exists and the request never gets an answer", async () => {
		suite.sandbox.state.faults = [{ path: START, dropAfterCreate: 'hang', times: 1 }];
		const request = fetch(`${suite.sandbox.state.credentials.orchestratorUrl}${START}`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${suite.sandbox.state.credentials.personalAccessToken}`,
				'Content-Type': 'application/json',
				'X-UIPATH-FolderPath': FOLDERS.shared,
			},
			body: JSON.stringify({ startInfo: { ReleaseName: PROCESSES.quick, Reference: 'hung' } }),
			signal: AbortSignal.timeout(500),
		});
		await expect(request).rejects.toThrow(/aborted|timeout/i);
		expect(jobsWithReference('hung')).toHaveLength(1);
		expect(suite.sandbox.state.requests.find((entry) => entry.body.includes('"hung"'))?.outcome).toBe('hung');
	});

	test('hold: the request after StartJobs is received and never answered, until the client goes; the next one is served', async () => {
		const started = await startJob('held');
		const job = (started.json as unknown as ODataList).value[0] as { Id: number };
		suite.sandbox.state.faults = [{ method: 'GET', path: /\/odata\/Jobs\(\d+\)$/, hold: true, times: 1 }];
		const held = fetch(`${suite.sandbox.state.credentials.orchestratorUrl}/odata/Jobs(${job.Id})`, {
			headers: { Authorization: `Bearer ${suite.sandbox.state.credentials.personalAccessToken}`, 'X-UIPATH-FolderPath': FOLDERS.shared },
			signal: AbortSignal.timeout(500),
		});
		await expect(held).rejects.toThrow(/aborted|timeout/i);
		expect(suite.sandbox.state.requests.find((entry) => entry.path.endsWith(`/odata/Jobs(${job.Id})`))).toMatchObject({ outcome: 'held', status: 0 });
		expect((await suite.call('GET', `/odata/Jobs(${job.Id})`, { folder: FOLDERS.shared })).status).toBe(200);
	});

	test('dropAfterCreate leaves refused requests alone', async () => {
		suite.sandbox.state.faults = [{ path: START, dropAfterCreate: true }];
		const refused = await suite.call('POST', START, { folder: FOLDERS.shared, body: { startInfo: { ReleaseName: 'Nope' } } });
		expect(refused.status).toBe(404);
	});

	test('above the rate limit GET Jobs and GET QueueItems answer 429 with Retry-After; other routes do not', async () => {
		suite.sandbox.state.rateLimit = { requests: 3, perSeconds: 60 };
		for (const path of ['/odata/Jobs', '/odata/QueueItems']) {
			for (let attempt = 0; attempt < 3; attempt += 1) expect((await suite.call('GET', path, { folder: FOLDERS.shared })).status).toBe(200);
			const limited = await suite.call('GET', path, { folder: FOLDERS.shared });
			expect([path, limited.status]).toEqual([path, 429]);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
			expect(limited.json).toMatchObject({ errorCode: 0, message: expect.stringMatching(/Too many requests/) });
		}
		for (let attempt = 0; attempt < 5; attempt += 1) expect((await suite.call('GET', '/odata/Releases', { folder: FOLDERS.shared })).status).toBe(200);
		expect((await startJob('not-limited')).status).toBe(201);
	});

	test('the window slides: after perSeconds the route answers again', async () => {
		suite.sandbox.state.rateLimit = { requests: 1, perSeconds: 2 };
		expect((await suite.call('GET', '/odata/Jobs', { folder: FOLDERS.shared })).status).toBe(200);
		const limited = await suite.call('GET', '/odata/Jobs', { folder: FOLDERS.shared });
		expect(limited.status).toBe(429);
		expect(['1', '2']).toContain(limited.headers.get('retry-after'));
		await new Promise((resolve) => setTimeout(resolve, 2050));
		expect((await suite.call('GET', '/odata/Jobs', { folder: FOLDERS.shared })).status).toBe(200);
	});
});
