import { PROCESSES } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

/** Each job runs about 2 s of sandbox time; timeScale 10 makes that about 200 ms, long enough to see overlap. */
describe('Options → Concurrency', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 10 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const invoices = Array.from({ length: 8 }, (_, index) => ({ invoice: `INV-${index}` }));
	const startAndWait = async (options: Record<string, unknown>) =>
		await suite.run(
			'clientCredentials',
			{
				resource: 'job',
				operation: 'start',
				folder: SHARED,
				release: locator('name', PROCESSES.quick),
				inputArguments: '={{ JSON.stringify({ InvoiceId: $json.invoice }) }}',
				options: { waitForCompletion: true, pollInterval: 1, ...options },
			},
			{ items: invoices },
		);

	/** Jobs in the order the sandbox created them, with their times. */
	const createdJobs = () =>
		[...suite.sandbox.state.store.jobs.values()]
			.sort((a, b) => a.Id - b.Id)
			.map((job) => ({ invoice: JSON.parse(job.InputArguments ?? '{}').InvoiceId as string, created: Date.parse(job.CreationTime), ended: Date.parse(job.EndTime ?? '') }));

	it('runs items one after the other by default: each job is created after the previous one ended', async () => {
		const before = suite.sandbox.state.store.jobs.size;
		const result = await startAndWait({});
		const jobs = createdJobs().slice(before);
		expect(jobs).toHaveLength(invoices.length);
		for (let index = 1; index < jobs.length; index++) expect(jobs[index].created).toBeGreaterThanOrEqual(jobs[index - 1].ended);
		expect(result.json(NODE_NAME).map((job) => (job.InputArguments as { InvoiceId: string }).InvoiceId)).toEqual(invoices.map((item) => item.invoice));
	});

	it('with 4, starts four jobs before the first one ends, and still outputs the items in input order, paired', async () => {
		const before = suite.sandbox.state.store.jobs.size;
		const result = await startAndWait({ concurrency: 4 });
		const jobs = createdJobs().slice(before);
		expect(jobs).toHaveLength(invoices.length);
		const firstEnd = Math.min(...jobs.map((job) => job.ended));
		expect(jobs.filter((job) => job.created < firstEnd)).toHaveLength(4);
		const items = result.items(NODE_NAME);
		expect(items.map((item) => (item.json.InputArguments as { InvoiceId: string }).InvoiceId)).toEqual(invoices.map((item) => item.invoice));
		expect(items.map((item) => item.pairedItem)).toEqual(invoices.map((_, item) => ({ item })));
		expect(items.every((item) => item.json.State === 'Successful')).toBe(true);
	});

	it('with continueOnFail, a bad item among parallel ones yields its paired error and the others still run', async () => {
		const result = await suite.run(
			'clientCredentials',
			{
				resource: 'job',
				operation: 'start',
				folder: SHARED,
				release: locator('name', PROCESSES.quick),
				inputArguments: '={{ $json.args }}',
				options: { concurrency: 3 },
			},
			{ items: [{ args: '{"InvoiceId":"A"}' }, { args: '{broken' }, { args: '{"InvoiceId":"C"}' }], continueOnFail: true },
		);
		const items = result.items(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ InputArguments: { InvoiceId: 'A' } });
		expect(items[1].json.error).toMatch(/^Input Arguments \(inputArguments\) in item 1/);
		expect(items[2].json).toMatchObject({ InputArguments: { InvoiceId: 'C' } });
	});
});
