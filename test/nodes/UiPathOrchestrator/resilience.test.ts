import { FAULT_INFO, PROCESSES, QUEUE } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

describe('rate limits, server faults and waiting', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials', 'oauth2'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));
	beforeEach(() => {
		suite.sandbox.state.faults = [];
		suite.sandbox.state.rateLimit = undefined;
		suite.sandbox.state.jobs.timeScale = 20;
	});

	it.each(['clientCredentials', 'oauth2'] as const)('waits for Retry-After after a 429 and retries (%s)', async (kind) => {
		// One request per 3 s: the second item is refused with Retry-After: 3, longer than the node's 1 s fallback.
		suite.sandbox.state.rateLimit = { requests: 1, perSeconds: 3 };
		const result = await suite.run(
			kind,
			{ resource: 'queueItem', operation: 'getAll', folder: SHARED, limit: 1 },
			{ items: [{ n: 1 }, { n: 2 }] },
		);
		expect(result.items(NODE_NAME).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const listRequests = suite.apiRequests().filter((request) => request.path.endsWith('/odata/QueueItems'));
		expect(listRequests.map((request) => request.status)).toEqual([200, 429, 200]);
		const [, refused, retry] = listRequests;
		expect(refused.responseBody).toMatch(/Retry after 3 seconds/);
		expect(retry.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(2900);
	});

	it('retries a GET after 5xx with backoff', async () => {
		suite.sandbox.state.faults = [{ method: 'GET', path: '/odata/Releases', status5xxRate: 1, status5xx: 503, times: 2 }];
		const result = await suite.run('clientCredentials', { resource: 'release', operation: 'getAll', folder: SHARED, limit: 10 });
		expect(result.json(NODE_NAME).length).toBeGreaterThan(0);
		expect(suite.apiRequests().map((request) => request.status)).toEqual([503, 503, 200]);
	});

	it('does not resend a POST after a 5xx, and keeps the status in the error', async () => {
		suite.sandbox.state.faults = [{ method: 'POST', path: 'AddQueueItem', status5xxRate: 1, status5xx: 500, times: 1 }];
		const result = await suite.run('clientCredentials', {
			resource: 'queueItem',
			operation: 'add',
			folder: SHARED,
			queue: locator('name', QUEUE),
			specificContent: '{"InvoiceId":"X"}',
		});
		expect(nodeError(result).httpCode).toBe('500');
		expect(suite.apiRequests().filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('a faulted job fails the item with the job\'s Info', async () => {
		const result = await suite.run('clientCredentials', {
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.faulting),
			options: { waitForCompletion: true, pollInterval: 1 },
		});
		const error = nodeError(result);
		expect(error.message).toBe(FAULT_INFO);
		expect(error.description).toMatch(/ended Faulted/);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('with continueOnFail a faulted job is yielded as the job plus its error, paired with its item', async () => {
		const result = await suite.run(
			'clientCredentials',
			{
				resource: 'job',
				operation: 'start',
				folder: SHARED,
				release: locator('name', '={{ $json.process }}'),
				options: { waitForCompletion: true, pollInterval: 1 },
			},
			{ items: [{ process: PROCESSES.quick }, { process: PROCESSES.faulting }], continueOnFail: true },
		);
		const items = result.items(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toMatchObject({ State: 'Successful', ReleaseName: PROCESSES.quick });
		expect(items[1].json).toMatchObject({ State: 'Faulted', ReleaseName: PROCESSES.faulting, Info: FAULT_INFO, error: FAULT_INFO });
	});

	it('a stopped job fails the wait operation', async () => {
		const started = await suite.run('clientCredentials', { resource: 'job', operation: 'start', folder: SHARED, release: locator('name', PROCESSES.slow) });
		const [job] = started.json(NODE_NAME);
		await suite.run('clientCredentials', { resource: 'job', operation: 'stop', folder: SHARED, jobId: String(job.Id) });
		const waited = await suite.run('clientCredentials', { resource: 'job', operation: 'wait', folder: SHARED, jobId: String(job.Id), options: { pollInterval: 1 } });
		const error = nodeError(waited);
		expect(error.description).toMatch(new RegExp(`Job ${String(job.Id)} .*ended Stopped`));
	});

	it('a wait that runs out names the job and its last state', async () => {
		suite.sandbox.state.jobs.timeScale = 1;
		const started = Date.now();
		const result = await suite.run('clientCredentials', {
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.slow),
			options: { waitForCompletion: true, timeout: 2, pollInterval: 1 },
		});
		const error = nodeError(result);
		const [job] = [...suite.sandbox.state.store.jobs.values()].filter((entry) => entry.ReleaseName === PROCESSES.slow).slice(-1);
		expect(error.message).toBe(`Job ${job.Id} (${PROCESSES.slow}) did not finish within 2 s; its last state was Running`);
		expect(error.description).toContain(job.Key);
		expect(Date.now() - started).toBeLessThan(6000);
	});

	it('stops waiting as soon as the execution is cancelled', async () => {
		suite.sandbox.state.jobs.timeScale = 1;
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 1500);
		const result = await suite.run(
			'clientCredentials',
			{
				resource: 'job',
				operation: 'start',
				folder: SHARED,
				release: locator('name', PROCESSES.slow),
				options: { waitForCompletion: true, timeout: 600, pollInterval: 30 },
			},
			{ signal: controller.signal },
		);
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
