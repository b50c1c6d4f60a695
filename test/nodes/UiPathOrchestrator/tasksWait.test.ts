/**
 * Task → Create with Wait for Completion: the execution parks in (the harness's mirror of) n8n's database and
 * resumes through n8n-core's real WorkflowExecute when the sandbox sends task.completed over HTTP, or by its timer.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CredentialStore, credentialsOf, manualWorkflow, type WorkflowJson } from '../../harness';
import { WaitingExecutionHarness } from '../../harness/waiting';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { completeTaskAsPerson } from '../../../sandbox/commands/completeTask';
import { FOLDERS } from '../../../sandbox/fixtures';
import { CREDENTIAL_ID, credentialFor, locator, NODE_TYPE } from './sandboxSuite';

const NODE = 'UiPath';
const INVOICES = locator('path', FOLDERS.invoices);

let sandbox: Sandbox;
let store: CredentialStore;
const harnesses: WaitingExecutionHarness[] = [];

beforeAll(async () => {
	sandbox = await startSandbox();
	store = new CredentialStore([await credentialFor(sandbox, 'personalAccessToken')]);
});
afterEach(async () => {
	await sandbox.state.webhooksIdle();
	for (const harness of harnesses.splice(0)) await harness.close();
	for (const webhook of [...sandbox.state.store.webhooks.values()]) sandbox.state.store.webhooks.delete(webhook.Id);
});
afterAll(async () => await sandbox.close());

function workflow(parameters: INodeParameters): WorkflowJson {
	const credential = store.get(CREDENTIAL_ID);
	return manualWorkflow({
		name: NODE,
		type: NODE_TYPE,
		typeVersion: 1.2,
		webhookId: 'c0ffee00-0000-4000-8000-000000000020',
		parameters: { authentication: credential.type, ...parameters },
		credentials: credentialsOf(credential),
	});
}

const createAndWait = (options: IDataObject = {}): INodeParameters => ({
	resource: 'task',
	operation: 'create',
	folder: INVOICES,
	title: '={{ "Approve " + ($json.invoice ?? "INV-20") }}',
	data: '={{ JSON.stringify({ InvoiceId: $json.invoice ?? "INV-20", Amount: 1200 }) }}',
	options: { waitForCompletion: true, ...options },
});

async function harnessFor(json: WorkflowJson, mode: 'manual' | 'trigger' = 'manual'): Promise<WaitingExecutionHarness> {
	const harness = await WaitingExecutionHarness.start({ workflow: json, credentials: store, mode });
	harnesses.push(harness);
	return harness;
}

const subscriptions = () => [...sandbox.state.store.webhooks.values()];

/** Completes the task as a person would (sign-in, take, complete) and lets every delivery and resumed run finish. */
async function approve(harness: WaitingExecutionHarness, id: number, action = 'approve', data?: IDataObject) {
	await completeTaskAsPerson({ baseUrl: sandbox.url, taskId: id, action, data });
	await sandbox.state.webhooksIdle();
	await harness.settled();
}

