import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FOLDERS, PROCESSES, QUEUE } from '../../../sandbox/fixtures';
import { PollTriggerHarness, runWorkflow } from '../../harness';
import { folderPath, NEXT, TRIGGER, triggerSandbox, type TriggerSandbox } from './fixtures';

let env: TriggerSandbox;

beforeAll(async () => {
	env = await triggerSandbox();
});

afterAll(async () => {
	await env.sandbox.close();
});

const jobParameters = (parameters: INodeParameters = {}): INodeParameters => ({
	event: 'jobFinished',
	folder: folderPath(FOLDERS.shared),
	...parameters,
});

function jobTrigger(parameters: INodeParameters = {}) {
	return new PollTriggerHarness({
		workflow: env.workflow('uiPathOrchestratorPollingTrigger', jobParameters(parameters)),
		triggerNode: TRIGGER,
		credentials: env.credentials,
	});
}

const ids = (items: IDataObject[]) => items.map((item) => item.Id as number);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const emittedIds = (trigger: PollTriggerHarness) => trigger.emittedItems.map((item) => item.json.Id as number);

/** GET Jobs requests the sandbox answered since `from` (an index into its request log). */
const jobListings = (from: number) =>
	env.sandbox.state.requests.slice(from).filter((request) => request.method === 'GET' && request.path.endsWith('/odata/Jobs'));

/** Starts `count` quick jobs and lets every robot finish at once, so many share one EndTime. */
async function finishJobs(count: number): Promise<number[]> {
	const jobs = await env.startJobs(count);
	env.sandbox.state.jobs.finishAll();
	return ids(jobs);
}

it('starts at the newest finished job, then emits each job that finishes afterwards exactly once', async () => {
	const trigger = jobTrigger();
	expect((await trigger.poll()).emitted).toBeNull();

	const started = await env.startJobs(3, PROCESSES.quick, { InvoiceId: 'INV-7', Amount: 12 });
	env.sandbox.state.jobs.finishAll();
	const outcome = await trigger.poll();
	expect(outcome.error).toBeUndefined();
	expect(outcome.run?.status).toBe('success');
	const emitted = outcome.run!.json(NEXT);
	expect(ids(emitted).sort()).toEqual(ids(started).sort());
	expect(emitted[0]).toMatchObject({ State: 'Successful', ReleaseName: PROCESSES.quick, InputArguments: { InvoiceId: 'INV-7', Amount: 12 } });
	expect(typeof emitted[0].OutputArguments).toBe('object');

	expect((await trigger.poll()).emitted).toBeNull();
});

it('emits a job that finished in the same millisecond as the last one emitted, once, when it shows up later', async () => {
	const trigger = jobTrigger();
	await trigger.poll();
	const [first] = await finishJobs(1);
	expect(ids((await trigger.poll()).emitted![0].map((item) => item.json))).toEqual([first]);

	// Orchestrator can list a job later than another with the same EndTime: the cursor's edge keys catch it.
	const [second] = await finishJobs(1);
	const store = env.sandbox.state.store;
	store.jobs.get(second)!.EndTime = store.jobs.get(first)!.EndTime;
	expect(ids((await trigger.poll()).emitted![0].map((item) => item.json))).toEqual([second]);
	expect(trigger.staticData.cursors).toMatchObject({ jobFinished: { since: store.jobs.get(first)!.EndTime, edge: [first, second] } });
	expect((await trigger.poll()).emitted).toBeNull();
});

it('emits 1,500 jobs finishing between two polls exactly once, paging with $top/$skip', async () => {
	const trigger = jobTrigger();
	await trigger.poll();
	const from = env.sandbox.state.requests.length;
	const finished = await finishJobs(1500);
	const outcome = await trigger.poll();
	expect(outcome.run?.status).toBe('success');
	expect(outcome.run!.json(NEXT)).toHaveLength(1500);
	expect(sorted(emittedIds(trigger))).toEqual(sorted(finished));
	expect(jobListings(from).map((request) => [request.query.$top, request.query.$skip])).toEqual([
		['1000', '0'],
		['1000', '1000'],
	]);
	expect((await trigger.poll()).emitted).toBeNull();
	expect(trigger.emittedItems).toHaveLength(1500);
});

it('stops paging when n8n\'s poll budget runs out and resumes where it stopped', async () => {
	const trigger = new PollTriggerHarness({
		workflow: env.workflow('uiPathOrchestratorPollingTrigger', jobParameters()),
		triggerNode: TRIGGER,
		credentials: env.credentials,
		// Spent before the first page is back: each poll reads one page and leaves the rest to the next.
		pollBudgetMs: 1,
	});
	await trigger.poll();
	const finished = await finishJobs(1500);
	const from = env.sandbox.state.requests.length;
	const first = (await trigger.poll()).emitted![0];
	expect(jobListings(from)).toHaveLength(1);
	// The first page also holds the jobs at the cursor's edge (earlier ones with the newest EndTime), skipped as seen.
	expect(first.length).toBeGreaterThan(0);
	expect(first.length).toBeLessThanOrEqual(1000);
	expect((await trigger.poll()).emitted![0]).toHaveLength(1500 - first.length);
	expect((await trigger.poll()).emitted).toBeNull();
	expect(sorted(emittedIds(trigger))).toEqual(sorted(finished));
});

