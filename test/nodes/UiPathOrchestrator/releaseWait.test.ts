/**
 * Job → Start / Wait with Wait Mode "Release the Execution Until the Job Ends": the execution parks in (the
 * harness's mirror of) n8n's database and resumes through n8n-core's real WorkflowExecute, by the sandbox's real
 * webhook deliveries over HTTP on 127.0.0.1 or by the wait's timer. Nothing is mocked; the harness's waiting.ts
 * says which n8n server code each step mirrors.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { CredentialStore, credentialsOf, manualWorkflow, type WorkflowJson } from '../../harness';
import { WaitingExecutionHarness, type StoredExecution } from '../../harness/waiting';
import type { Sandbox } from '../../../sandbox';
import { FAULT_INFO, ORCHESTRATOR_SCOPES, PROCESSES } from '../../../sandbox/fixtures';
import { signWebhookBody } from '../../../sandbox/orchestrator/webhooks/dispatcher';
import { waitsReleased } from '../../../nodes/UiPathOrchestrator/actions/job/releasedJobs';
import { releasesExecution } from '../../../nodes/UiPathOrchestrator/actions/job/waiting';
import { CREDENTIAL_ID, credentialFor, expectConformingRequests, locator, NODE_TYPE, SHARED, startSuite, type Suite } from './sandboxSuite';

const NODE = 'UiPath';

let suite: Suite;
let sandbox: Sandbox;
let store: CredentialStore;
const harnesses: WaitingExecutionHarness[] = [];

beforeAll(async () => {
	suite = await startSuite(['clientCredentials'], { timeScale: 1 });
	sandbox = suite.sandbox;
	store = suite.stores.get('clientCredentials')!;
});
afterEach(async () => {
	await sandbox.state.webhooksIdle();
	for (const harness of harnesses.splice(0)) await harness.close();
	sandbox.state.jobs.finishAll();
	for (const webhook of [...sandbox.state.store.webhooks.values()]) sandbox.state.store.webhooks.delete(webhook.Id);
	// Every request to Orchestrator (subscriptions, jobs, records) as UiPath's orchestrator.yaml describes it.
	await expectConformingRequests(suite);
});
afterAll(async () => await suite.close());

function workflow(parameters: INodeParameters, node: Partial<INode> = {}): WorkflowJson {
	const credential = store.get(CREDENTIAL_ID);
	return manualWorkflow({
		name: NODE,
		type: NODE_TYPE,
		typeVersion: 1.2,
		webhookId: 'c0ffee00-0000-4000-8000-000000000024',
		parameters: { authentication: credential.type, ...parameters },
		credentials: credentialsOf(credential),
		...node,
	});
}

const startAndWait = (process: string, options: IDataObject = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', process),
	...(process === PROCESSES.quick ? { inputArgumentsMode: 'json', inputArguments: '={{ JSON.stringify({ InvoiceId: "INV-24", Amount: 3 }) }}' } : {}),
	...extra,
	options: { waitForCompletion: true, ...options },
});

async function harnessFor(json: WorkflowJson, mode: 'manual' | 'trigger' = 'manual'): Promise<WaitingExecutionHarness> {
	const harness = await WaitingExecutionHarness.start({ workflow: json, credentials: store, mode });
	harnesses.push(harness);
	return harness;
}

/** The jobs the node started before it parked (its pre-wait output). */
const startedJobs = (execution: StoredExecution) => execution.runs[0].json(NODE);

/** Ends jobs in the sandbox and lets every delivery and every resumed run finish. */
async function finish(harness: WaitingExecutionHarness, ...ids: number[]) {
	for (const id of ids) sandbox.state.jobs.finish(id);
	await sandbox.state.webhooksIdle();
	await harness.settled();
}

const subscriptions = () => [...sandbox.state.store.webhooks.values()];

