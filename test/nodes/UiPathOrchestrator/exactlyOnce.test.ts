import type { FaultRule } from '../../../sandbox';
import { PROCESSES } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

const START_PATH = 'StartJobs';

describe('exactly-once job start when the answer to StartJobs is lost', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const start = async (reference?: string) =>
		await suite.run('clientCredentials', {
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.quick),
			inputArguments: '{"InvoiceId":"INV-EXACT"}',
			options: reference ? { reference } : {},
		});
	const jobsWith = (reference: string) => [...suite.sandbox.state.store.jobs.values()].filter((job) => job.Reference === reference);
	const starts = () => suite.apiRequests().filter((request) => request.method === 'POST' && request.path.endsWith(START_PATH));
	const lookups = () => suite.apiRequests().filter((request) => request.method === 'GET' && /Reference eq/.test(request.query.$filter ?? ''));
	const withFault = (fault: FaultRule) => {
		suite.sandbox.state.faults = [fault];
	};

	it.each([
		['reset', 'was reset'],
		['hang', 'hung until the 30 s timeout'],
	] as const)(
		'the job was created, then the connection %s (%s): one POST, found by its reference, never started twice',
		async (mode: 'reset' | 'hang', _label: string) => {
			withFault({ method: 'POST', path: START_PATH, dropAfterCreate: mode, times: 1 });
			const result = await start(`exactly-once-${mode}`);
			const [job] = result.json(NODE_NAME);
			expect(jobsWith(`exactly-once-${mode}`)).toHaveLength(1);
			expect(job).toMatchObject({ Id: jobsWith(`exactly-once-${mode}`)[0].Id, Reference: `exactly-once-${mode}` });
			expect(starts()).toHaveLength(1);
			expect(lookups()).toHaveLength(1);
			expect(lookups()[0].query.$filter).toMatch(/^Reference eq 'exactly-once-.+' and CreationTime ge \d{4}-/);
		},
		90_000,
	);

	it('the start was refused before anything was created (5xx): looked up twice, then sent once more', async () => {
		withFault({ method: 'POST', path: START_PATH, status5xxRate: 1, status5xx: 503, times: 1 });
		const result = await start();
		const [job] = result.json(NODE_NAME);
		const reference = String(job.Reference);
		expect(reference).toMatch(/^n8n-/);
		expect(jobsWith(reference)).toHaveLength(1);
		expect(starts().map((request) => request.status)).toEqual([503, 201]);
		expect(lookups()).toHaveLength(2);
		// The same reference goes with both attempts, so a third look would still find the one job.
		expect(starts().map((request) => (JSON.parse(request.body) as { startInfo: { Reference: string } }).startInfo.Reference)).toEqual([
			reference,
			reference,
		]);
	});

	it('the connection dropped before the request was served: the second start is the only job', async () => {
		withFault({ method: 'POST', path: START_PATH, reset: true, times: 1 });
		const result = await start('exactly-once-before');
		expect(result.json(NODE_NAME)).toHaveLength(1);
		expect(jobsWith('exactly-once-before')).toHaveLength(1);
		expect(starts()).toHaveLength(2);
	});

	it('gives up after the second ambiguous failure without a third start', async () => {
		withFault({ method: 'POST', path: START_PATH, status5xxRate: 1, status5xx: 502, times: 2 });
		const result = await start('exactly-once-down');
		expect(result.status).toBe('error');
		expect(result.error?.message).toBeDefined();
		expect(starts()).toHaveLength(2);
		expect(jobsWith('exactly-once-down')).toHaveLength(0);
	});
});