describe('Task Create with Wait for Completion', () => {
	it('parks after creating the task and resumes on task.completed with the task, its data and the action', async () => {
		const harness = await harnessFor(workflow(createAndWait()));
		const before = Date.now();
		const execution = await harness.execute();

		expect(execution.status).toBe('waiting');
		// The default time-out: 7 days, during which nothing of n8n is held.
		expect(execution.waitTill?.getTime()).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
		const [parked] = execution.runs[0].json(NODE);
		expect(parked).toMatchObject({ Status: 'Unassigned', Title: 'Approve INV-20', Data: { InvoiceId: 'INV-20', Amount: 1200 } });
		const [subscription] = subscriptions();
		expect(subscription).toMatchObject({ Enabled: true, Events: [{ EventType: 'task.completed' }] });
		expect(subscription.Url).toBe(`${harness.urls.webhookWaitingBaseUrl}/${execution.id}?signature=${execution.data.resumeToken}`);

		await approve(harness, Number(parked.Id), 'approve', { InvoiceId: 'INV-20', Amount: 1200, Approved: true });

		expect(execution.status).toBe('success');
		const [done] = execution.runs[1].items(NODE);
		expect(done.pairedItem).toEqual({ item: 0 });
		expect(done.json).toMatchObject({ Id: parked.Id, Status: 'Completed', Action: 'approve', Data: { Approved: true }, AssignedToUserId: 7 });
		expect(subscriptions()).toEqual([]);
	});

	it('ignores (200) the completion of another task and stays waiting; an unsigned resume call is refused', async () => {
		const harness = await harnessFor(workflow(createAndWait()));
		const execution = await harness.execute();
		const other = await fetch(`${sandbox.state.credentials.orchestratorUrl}/tasks/GenericTasks/CreateTask`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sandbox.state.credentials.personalAccessToken}`, 'Content-Type': 'application/json', 'X-UIPATH-FolderPath': FOLDERS.invoices },
			body: JSON.stringify({ title: 'Someone else\'s' }),
		});
		const foreign = (await other.json()) as { id: number };

		await approve(harness, foreign.id);

		const delivered = harness.calls.filter((call) => call.path.endsWith(`/${execution.id}`));
		expect(delivered).toHaveLength(1);
		expect(delivered[0]).toMatchObject({ status: 200, resumed: false });
		expect(JSON.parse(delivered[0].answer)).toMatchObject({ message: 'Not a task this execution waits for' });
		expect(execution.status).toBe('waiting');
		const unsigned = await fetch(`${harness.urls.webhookWaitingBaseUrl}/${execution.id}?signature=${execution.data.resumeToken}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ Type: 'task.completed', Tasks: [{ Id: execution.runs[0].json(NODE)[0].Id }] }),
		});
		expect(unsigned.status).toBe(401);
		await harness.settled();
		expect(execution.status).toBe('waiting');
	});

	it('two items wait for their two tasks and resume once both are completed, paired to their items', async () => {
		const harness = await harnessFor(workflow(createAndWait()));
		const execution = await harness.execute([{ invoice: 'INV-A' }, { invoice: 'INV-B' }], NODE);
		const tasks = execution.runs[0].json(NODE);
		expect(tasks.map((task) => task.Title)).toEqual(['Approve INV-A', 'Approve INV-B']);
		await approve(harness, Number(tasks[1].Id), 'reject');
		expect(execution.status).toBe('waiting');
		await approve(harness, Number(tasks[0].Id), 'approve');
		expect(execution.status).toBe('success');
		expect(execution.runs[1].items(NODE).map((item) => [item.json.Id, item.json.Action, item.pairedItem])).toEqual([
			[tasks[0].Id, 'approve', { item: 0 }],
			[tasks[1].Id, 'reject', { item: 1 }],
		]);
	});

	it('resumed by its timer (the event was lost), fails naming the task and the status it was parked with', async () => {
		const harness = await harnessFor(workflow(createAndWait({ timeout: 60 })));
		const execution = await harness.execute();
		const [parked] = execution.runs[0].json(NODE);
		for (const subscription of subscriptions()) subscription.Url = 'http://127.0.0.1:9/unreachable';
		await approve(harness, Number(parked.Id));
		expect(execution.status).toBe('waiting');

		await harness.fireTimer(execution.id);

		expect(execution.status).toBe('error');
		expect(execution.runs[1].error?.message).toBe(`Task ${String(parked.Id)} (Approve INV-20) (last state Unassigned) did not report an end within 60 s`);
	});

	it('in an active workflow, one relay subscription for task.completed routes the event to the waiting execution', async () => {
		// An option that is an expression of the input: activation has no input, so it must not be evaluated then.
		const harness = await harnessFor(workflow(createAndWait({ externalTag: '={{ $json.body.invoice }}' })), 'trigger');
		await harness.activate();
		const [relay] = subscriptions();
		expect(relay).toMatchObject({ Enabled: true, Events: [{ EventType: 'task.completed' }], Url: harness.productionUrl(NODE) });
		const execution = await harness.execute();
		expect(execution.status).toBe('waiting');
		// The wait's own record is disabled: UiPath delivers only to the relay, which passes the event on.
		expect(subscriptions().filter((subscription) => subscription.Id !== relay.Id)).toEqual([expect.objectContaining({ Enabled: false })]);
		await approve(harness, Number(execution.runs[0].json(NODE)[0].Id));
		expect(execution.status).toBe('success');
		expect(execution.runs[1].json(NODE)[0]).toMatchObject({ Status: 'Completed', Action: 'approve' });
		expect(subscriptions().map((subscription) => subscription.Id)).toEqual([relay.Id]);
		await harness.deactivate();
		expect(subscriptions()).toEqual([]);
	});

	it('without Wait for Completion, create outputs at once and subscribes nothing', async () => {
		const harness = await harnessFor(workflow(createAndWait({ waitForCompletion: false })));
		const execution = await harness.execute();
		expect(execution.status).toBe('success');
		expect(execution.runs[0].json(NODE)[0]).toMatchObject({ status: 'Unassigned', title: 'Approve INV-20' });
		expect(subscriptions()).toEqual([]);
	});
});