describe('Job Start with Wait Mode "Release the Execution Until the Job Ends" (node 1.2)', () => {
	it('parks right after StartJobs and resumes with the finished job from the sandbox event, as polling outputs it', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, { timeout: 600 })));
		const before = Date.now();
		const execution = await harness.execute();

		expect(execution.status).toBe('waiting');
		expect(execution.waitTill?.getTime()).toBeGreaterThanOrEqual(before + 600_000);
		const [job] = startedJobs(execution);
		expect(job).toMatchObject({ ReleaseName: PROCESSES.slow, State: expect.stringMatching(/Pending|Running/) });
		const apiPaths = sandbox.state.requests.map((request) => `${request.method} ${new URL(request.path, 'http://x').pathname}`);
		expect(apiPaths.filter((path) => /StartJobs/.test(path))).toHaveLength(1);
		// A manual run has no relay: its own subscription, enabled, to the execution's resume URL, signed.
		const [subscription] = subscriptions();
		expect(subscription).toMatchObject({ Enabled: true, Events: [{ EventType: 'job.completed' }, { EventType: 'job.faulted' }, { EventType: 'job.stopped' }] });
		expect(subscription.Url).toBe(`${harness.urls.webhookWaitingBaseUrl}/${execution.id}?signature=${execution.data.resumeToken}`);
		expect(subscription.Secret).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(execution.data.resultData.runData)).not.toContain(subscription.Secret);

		await finish(harness, Number(job.Id));

		expect(execution.status).toBe('success');
		const [finished] = execution.runs[1].json(NODE);
		expect(finished).toMatchObject({ Id: job.Id, State: 'Successful', OutputArguments: { ReportUrl: expect.stringContaining('month-end') } });
		expect(execution.runs[1].items(NODE)[0].pairedItem).toEqual({ item: 0 });
		expect(subscriptions()).toEqual([]);
		// The jobs are in the output; the execution does not keep a second copy in the node's metadata.
		expect(JSON.stringify(execution.data.resultData.runData[NODE][0].metadata)).not.toContain('ReportUrl');
	});

	it('ignores (200) the events of jobs it does not wait for, and stays waiting', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)));
		const execution = await harness.execute();
		const other = await harnessFor(workflow(startAndWait(PROCESSES.slow, { waitForCompletion: false })));
		const [foreign] = (await other.execute()).runs[0].json(NODE);

		await finish(harness, Number(foreign.Id));

		const delivered = harness.calls.filter((call) => call.path.endsWith(`/${execution.id}`));
		expect(delivered).toHaveLength(1);
		expect(delivered[0]).toMatchObject({ status: 200, resumed: false });
		expect(JSON.parse(delivered[0].answer)).toMatchObject({ message: 'Not a job this execution waits for' });
		expect(execution.status).toBe('waiting');
		expect(sandbox.state.webhookDeliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
	});

	it('refuses a resume call without the token or without the wait\'s signature, and a signed body alone resumes nothing', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)));
		const execution = await harness.execute();
		const [job] = startedJobs(execution);
		const body = JSON.stringify({ Type: 'job.completed', Job: { Id: job.Id, State: 'Successful' } });
		const base = `${harness.urls.webhookWaitingBaseUrl}/${execution.id}`;
		const post = async (url: string, signature?: string) =>
			await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-UiPath-Signature': signature } : {}) } });

		expect((await post(base)).status).toBe(401);
		expect((await post(`${base}?signature=${'x'.repeat(execution.data.resumeToken!.length)}`)).status).toBe(401);
		const withToken = `${base}?signature=${execution.data.resumeToken}`;
		expect((await post(withToken)).status).toBe(401);
		expect((await post(withToken, signWebhookBody('not the key', body))).status).toBe(401);
		// Signed with the wait's key (which whoever can list the tenant's subscriptions can derive): the job is read, not believed.
		const key = createHmac('sha256', execution.data.resumeToken!).update('uipath-release-wait').digest('hex');
		const signed = await post(withToken, signWebhookBody(key, body));
		expect(signed.status).toBe(200);
		expect(await signed.json()).toMatchObject({ message: 'Still waiting: not every one of the 1 is final' });
		await harness.settled();
		expect(execution.status).toBe('waiting');
		expect(harness.calls.some((call) => call.resumed)).toBe(false);
	});

	it('resumes several items with two jobs each once all four jobs are final, output paired to their items', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, {}, { strategy: 'ModernJobsCount', jobsCount: 2 })));
		const execution = await harness.execute([{ order: 1 }, { order: 2 }], NODE);
		const jobs = startedJobs(execution);
		expect(jobs).toHaveLength(4);

		await finish(harness, ...jobs.slice(0, 3).map((job) => Number(job.Id)));
		expect(execution.status).toBe('waiting');
		await finish(harness, Number(jobs[3].Id));

		expect(execution.status).toBe('success');
		const items = execution.runs[1].items(NODE);
		expect(items.map((item) => [item.json.Id, item.json.State, item.pairedItem])).toEqual(
			jobs.map((job, index) => [job.Id, 'Successful', { item: index < 2 ? 0 : 1 }]),
		);
	});

	it('fails the item of a Faulted job with its error log lines; Continue On Fail gives the paired job with its error', async () => {
		const failing = await harnessFor(workflow(startAndWait(PROCESSES.faulting)));
		const failed = await failing.execute();
		await finish(failing, Number(startedJobs(failed)[0].Id));
		expect(failed.status).toBe('error');
		expect(failed.runs[1].error?.message).toBe(FAULT_INFO);
		expect(failed.runs[1].error?.description).toContain('Last error log lines');

		const continuing = await harnessFor(workflow(startAndWait(PROCESSES.faulting), { onError: 'continueRegularOutput' }));
		const continued = await continuing.execute();
		await finish(continuing, Number(startedJobs(continued)[0].Id));
		expect(continued.status).toBe('success');
		expect(continued.runs[1].items(NODE)).toEqual([
			{ json: expect.objectContaining({ State: 'Faulted', error: FAULT_INFO, ErrorLogs: expect.any(Array) }), pairedItem: { item: 0 } },
		]);
	});

	it('a job stopped in UiPath (job.stopped carries a Jobs array) resumes the wait and fails the item as Stopped', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)));
		const execution = await harness.execute();
		const [job] = startedJobs(execution);
		const stopper = await harnessFor(workflow({ resource: 'job', operation: 'stop', folder: SHARED, jobId: String(job.Id), options: { stopStrategy: 'Kill' } }));
		await stopper.execute();
		await finish(harness, Number(job.Id));

		expect(execution.status).toBe('error');
		expect(execution.runs[1].error?.description).toContain(`Job ${String(job.Id)} of process "${PROCESSES.slow}"`);
		expect(execution.runs[1].error?.description).toContain('ended Stopped');
	});

	it('resumed by its timer (the event was lost), fails naming the job and the state it was parked with', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, { timeout: 30 })));
		const execution = await harness.execute();
		const [job] = startedJobs(execution);
		// The delivery is lost: n8n was unreachable when UiPath sent it (UiPath never retries).
		for (const subscription of subscriptions()) subscription.Url = 'http://127.0.0.1:9/unreachable';
		await finish(harness, Number(job.Id));
		expect(execution.status).toBe('waiting');

		await harness.fireTimer(execution.id);

		expect(execution.status).toBe('error');
		expect(execution.runs[1].error?.message).toMatch(new RegExp(`^Job ${String(job.Id)} \\(${PROCESSES.slow}\\) \\(last state (Pending|Running)\\) did not report an end within 30 s$`));
	});

	it('Job → Wait releases too, and a job that is already final outputs at once without parking', async () => {
		const starter = await harnessFor(workflow(startAndWait(PROCESSES.quick, { waitForCompletion: false })));
		const [done] = (await starter.execute()).runs[0].json(NODE);
		sandbox.state.jobs.finish(Number(done.Id));
		const harness = await harnessFor(workflow({ resource: 'job', operation: 'wait', folder: SHARED, jobId: String(done.Id) }));
		const execution = await harness.execute();
		expect(execution.runs[0].error).toBeUndefined();
		expect(execution.status).toBe('success');
		expect(execution.runs).toHaveLength(1);
		expect(execution.runs[0].json(NODE)).toEqual([expect.objectContaining({ Id: done.Id, State: 'Successful', OutputArguments: expect.any(Object) })]);
		expect(subscriptions()).toEqual([]);
	});

	it('without the OR.Webhooks scope the item fails naming the scope and the job that was started, which is not started twice', async () => {
		const scope = ORCHESTRATOR_SCOPES.filter((entry) => !entry.startsWith('OR.Webhooks')).join(' ');
		const narrow = new CredentialStore([await credentialFor(sandbox, 'clientCredentials', { scope })]);
		const harness = await WaitingExecutionHarness.start({ workflow: workflow(startAndWait(PROCESSES.slow)), credentials: narrow, mode: 'manual' });
		harnesses.push(harness);
		const execution = await harness.execute();

		expect(execution.status).toBe('error');
		const error = execution.runs[0].error;
		expect(error?.message).toMatch(/403|authorized/i);
		expect(`${error?.message} ${String(error?.description)}`).toContain('OR.Webhooks');
		const started = [...sandbox.state.store.jobs.values()].filter((job) => job.ReleaseName === PROCESSES.slow && job.State !== 'Successful' && job.State !== 'Stopped');
		expect(started).toHaveLength(1);
		expect(String(error?.description)).toContain(`Job ${started[0].Id} started and keeps running in UiPath`);
		expect(subscriptions()).toEqual([]);
	});

	it('node version 1.1 keeps polling by default: no waiting, no subscription', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.quick, { pollInterval: 1 }), { typeVersion: 1.1 }));
		const execution = await harness.execute();
		expect(execution.runs[0].error).toBeUndefined();
		expect(execution.status).toBe('success');
		expect(execution.runs[0].json(NODE)).toEqual([expect.objectContaining({ State: 'Successful' })]);
		expect(subscriptions()).toEqual([]);
	});
});

