/**
 * A re-run of an execution (another worker running the saved execution again after the first one died) keeps
 * the execution id, the node and when n8n created the execution. Each test runs the same execution twice
 * through n8n-core against the sandbox: the first run as n8n runs a fresh execution, the second as the re-run.
 * Instead of waiting the ≥ 50 s a real re-run comes later (Bull's lock), the re-run's execution was created
 * 60 s before it.
 */
import { randomUUID } from 'crypto';
import type { INodeParameters } from 'n8n-workflow';

import { PROCESSES, QUEUE } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, nodeError, NODE_NAME, SHARED, startSuite, type NodeRunOptions, type Suite } from './sandboxSuite';

const RERUN_AGE_MS = 60_000;

describe('crash-safe starts: the default Reference survives a re-run of the execution', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const jobStart = (options: INodeParameters = {}): INodeParameters => ({
		resource: 'job',
		operation: 'start',
		folder: SHARED,
		release: locator('name', PROCESSES.quick),
		inputArguments: '{"InvoiceId":"INV-RERUN"}',
		options,
	});
	/** The first run and its re-run share these; every test gets its own execution. */
	const execution = (id: string) => ({ executionId: id, nodeId: randomUUID() });
	const firstRun = (same: ReturnType<typeof execution>, extra: NodeRunOptions = {}): NodeRunOptions => ({ ...same, establishedAt: Date.now(), ...extra });
	const reRun = (same: ReturnType<typeof execution>, extra: NodeRunOptions = {}): NodeRunOptions => ({ ...same, establishedAt: Date.now() - RERUN_AGE_MS, ...extra });

	const starts = () => suite.apiRequests().filter((request) => request.method === 'POST' && request.path.endsWith('StartJobs'));
	const jobReads = () => suite.apiRequests().filter((request) => request.method === 'GET' && /\/odata\/Jobs$/.test(request.path));
	const jobsWith = (reference: string) => [...suite.sandbox.state.store.jobs.values()].filter((job) => job.Reference === reference);

	it('a normal start is exactly one StartJobs request and no Jobs read; the Reference names the execution, item and run', async () => {
		suite.sandbox.state.clearRequests();
		const result = await suite.run('clientCredentials', jobStart(), { ...firstRun(execution('4711')), items: [{ n: 1 }, { n: 2 }] });
		const jobs = result.json(NODE_NAME);
		expect(jobs).toHaveLength(2);
		expect(starts()).toHaveLength(2);
		expect(jobReads()).toHaveLength(0);
		const [first, second] = jobs.map((job) => String(job.Reference));
		expect(first).toMatch(/^n8n-4711-0-0-[0-9a-f]{32}$/);
		expect(second).toMatch(/^n8n-4711-1-0-[0-9a-f]{32}$/);
		expect(first.length).toBeLessThanOrEqual(128);
	});

	it('an execution that reached the node young pays no lookup for its later items, even once older than 10 s', async () => {
		// Created 9 s ago, and StartJobs answers after 1.5 s: the second item starts when the execution is 10.5 s old.
		suite.sandbox.state.faults = [{ method: 'POST', path: 'StartJobs', latencyMs: 1500 }];
		suite.sandbox.state.clearRequests();
		try {
			const result = await suite.run('clientCredentials', jobStart(), { ...execution('4714'), establishedAt: Date.now() - 9_000, items: [{ n: 1 }, { n: 2 }] });
			expect(result.json(NODE_NAME)).toHaveLength(2);
		} finally {
			suite.sandbox.state.faults = [];
		}
		expect(starts()).toHaveLength(2);
		expect(jobReads()).toHaveLength(0);
	});

	it('the same execution, node and item always derive the same Reference; another execution or node another one', async () => {
		const same = execution('4712');
		const once = await suite.run('clientCredentials', jobStart(), firstRun(same));
		const again = await suite.run('clientCredentials', jobStart(), firstRun(same));
		const otherExecution = await suite.run('clientCredentials', jobStart(), firstRun({ ...same, executionId: '4713' }));
		const otherNode = await suite.run('clientCredentials', jobStart(), firstRun({ ...same, nodeId: randomUUID() }));
		const reference = (run: typeof once) => String(run.json(NODE_NAME)[0].Reference);
		expect(reference(again)).toBe(reference(once));
		expect(new Set([reference(once), reference(otherExecution), reference(otherNode)]).size).toBe(3);
	});

	it('a re-run finds the jobs its first run started: one Jobs read per item, no second start, the same jobs out', async () => {
		const same = execution('5001');
		const items = [{ invoice: 'A' }, { invoice: 'B' }];
		const first = await suite.run('clientCredentials', jobStart(), firstRun(same, { items }));
		const firstJobs = first.json(NODE_NAME);
		suite.sandbox.state.clearRequests();

		const second = await suite.run('clientCredentials', jobStart(), reRun(same, { items }));
		expect(second.status).toBe('success');
		expect(starts()).toHaveLength(0);
		expect(jobReads()).toHaveLength(2);
		expect(jobReads()[0].query.$filter).toBe(`Reference eq '${String(firstJobs[0].Reference)}'`);
		expect(second.json(NODE_NAME).map((job) => job.Id)).toEqual(firstJobs.map((job) => job.Id));
		for (const job of firstJobs) expect(jobsWith(String(job.Reference))).toHaveLength(1);
	});

	it('a re-run that waits for completion waits for the job the first run started', async () => {
		const same = execution('5002');
		const first = await suite.run('clientCredentials', jobStart(), firstRun(same));
		const [job] = first.json(NODE_NAME);
		const second = await suite.run('clientCredentials', jobStart({ waitForCompletion: true, pollInterval: 1 }), reRun(same));
		expect(second.json(NODE_NAME)).toEqual([expect.objectContaining({ Id: job.Id, State: 'Successful' })]);
		expect(jobsWith(String(job.Reference))).toHaveLength(1);
	});

	it('a re-run whose first run never reached the start starts the job: one Jobs read, then one StartJobs', async () => {
		suite.sandbox.state.clearRequests();
		const result = await suite.run('clientCredentials', jobStart(), reRun(execution('5003')));
		expect(result.json(NODE_NAME)).toHaveLength(1);
		expect(jobReads()).toHaveLength(1);
		expect(starts()).toHaveLength(1);
	});

	it('a user\'s own Reference works as before: no lookup before the start, also on a re-run', async () => {
		const same = execution('5004');
		await suite.run('clientCredentials', jobStart({ reference: 'my-own-reference' }), firstRun(same));
		suite.sandbox.state.clearRequests();
		const second = await suite.run('clientCredentials', jobStart({ reference: 'my-own-reference' }), reRun(same));
		expect(second.json(NODE_NAME)[0]).toMatchObject({ Reference: 'my-own-reference' });
		expect(jobReads()).toHaveLength(0);
		expect(starts()).toHaveLength(1);
		expect(jobsWith('my-own-reference')).toHaveLength(2);
	});

	describe('queue items (node version 1.2: earlier versions add items without a Reference unless the user gives one)', () => {
		const V12 = { typeVersion: 1.2 };
		const queue = () => [...suite.sandbox.state.store.queues.values()].find((entry) => entry.Name === QUEUE)!;
		const itemsWith = (reference: string) => [...suite.sandbox.state.store.queueItems.values()].filter((item) => item.Reference === reference && item.Status !== 'Deleted');
		const adds = () => suite.apiRequests().filter((request) => request.method === 'POST' && /AddQueueItem$|BulkAddQueueItems$/.test(request.path));
		const itemReads = () => suite.apiRequests().filter((request) => request.method === 'GET' && /\/odata\/QueueItems$/.test(request.path));
		const add = { resource: 'queueItem', operation: 'add', folder: SHARED, queue: locator('name', QUEUE), specificContent: '={{ JSON.stringify({ invoice: $json.invoice }) }}' };
		const addMany = { ...add, operation: 'addMany', commitType: 'ProcessAllIndependently' };

		it.each([
			['requires unique references', true],
			['allows duplicates', false],
		])('Add: a re-run finds the item its first run added (the queue %s): no second item', async (_label, unique) => {
			const enforced = queue().EnforceUniqueReference;
			queue().EnforceUniqueReference = unique;
			try {
				const same = execution(unique ? '6001' : '6002');
				suite.sandbox.state.clearRequests();
				const first = await suite.run('clientCredentials', add, firstRun(same, { ...V12, items: [{ invoice: 'Q-1' }] }));
				const [added] = first.json(NODE_NAME);
				expect(String(added.Reference)).toMatch(new RegExp(`^n8n-${same.executionId}-0-0-[0-9a-f]{32}$`));
				expect(adds()).toHaveLength(1);
				expect(itemReads()).toHaveLength(0);
				suite.sandbox.state.clearRequests();

				const second = await suite.run('clientCredentials', add, reRun(same, { ...V12, items: [{ invoice: 'Q-1' }] }));
				expect(second.json(NODE_NAME)).toEqual([expect.objectContaining({ Id: added.Id, Reference: added.Reference })]);
				expect(adds()).toHaveLength(0);
				expect(itemReads()).toHaveLength(1);
				expect(itemsWith(String(added.Reference))).toHaveLength(1);
			} finally {
				queue().EnforceUniqueReference = enforced;
			}
		});

		it('Add: a re-run n8n shows as fresh (no lookup) into a unique-reference queue is refused by UiPath as a duplicate', async () => {
			const same = execution('6003');
			await suite.run('clientCredentials', add, firstRun(same, { ...V12, items: [{ invoice: 'Q-2' }] }));
			const second = await suite.run('clientCredentials', add, firstRun(same, { ...V12, items: [{ invoice: 'Q-2' }] }));
			expect(nodeError(second)).toMatchObject({ httpCode: '409' });
			expect(nodeError(second).message).toMatch(/Duplicate Reference/);
		});

		it('Add in node version 1.1 sends no Reference when the user gives none, as saved workflows did', async () => {
			suite.sandbox.state.clearRequests();
			const result = await suite.run('clientCredentials', add, firstRun(execution('6005'), { typeVersion: 1.1, items: [{ invoice: 'Q-3' }] }));
			expect(result.json(NODE_NAME)[0].Reference ?? null).toBeNull();
			expect((JSON.parse(adds()[0].body) as { itemData: Record<string, unknown> }).itemData).not.toHaveProperty('Reference');
		});

		it('Add Many: a re-run adds only the items its first run did not: one lookup per batch, one bulk request', async () => {
			const same = execution('6004');
			const invoices = ['M-1', 'M-2', 'M-3', 'M-4'].map((invoice) => ({ invoice }));
			const first = await suite.run('clientCredentials', addMany, firstRun(same, { ...V12, items: invoices.slice(0, 3) }));
			const references = first.json(NODE_NAME).map((item) => String(item.Reference));
			suite.sandbox.state.clearRequests();

			const second = await suite.run('clientCredentials', addMany, reRun(same, { ...V12, items: invoices }));
			expect(second.json(NODE_NAME).map((item) => item.Reference).slice(0, 3)).toEqual(references);
			expect(itemReads()).toHaveLength(1);
			expect(adds()).toHaveLength(1);
			expect((JSON.parse(adds()[0].body) as { queueItems: unknown[] }).queueItems).toHaveLength(1);
			for (const reference of [...references, String(second.json(NODE_NAME)[3].Reference)]) expect(itemsWith(reference)).toHaveLength(1);
		});
	});
});
