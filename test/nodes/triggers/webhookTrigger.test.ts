import { createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { signWebhookBody } from '../../../sandbox';
import { FOLDERS, PACKAGES, PROCESSES, QUEUE } from '../../../sandbox/fixtures';
import { addQueueItem as addStoredQueueItem } from '../../../sandbox/orchestrator/store/seed';
import { credentialsOf, PACKAGE_NAME, runWorkflow, WebhookTriggerHarness } from '../../harness';
import { folderPath, NEXT, TRIGGER, triggerSandbox, type TriggerSandbox } from './fixtures';

let env: TriggerSandbox;
const open: WebhookTriggerHarness[] = [];

beforeAll(async () => {
	env = await triggerSandbox();
});

afterEach(async () => {
	for (const trigger of open.splice(0)) {
		await trigger.deactivate();
		await trigger.close();
	}
});

afterAll(async () => {
	await env.sandbox.close();
});

async function webhookTrigger(parameters: INodeParameters, mode: 'trigger' | 'manual' = 'trigger') {
	const trigger = await WebhookTriggerHarness.start({
		workflow: env.workflow('uiPathOrchestratorTrigger', parameters),
		triggerNode: TRIGGER,
		credentials: env.credentials,
		mode,
	});
	open.push(trigger);
	return trigger;
}

const subscriptionsTo = (url: string) => [...env.sandbox.state.store.webhooks.values()].filter((webhook) => webhook.Url === url);

/** Waits until the sandbox has sent every delivery and the trigger has answered them and finished its runs. */
async function deliveriesDone(trigger: WebhookTriggerHarness) {
	await env.sandbox.state.webhooksIdle();
	await trigger.settled();
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
	return { status: response.status, body: await response.text() };
}

describe('subscription lifecycle', () => {
	it('creates one subscription with a fresh secret, keeps it on re-activation and deletes it on deactivation', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed', 'job.faulted'] });
		expect(await trigger.activate()).toBe(true);
		const [created, ...others] = subscriptionsTo(trigger.url);
		expect(others).toHaveLength(0);
		expect(created).toMatchObject({ Enabled: true, SubscribeToAllEvents: false, Secret: trigger.staticData.secret, Id: trigger.staticData.webhookId });
		expect(created.Events.map((event) => event.EventType).sort()).toEqual(['job.completed', 'job.faulted']);
		expect(trigger.staticData.secret).toMatch(/^[0-9a-f]{64}$/);

		// n8n restarts and activates again: checkExists finds the subscription, nothing new is created.
		expect(await trigger.activate()).toBe(false);
		expect(subscriptionsTo(trigger.url).map((webhook) => webhook.Id)).toEqual([created.Id]);

		expect(await trigger.deactivate()).toBe(true);
		expect(subscriptionsTo(trigger.url)).toHaveLength(0);
		expect(trigger.staticData).toEqual({});

		expect(await trigger.activate()).toBe(true);
		const [again] = subscriptionsTo(trigger.url);
		expect(again.Id).not.toBe(created.Id);
		expect(trigger.staticData.secret).not.toBe(created.Secret);
	});

	it('leaves exactly one subscription when an earlier one to the same URL was orphaned', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'] });
		// A subscription whose secret n8n no longer knows: a lost POST answer, or static data that was reset.
		await env.orchestrator('POST', '/odata/Webhooks', {
			Name: 'orphan',
			Url: trigger.url,
			Enabled: true,
			SubscribeToAllEvents: false,
			Events: [{ EventType: 'job.completed' }],
			Secret: 'x'.repeat(40),
		});
		expect(subscriptionsTo(trigger.url)).toHaveLength(1);
		expect(await trigger.activate()).toBe(true);
		const remaining = subscriptionsTo(trigger.url);
		expect(remaining).toHaveLength(1);
		expect(remaining[0].Secret).toBe(trigger.staticData.secret);

		expect(await trigger.activate()).toBe(false);
		expect(subscriptionsTo(trigger.url)).toHaveLength(1);
	});

	it('replaces the subscription when the selected events change', async () => {
		const json = env.workflow('uiPathOrchestratorTrigger', { events: ['job.completed'] });
		const trigger = await WebhookTriggerHarness.start({ workflow: json, triggerNode: TRIGGER, credentials: env.credentials });
		open.push(trigger);
		await trigger.activate();
		const [before] = subscriptionsTo(trigger.url);

		trigger.edit({
			...json,
			nodes: json.nodes.map((node) => (node.name === TRIGGER ? { ...node, parameters: { ...node.parameters, events: ['job.faulted'] } } : node)),
		});
		expect(await trigger.activate()).toBe(true);
		const after = subscriptionsTo(trigger.url);
		expect(after).toHaveLength(1);
		expect(after[0].Id).not.toBe(before.Id);
		expect(after[0].Events).toEqual([{ EventType: 'job.faulted' }]);
	});

	it('subscribes the test URL when the editor listens for a test event', async () => {
		const trigger = await webhookTrigger({ events: ['job.started'] }, 'manual');
		expect(trigger.url).toContain('/webhook-test/');
		await trigger.activate();
		expect(subscriptionsTo(trigger.url)).toHaveLength(1);
	});

	it('names a folder path that does not exist', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'], folder: folderPath('Nowhere/Else') });
		await expect(trigger.activate()).rejects.toThrow('Folder (folder) "Nowhere/Else" does not exist in Orchestrator');
		expect(subscriptionsTo(trigger.url)).toHaveLength(0);
	});
});