describe('release waits of an active workflow share one relay subscription', () => {
	const END_EVENTS = ['job.completed', 'job.faulted', 'job.stopped'] as const;

	it('activation subscribes the relay once; each finished job is delivered once by UiPath, to the relay, which resumes only its wait', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)), 'trigger');
		await harness.activate();
		const [relay] = subscriptions();
		expect(relay).toMatchObject({ Enabled: true, Url: harness.productionUrl(NODE), Events: END_EVENTS.map((EventType) => ({ EventType })) });

		const executions = [];
		for (let index = 0; index < 5; index += 1) executions.push(await harness.execute());
		expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'waiting'));
		const records = subscriptions().filter((subscription) => subscription.Id !== relay.Id);
		expect(records).toHaveLength(5);
		expect(records.every((record) => !record.Enabled && record.Name.startsWith('n8n wait '))).toBe(true);

		const jobs = executions.map((execution) => Number(startedJobs(execution)[0].Id));
		await finish(harness, ...jobs);

		expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'success'));
		executions.forEach((execution, index) => expect(execution.runs[1].json(NODE)).toEqual([expect.objectContaining({ Id: jobs[index], State: 'Successful' })]));
		const perJob = sandbox.state.webhooks.deliveriesPerJob([...END_EVENTS]);
		expect(jobs.map((id) => perJob.get(id))).toEqual(jobs.map(() => 1));
		expect(subscriptions().map((subscription) => subscription.Id)).toEqual([relay.Id]);

		await harness.deactivate();
		expect(subscriptions()).toEqual([]);
	});

	it('on a queue worker (Workflow built from the execution snapshot, active false) the waits are relayed too: records disabled, one delivery per job', async () => {
		const harness = await WaitingExecutionHarness.start({ workflow: workflow(startAndWait(PROCESSES.slow)), credentials: store, mode: 'trigger', worker: true });
		harnesses.push(harness);
		await harness.activate();
		const [relay] = subscriptions();
		const executions = [await harness.execute(), await harness.execute()];
		expect(executions.map((execution) => execution.status)).toEqual(['waiting', 'waiting']);
		const records = subscriptions().filter((subscription) => subscription.Id !== relay.Id);
		expect(records.map((record) => record.Enabled)).toEqual([false, false]);

		const jobs = executions.map((execution) => Number(startedJobs(execution)[0].Id));
		await finish(harness, ...jobs);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
		const perJob = sandbox.state.webhooks.deliveriesPerJob([...END_EVENTS]);
		expect(jobs.map((id) => perJob.get(id))).toEqual([1, 1]);
	});

	it('when n8n starts again the relay subscription is made anew (a failed delivery may have disabled the old one) and the waits it parked before resume', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)), 'trigger');
		await harness.activate();
		const [before] = subscriptions();
		const waiting = await harness.execute();

		await harness.activate('init');

		const relays = subscriptions().filter((subscription) => subscription.Enabled);
		expect(relays).toHaveLength(1);
		expect(relays[0].Id).not.toBe(before.Id);
		await finish(harness, Number(startedJobs(waiting)[0].Id));
		expect(waiting.status).toBe('success');
		expect(sandbox.state.webhookDeliveries.filter((delivery) => delivery.webhookId === before.Id)).toEqual([]);
	});

	it('a job that ended while n8n was down (its delivery failed, the old relay\'s breaker open) resumes when the relay is made anew (activation); the others wait on', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow)), 'trigger');
		await harness.activate();
		const [before] = subscriptions();
		const [ended, running] = [await harness.execute(), await harness.execute()];
		const [endedJob, runningJob] = [ended, running].map((execution) => Number(startedJobs(execution)[0].Id));

		harness.unavailable = true;
		await finish(harness, endedJob);
		harness.unavailable = false;
		expect(sandbox.state.webhookDeliveries.filter((delivery) => delivery.jobIds.includes(endedJob)).map((delivery) => [delivery.webhookId, delivery.status])).toEqual([[before.Id, 503]]);
		expect(ended.status).toBe('waiting');

		const requestsBefore = sandbox.state.requests.length;
		await harness.activate('init');
		await harness.settled();

		expect(ended.status).toBe('success');
		expect(ended.runs[1].json(NODE)).toEqual([expect.objectContaining({ Id: endedJob, State: 'Successful' })]);
		expect(running.status).toBe('waiting');
		// The cost of the start: list and remove the old relay, make the new one, list the records once, then each wait reads its job.
		const paths = sandbox.state.requests.slice(requestsBefore).map((request) => `${request.method} ${new URL(request.path, 'http://x').pathname.replace(/^.*\/odata\//, '')}`);
		expect(paths.filter((path) => /Jobs\(/.test(path)).sort()).toEqual([`GET Jobs(${endedJob})`, `GET Jobs(${runningJob})`].sort());
		expect(paths.filter((path) => path.startsWith('GET Webhooks'))).toHaveLength(2);

		await finish(harness, runningJob);
		expect(running.status).toBe('success');
		const relays = subscriptions().filter((subscription) => subscription.Enabled);
		expect(relays).toHaveLength(1);
		expect(sandbox.state.webhookDeliveries.filter((delivery) => delivery.jobIds.includes(runningJob)).map((delivery) => [delivery.webhookId, delivery.status])).toEqual([[relays[0].Id, 200]]);
	});

	it('only a node that releases gets the relay webhook: a polling node (version 1.1, or Wait Mode poll) has no production webhook', async () => {
		const polling = [
			workflow(startAndWait(PROCESSES.slow), { typeVersion: 1.1 }),
			workflow(startAndWait(PROCESSES.slow, { waitMode: 'poll' })),
			workflow({ resource: 'job', operation: 'get', folder: SHARED, jobId: '1' }),
		];
		for (const json of polling) {
			const harness = await harnessFor(json, 'trigger');
			expect(() => harness.productionUrl(NODE)).toThrow('has no production webhook');
			await harness.activate();
		}
		expect(subscriptions()).toEqual([]);
		// n8n saves parameters without their defaults (resource 'job', operation 'start'): the expression must fill them in.
		const releasing = await harnessFor(workflow({ operation: 'wait', folder: SHARED, jobId: '1' }), 'trigger');
		expect(releasing.productionUrl(NODE)).toMatch(/\/webhook\/c0ffee00-0000-4000-8000-000000000024\/uipath-job-events$/);
		const starting = await harnessFor(workflow({ folder: SHARED, release: locator('name', PROCESSES.slow), options: { waitForCompletion: true } }), 'trigger');
		expect(starting.productionUrl(NODE)).toContain('/uipath-job-events');
	});

	it('a lost event costs at most the time-out: the next delivery the relay gets resumes the overdue wait with its job read once', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, { timeout: 1 })), 'trigger');
		await harness.activate();
		const lost = await harness.execute();
		const later = await harnessFor(workflow(startAndWait(PROCESSES.slow, { waitForCompletion: false })), 'trigger');
		const [other] = (await later.execute()).runs[0].json(NODE);
		const [job] = startedJobs(lost);

		// n8n is down when the job ends; with the sandbox clock sped up, the relay's circuit breaker closes within a millisecond.
		harness.unavailable = true;
		sandbox.state.jobs.timeScale = 3_600_000;
		await finish(harness, Number(job.Id));
		sandbox.state.jobs.timeScale = 1;
		harness.unavailable = false;
		expect(lost.status).toBe('waiting');
		expect(sandbox.state.webhookDeliveries.filter((delivery) => delivery.jobIds.includes(Number(job.Id))).map((delivery) => delivery.status)).toEqual([503]);
		// n8n's own timer comes only after a grace, so that a relay delivery can make the wait read its job first.
		expect(lost.waitTill!.getTime() - Date.parse(String(job.CreationTime))).toBeGreaterThanOrEqual(1_000 + 5 * 60_000 - 5_000);
		await new Promise((resolve) => setTimeout(resolve, 1_100));

		await finish(harness, Number(other.Id));

		expect(lost.status).toBe('success');
		expect(lost.runs[1].json(NODE)).toEqual([expect.objectContaining({ Id: job.Id, State: 'Successful' })]);
	});

	it('records of a wait that n8n\'s timer ended are removed by the relay\'s next delivery', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, { timeout: 1 })), 'trigger');
		await harness.activate();
		const ended = await harness.execute();
		const later = await harnessFor(workflow(startAndWait(PROCESSES.quick, { waitForCompletion: false })), 'trigger');
		const [other] = (await later.execute()).runs[0].json(NODE);
		await harness.fireTimer(ended.id);
		expect(ended.status).toBe('error');
		expect(subscriptions().filter((subscription) => !subscription.Enabled)).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 1_100));

		await finish(harness, Number(other.Id));

		expect(subscriptions().filter((subscription) => !subscription.Enabled)).toEqual([]);
		expect(harness.calls.filter((call) => call.path.endsWith(`/${ended.id}`)).map((call) => call.status)).toEqual([409]);
	});

	it('at the time-out a job still running fails the item, naming the job and the state read then', async () => {
		const harness = await harnessFor(workflow(startAndWait(PROCESSES.slow, { timeout: 1 })), 'trigger');
		await harness.activate();
		const overdue = await harness.execute();
		const later = await harnessFor(workflow(startAndWait(PROCESSES.quick, { waitForCompletion: false })), 'trigger');
		const [other] = (await later.execute()).runs[0].json(NODE);
		const [job] = startedJobs(overdue);
		await new Promise((resolve) => setTimeout(resolve, 1_100));

		await finish(harness, Number(other.Id));

		expect(overdue.status).toBe('error');
		expect(overdue.runs[1].error?.message).toMatch(new RegExp(`^Job ${String(job.Id)} \\(${PROCESSES.slow}\\) did not finish within 1 s; its last state was (Pending|Running)$`));
		expect(sandbox.state.store.jobs.get(Number(job.Id))?.State).not.toBe('Successful');
	});
});