it('makes progress past an edge larger than a page even when the budget is spent', async () => {
	const json = env.workflow('uiPathOrchestratorPollingTrigger', jobParameters());
	const trigger = new PollTriggerHarness({ workflow: json, triggerNode: TRIGGER, credentials: env.credentials });
	await trigger.poll();
	const sameInstant = await finishJobs(1200);
	const endTime = new Date().toISOString();
	for (const id of sameInstant) env.sandbox.state.store.jobs.get(id)!.EndTime = endTime;
	expect((await trigger.poll()).emitted![0]).toHaveLength(1200);
	expect((trigger.staticData.cursors as IDataObject).jobFinished).toMatchObject({ since: endTime, edge: expect.any(Array) });

	const hurried = new PollTriggerHarness({ workflow: json, triggerNode: TRIGGER, credentials: env.credentials, pollBudgetMs: 1 });
	hurried.staticData = trigger.staticData;
	const [late] = await finishJobs(1);
	expect(ids((await hurried.poll()).emitted![0].map((item) => item.json))).toEqual([late]);
});

it('loses nothing and repeats nothing when a poll fails half way', async () => {
	const trigger = jobTrigger();
	await trigger.poll();
	const finished = await finishJobs(1200);
	const before = structuredClone(trigger.staticData);
	// The first GET Jobs of the poll succeeds; every later one (the second page and its retries) answers 503.
	class AfterFirstListing extends RegExp {
		private seen = 0;
		test(path: string): boolean {
			return super.test(path) && ++this.seen > 1;
		}
	}
	env.sandbox.state.faults = [{ method: 'GET', path: new AfterFirstListing('/odata/Jobs$'), status5xxRate: 1, status5xx: 503 }];
	const from = env.sandbox.state.requests.length;
	const failed = await trigger.poll();
	env.sandbox.state.faults = [];
	expect(failed.emitted).toBeNull();
	expect(failed.error?.message).toMatch(/503/);
	expect(jobListings(from).map((request) => [request.query.$skip, request.status])).toEqual([
		['0', 200],
		['1000', 503],
		['1000', 503],
		['1000', 503],
		['1000', 503],
	]);
	expect(trigger.staticData).toEqual(before);

	const recovered = await trigger.poll();
	expect(sorted(ids(recovered.run!.json(NEXT)))).toEqual(sorted(finished));
	expect((await trigger.poll()).emitted).toBeNull();
	expect(trigger.emittedItems).toHaveLength(1200);
}, 30_000);

it('waits as long as a 429 asks and carries on', async () => {
	const trigger = jobTrigger();
	await trigger.poll();
	const [job] = await finishJobs(1);
	env.sandbox.state.rateLimit = { requests: 1, perSeconds: 1 };
	const from = env.sandbox.state.requests.length;
	try {
		await env.orchestrator('GET', '/odata/Jobs?$top=1');
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(ids(outcome.emitted![0].map((item) => item.json))).toEqual([job]);
	} finally {
		env.sandbox.state.rateLimit = undefined;
	}
	const statuses = jobListings(from).map((request) => request.status);
	expect(statuses.slice(0, 2)).toEqual([200, 429]);
	expect(statuses[statuses.length - 1]).toBe(200);
}, 15_000);

it('returns the most recent matching job in manual mode (Fetch test event)', async () => {
	const [faulted] = ids(await env.startJobs(1, PROCESSES.faulting));
	const [newest] = await finishJobs(1);
	const run = async (parameters: INodeParameters) =>
		await runWorkflow({
			workflow: env.workflow('uiPathOrchestratorPollingTrigger', jobParameters(parameters)),
			startNode: TRIGGER,
			credentials: env.credentials,
		});
	const latest = await run({});
	expect(ids(latest.json(TRIGGER))).toEqual([newest]);
	expect(ids(latest.json(NEXT))).toEqual([newest]);
	const latestFaulted = await run({ jobStates: ['Faulted'] });
	expect(latestFaulted.json(TRIGGER)).toEqual([expect.objectContaining({ Id: faulted, State: 'Faulted', ReleaseName: PROCESSES.faulting })]);
});

it('emits only the chosen states and process', async () => {
	const trigger = jobTrigger({ jobStates: ['Faulted'], processName: PROCESSES.faulting });
	await trigger.poll();
	const faulting = ids(await env.startJobs(2, PROCESSES.faulting));
	await finishJobs(2);
	env.sandbox.state.jobs.finishAll();
	const outcome = await trigger.poll();
	expect(sorted(ids(outcome.emitted![0].map((item) => item.json)))).toEqual(sorted(faulting));
	expect(outcome.emitted![0].every((item) => item.json.State === 'Faulted')).toBe(true);
});