describe('deliveries', () => {
	it('starts one execution with the finished job, shaped as the action node outputs it', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed', 'job.faulted', 'job.stopped'] });
		await trigger.activate();
		const [job] = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'INV-42', Amount: 7 });
		env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);

		expect(trigger.runs).toHaveLength(1);
		expect(trigger.deliveries.map((delivery) => [delivery.status, delivery.started])).toEqual([[200, true]]);
		const [event] = trigger.runs[0].json(NEXT);
		expect(event).toMatchObject({ Type: 'job.completed', EntityKey: job.Key, OrganizationUnitId: expect.any(Number) });
		const delivered = event.Job as IDataObject;
		expect(delivered).toMatchObject({ Id: job.Id, Key: job.Key, State: 'Successful', OutputArguments: { InvoiceId: 'INV-42', Amount: 7, Total: 7 } });

		// The action node's Job > Get for the same job: same fields, same parsed arguments.
		const get = await runWorkflow({
			workflow: {
				nodes: [
					{
						id: 'get',
						name: 'Get',
						type: `${PACKAGE_NAME}.uiPathOrchestrator`,
						typeVersion: 1,
						position: [0, 0],
						parameters: { authentication: 'uiPathApi', resource: 'job', operation: 'get', folder: folderPath(FOLDERS.shared), jobId: String(job.Id) },
						credentials: credentialsOf(env.credentials.get('1')),
					},
				],
				connections: {},
			},
			credentials: env.credentials,
		});
		const [fromNode] = get.json('Get');
		for (const field of ['Id', 'Key', 'State', 'Info', 'OutputArguments', 'StartTime', 'EndTime']) {
			expect(delivered[field]).toEqual(fromNode[field]);
		}
		// UiPath's SimpleJobEventDto names the process in Release and the folder in the envelope, and has no InputArguments.
		expect((delivered.Release as IDataObject).Name).toBe(fromNode.ReleaseName);
		expect(event.OrganizationUnitId).toBe(fromNode.OrganizationUnitId);
		expect(delivered).not.toHaveProperty('InputArguments');
		expect(typeof delivered.OutputArguments).toBe('object');
	});

	it('refuses unsigned and forged deliveries with 401 and starts nothing', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'] });
		await trigger.activate();
		const secret = String(trigger.staticData.secret);
		const body = JSON.stringify({ Type: 'job.completed', EventId: 'e1', Timestamp: new Date().toISOString(), Job: { Id: 1, Key: 'k', State: 'Successful' }, OrganizationUnitId: 1 });
		const signed = signWebhookBody(secret, body);
		const answers = [
			await post(trigger.url, body),
			await post(trigger.url, body, { 'X-UiPath-Signature': signWebhookBody('not the secret', body) }),
			await post(trigger.url, body.replace('Successful', 'Faulted'), { 'X-UiPath-Signature': signed }),
			await post(trigger.url, body, { 'X-UiPath-Signature': createHmac('sha256', secret).update(body).digest('hex') }),
			await post(trigger.url, body, { 'X-UiPath-Signature': `${signed.slice(0, -2)}AA` }),
		];
		await trigger.settled();
		expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
		expect(JSON.parse(answers[0].body)).toEqual({ message: 'Missing or invalid X-UiPath-Signature' });
		expect(trigger.runs).toHaveLength(0);
		expect(trigger.deliveries.every((delivery) => !delivery.started)).toBe(true);

		// The same body correctly signed is accepted, so the refusals above were about the signature alone.
		expect((await post(trigger.url, body, { 'X-UiPath-Signature': signed })).status).toBe(200);
		await trigger.settled();
		expect(trigger.runs).toHaveLength(1);
	});

	it('answers a deactivated trigger\'s deliveries with 401: the secret is gone', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'] });
		await trigger.activate();
		const secret = String(trigger.staticData.secret);
		await trigger.deactivate();
		const body = JSON.stringify({ Type: 'job.completed', EventId: 'e2', Job: { Id: 2 } });
		expect((await post(trigger.url, body, { 'X-UiPath-Signature': signWebhookBody(secret, body) })).status).toBe(401);
		expect(trigger.runs).toHaveLength(0);
	});

	it('filters by folder and process, and ignores pings', async () => {
		const trigger = await webhookTrigger({
			events: ['job.completed', 'job.faulted'],
			folder: folderPath(FOLDERS.invoices),
			processName: PROCESSES.quick.toUpperCase(),
		});
		await trigger.activate();
		const inShared = await env.startJobs(1, PROCESSES.quick, undefined, FOLDERS.shared);
		const faulting = await env.startJobs(1, PROCESSES.faulting, undefined, FOLDERS.shared);
		const inInvoices = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'F-1' }, FOLDERS.invoices);
		for (const job of [...inShared, ...faulting, ...inInvoices]) env.sandbox.state.jobs.finish(job.Id);
		await env.orchestrator('POST', `/odata/Webhooks(${String(trigger.staticData.webhookId)})/UiPath.Server.Configuration.OData.Ping`, {});
		await deliveriesDone(trigger);

		expect(trigger.deliveries).toHaveLength(4);
		expect(trigger.deliveries.every((delivery) => delivery.status === 200)).toBe(true);
		expect(trigger.runs).toHaveLength(1);
		const [event] = trigger.runs[0].json(NEXT);
		expect(event.OrganizationUnitId).toBe(env.sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id);
		expect(event.Job).toMatchObject({ Id: inInvoices[0].Id, Release: { Name: PROCESSES.quick } });
		// Every ignored delivery was answered 200, so Orchestrator's circuit breaker never opened.
		expect(env.sandbox.state.webhooks.isBreakerOpen(Number(trigger.staticData.webhookId))).toBe(false);
	});

	it('matches Process Name against the package name (Release.ProcessKey) too', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'], processName: PACKAGES.quick.id.toLowerCase() });
		await trigger.activate();
		const jobs = [...(await env.startJobs(1, PROCESSES.quick)), ...(await env.startJobs(1, PROCESSES.slow))];
		for (const job of jobs) env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);
		expect(trigger.runs.map((run) => (run.json(NEXT)[0].Job as IDataObject).Id)).toEqual([jobs[0].Id]);
	});

	it('starts a run for each selected queue item event', async () => {
		const trigger = await webhookTrigger({ events: ['queueItem.added', 'queueItem.transactionFailed'] });
		await trigger.activate();
		const item = await env.addQueueItem({ InvoiceId: 'Q-9' }, `q-${Date.now()}`);
		env.sandbox.state.processQueueItem(item.Id, { status: 'Failed', reason: 'ERP down' });
		await deliveriesDone(trigger);

		const events = trigger.runs.map((run) => run.json(NEXT)[0]).sort((a, b) => String(a.Type).localeCompare(String(b.Type)));
		expect(events.map((event) => event.Type)).toEqual(['queueItem.added', 'queueItem.transactionFailed']);
		expect(events[0].QueueItem).toMatchObject({ Id: item.Id, SpecificContent: { InvoiceId: 'Q-9' } });
		expect(events[1].QueueItem).toMatchObject({ Id: item.Id, Status: 'Failed', ProcessingException: { Reason: 'ERP down' } });
	});
});