describe('which nodes release the execution', () => {
	const node = (typeVersion: number, type = NODE_TYPE) => ({ type, typeVersion });
	// Dotted names as n8n's getNodeParameter resolves them; reading the whole Options collection throws, as it does at
	// activation when another option is an expression of `$json` (there is no input item then).
	const params = (values: IDataObject) => (name: string, fallback: unknown) => {
		if (name === 'options') throw new Error('an option is an expression of $json, which has no item at activation');
		const value = name.split('.').reduce<unknown>((parent, key) => (parent as IDataObject | undefined)?.[key], values);
		return value ?? fallback;
	};

	it('Wait Mode as set, else the version\'s default; never as an AI agent tool; only Job Start with Wait for Completion and Job Wait', () => {
		expect(releasesExecution({}, node(1.2))).toBe(true);
		expect(releasesExecution({}, node(1.1))).toBe(false);
		expect(releasesExecution({ waitMode: 'poll' }, node(1.2))).toBe(false);
		expect(releasesExecution({ waitMode: 'release' }, node(1.1))).toBe(true);
		expect(releasesExecution({ waitMode: 'release' }, node(1.2, `${NODE_TYPE}Tool`))).toBe(false);
		expect(waitsReleased(params({ options: { waitForCompletion: true } }), node(1.2))).toBe(true);
		expect(waitsReleased(params({}), node(1.2))).toBe(false);
		expect(waitsReleased(params({ operation: 'wait' }), node(1.2))).toBe(true);
		expect(waitsReleased(params({ operation: 'get' }), node(1.2))).toBe(false);
		expect(waitsReleased(params({ resource: 'queueItem', operation: 'wait' }), node(1.2))).toBe(false);
		expect(waitsReleased(params({ options: { waitForCompletion: true, waitMode: 'poll' } }), node(1.2))).toBe(false);
		expect(waitsReleased(params({ options: { waitForCompletion: true, waitMode: 'release' } }), node(1.1))).toBe(true);
	});
});