it('starts afresh, without replaying history, when the filters change', async () => {
	const json = env.workflow('uiPathOrchestratorPollingTrigger', jobParameters());
	const trigger = new PollTriggerHarness({ workflow: json, triggerNode: TRIGGER, credentials: env.credentials });
	await trigger.poll();
	await finishJobs(1);
	const edited = new PollTriggerHarness({
		workflow: { ...json, nodes: json.nodes.map((node) => (node.name === TRIGGER ? { ...node, parameters: { ...node.parameters, jobStates: ['Successful'] } } : node)) },
		triggerNode: TRIGGER,
		credentials: env.credentials,
	});
	edited.staticData = trigger.staticData;
	expect((await edited.poll()).emitted).toBeNull();
	const [next] = await finishJobs(1);
	expect(ids((await edited.poll()).emitted![0].map((item) => item.json))).toEqual([next]);
});

it('names the parameter when no state is chosen', async () => {
	const outcome = await jobTrigger({ jobStates: [] }).poll();
	expect(outcome.error?.message).toBe('Job States (jobStates) must name at least one final state');
});

describe('queue item status changed', () => {
	const queueTrigger = (parameters: INodeParameters) =>
		new PollTriggerHarness({
			workflow: env.workflow('uiPathOrchestratorPollingTrigger', {
				event: 'queueItemStatusChanged',
				folder: folderPath(FOLDERS.shared),
				queueName: QUEUE,
				...parameters,
			}),
			triggerNode: TRIGGER,
			credentials: env.credentials,
		});

	it('emits items that reached a chosen status, once each', async () => {
		const trigger = queueTrigger({ queueItemStatuses: ['Successful', 'Failed'] });
		await trigger.poll();
		const stamp = Date.now();
		const [a, b, c] = [await env.addQueueItem({ n: 1 }, `a-${stamp}`), await env.addQueueItem({ n: 2 }, `b-${stamp}`), await env.addQueueItem({ n: 3 }, `c-${stamp}`)];
		expect((await trigger.poll()).emitted).toBeNull();
		env.sandbox.state.processQueueItem(a.Id, { status: 'Successful', output: { posted: true } });
		env.sandbox.state.processQueueItem(b.Id, { status: 'Failed', reason: 'ERP down' });
		const first = (await trigger.poll()).run!.json(NEXT);
		expect(first).toEqual([
			expect.objectContaining({ Id: a.Id, Status: 'Successful', SpecificContent: { n: 1 } }),
			expect.objectContaining({ Id: b.Id, Status: 'Failed', ProcessingException: expect.objectContaining({ Reason: 'ERP down' }) }),
		]);
		env.sandbox.state.processQueueItem(c.Id, { status: 'Successful' });
		expect(ids((await trigger.poll()).emitted![0].map((item) => item.json))).toEqual([c.Id]);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('emits new items when New is chosen', async () => {
		const trigger = queueTrigger({ queueItemStatuses: ['New'] });
		await trigger.poll();
		const item = await env.addQueueItem({ n: 4 }, `new-${Date.now()}`);
		expect(ids((await trigger.poll()).emitted![0].map((entry) => entry.json))).toEqual([item.Id]);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('takes the queue from its searchable picker as well as the plain name older workflows saved', async () => {
		const trigger = queueTrigger({ queueItemStatuses: ['New'], queueName: { __rl: true, mode: 'list', value: QUEUE } });
		await trigger.poll();
		const item = await env.addQueueItem({ n: 5 }, `picked-${Date.now()}`);
		expect(ids((await trigger.poll()).emitted![0].map((entry) => entry.json))).toEqual([item.Id]);
	});

	it('names a queue that does not exist', async () => {
		const outcome = await queueTrigger({ queueItemStatuses: ['New'], queueName: 'No Such Queue' }).poll();
		expect(outcome.error?.message).toBe('Queue Name (queueName) "No Such Queue" is not a queue in folder "Shared"');
	});
});

it('emits a job whose output Orchestrator kept as an attachment with its parsed OutputArguments, reading the file once', async () => {
	env.sandbox.state.attachments.outputFileAbove = 10;
	try {
		const trigger = jobTrigger();
		await trigger.poll();
		const [job] = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'INV-POLL-FILE' });
		env.sandbox.state.jobs.finishAll();
		const from = env.sandbox.state.requests.length;
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		const emitted = outcome.run!.json(NEXT);
		expect(emitted.find((item) => item.Id === job.Id)).toMatchObject({ OutputArguments: { InvoiceId: 'INV-POLL-FILE', Total: 0 } });
		const reads = env.sandbox.state.requests.slice(from).filter((request) => /\/odata\/Attachments/.test(request.path));
		expect(reads).toHaveLength(emitted.length);
	} finally {
		env.sandbox.state.attachments.outputFileAbove = 10_000;
	}
});