describe('events that carry several jobs or queue items', () => {
	const ENVELOPE = { Type: expect.any(String), EventId: expect.any(String), Timestamp: expect.any(String), TenantId: expect.any(Number), OrganizationUnitId: expect.any(Number) };

	it('gives one item per job for a StopJobs of three jobs (one job.stopped delivery)', async () => {
		const trigger = await webhookTrigger({ events: ['job.stopped'] });
		await trigger.activate();
		const jobs = await env.startJobs(3, PROCESSES.slow);
		await env.orchestrator('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StopJobs', { jobIds: jobs.map((job) => job.Id), strategy: 'Kill' });
		for (const job of jobs) env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);

		expect(trigger.deliveries).toHaveLength(1);
		expect(trigger.runs).toHaveLength(1);
		const items = trigger.runs[0].json(NEXT);
		expect(items.map((item) => (item.Job as IDataObject).Id).sort()).toEqual(jobs.map((job) => job.Id).sort());
		const eventIds = new Set(items.map((item) => item.EventId));
		expect(eventIds.size).toBe(1);
		for (const item of items) {
			expect(item).toMatchObject({ ...ENVELOPE, Type: 'job.stopped', Job: { State: 'Stopped', Release: { Name: PROCESSES.slow } } });
			expect(item).not.toHaveProperty('Jobs');
		}
	});

	it('keeps only the jobs of the chosen process from a job.stopped', async () => {
		const trigger = await webhookTrigger({ events: ['job.stopped'], processName: PROCESSES.slow });
		await trigger.activate();
		const slow = await env.startJobs(1, PROCESSES.slow);
		const quick = await env.startJobs(1, PROCESSES.quick);
		await env.orchestrator('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StopJobs', { jobIds: [slow[0].Id, quick[0].Id], strategy: 'Kill' });
		for (const job of [...slow, ...quick]) env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);
		expect(trigger.runs.map((run) => run.json(NEXT).map((item) => (item.Job as IDataObject).Id))).toEqual([[slow[0].Id]]);
	});

	it('gives one item per queue item for a queueItem.added of two items (a bulk add)', async () => {
		const trigger = await webhookTrigger({ events: ['queueItem.added'] });
		await trigger.activate();
		const { store, webhooks } = env.sandbox.state;
		const folder = store.folderByPath(FOLDERS.shared);
		const queue = folder && store.queueByName(folder.Id, QUEUE);
		if (!queue) throw new Error(`the sandbox has no ${QUEUE} queue`);
		const items = ['B-1', 'B-2'].map((Reference) => addStoredQueueItem(store, queue.Id, { Reference, SpecificContent: { Reference }, CreationTime: new Date().toISOString() }));
		webhooks.queueItemsAdded(store, queue, items);
		await deliveriesDone(trigger);

		expect(trigger.runs).toHaveLength(1);
		const output = trigger.runs[0].json(NEXT);
		expect(output.map((item) => (item.QueueItem as IDataObject).Reference)).toEqual(['B-1', 'B-2']);
		for (const item of output) {
			expect(item).toMatchObject({ ...ENVELOPE, Type: 'queueItem.added', Queue: { Name: QUEUE }, QueueItem: { Status: 'New' } });
			expect(item).not.toHaveProperty('QueueItems');
		}
	});
});

describe('signed deliveries it does not run are answered 200', () => {
	it('ignores unknown event types and shapes, so the subscription is never disabled by its own answers', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed', 'queueItem.added'] });
		await trigger.activate();
		const secret = String(trigger.staticData.secret);
		const now = new Date().toISOString();
		const bodies = [
			JSON.stringify({ Type: 'job.exploded', EventId: 'u1', Timestamp: now }),
			JSON.stringify({ Type: 'job.completed', EventId: 'u2', Timestamp: now }),
			JSON.stringify({ Type: 'job.completed', EventId: 'u3', Timestamp: now, Job: 'not an object' }),
			JSON.stringify({ Type: 'queueItem.added', EventId: 'u4', Timestamp: now, QueueItems: [] }),
			JSON.stringify({ Type: 'job.completed', Timestamp: now, Job: { Id: 1 } }),
			JSON.stringify({ Type: 'job.completed', EventId: 'u6', Job: { Id: 1 } }),
			JSON.stringify([{ Type: 'job.completed' }]),
			'not json at all',
		];
		const answers = [];
		for (const body of bodies) answers.push(await post(trigger.url, body, { 'X-UiPath-Signature': signWebhookBody(secret, body) }));
		await trigger.settled();
		expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 200));
		expect(answers.map((answer) => (JSON.parse(answer.body) as { message: string }).message)).toEqual(bodies.map(() => expect.stringMatching(/^Event ignored: /)));
		expect(trigger.runs).toHaveLength(0);
	});
});


describe('a completed job whose output Orchestrator kept as an attachment', () => {
	afterEach(() => {
		env.sandbox.state.attachments.outputFileAbove = 10_000;
	});

	it('gives the parsed OutputArguments: the job is read once for its OutputFile, and the file once', async () => {
		env.sandbox.state.attachments.outputFileAbove = 10;
		const trigger = await webhookTrigger({ events: ['job.completed'] });
		await trigger.activate();
		const [job] = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'INV-FILE' });
		const from = env.sandbox.state.requests.length;
		env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);
		expect(trigger.runs).toHaveLength(1);
		const [event] = trigger.runs[0].json(NEXT);
		expect(event.Job).toMatchObject({ Id: job.Id, OutputArguments: { InvoiceId: 'INV-FILE', Total: 0 } });
		expect(event).not.toHaveProperty('OutputFileError');
		const reads = env.sandbox.state.requests.slice(from).filter((request) => /\/odata\/(Jobs\(|Attachments)/.test(request.path));
		expect(reads.map((request) => request.path.replace(/^.*\/odata/, '/odata').replace(/\(.*\)/, '(…)'))).toEqual(['/odata/Jobs(…)', '/odata/Attachments(…)']);
	});

	it('still starts the workflow when the file cannot be read, saying why in OutputFileError', async () => {
		env.sandbox.state.attachments.outputFileAbove = 10;
		env.sandbox.state.faults = [{ method: 'GET', path: '/odata/Attachments', status5xxRate: 1, status5xx: 500 }];
		try {
			const trigger = await webhookTrigger({ events: ['job.completed'] });
			await trigger.activate();
			const [job] = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'INV-UNREADABLE' });
			env.sandbox.state.jobs.finish(job.Id);
			await deliveriesDone(trigger);
			expect(trigger.runs).toHaveLength(1);
			const [event] = trigger.runs[0].json(NEXT);
			expect((event.Job as IDataObject).OutputArguments ?? null).toBeNull();
			expect(String(event.OutputFileError)).toMatch(/500/);
		} finally {
			env.sandbox.state.faults = [];
		}
	});

	it('reads nothing for a job whose output arrived inline', async () => {
		const trigger = await webhookTrigger({ events: ['job.completed'] });
		await trigger.activate();
		const [job] = await env.startJobs(1, PROCESSES.quick, { InvoiceId: 'INV-INLINE' });
		const from = env.sandbox.state.requests.length;
		env.sandbox.state.jobs.finish(job.Id);
		await deliveriesDone(trigger);
		expect(trigger.runs[0].json(NEXT)[0].Job).toMatchObject({ OutputArguments: { InvoiceId: 'INV-INLINE', Total: 0 } });
		expect(env.sandbox.state.requests.slice(from).filter((request) => /\/odata\/(Jobs\(|Attachments)/.test(request.path))).toEqual([]);
	});
});
