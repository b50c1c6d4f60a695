import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { signWebhookBody } from '../../../sandbox';
import { completeTaskAsPerson } from '../../../sandbox/commands/completeTask';
import { FOLDERS } from '../../../sandbox/fixtures';
import { WebhookTriggerHarness } from '../../harness';
import { folderPath, NEXT, TRIGGER, triggerSandbox, type TriggerSandbox } from './fixtures';

/** The webhook trigger on Action Center events, fed by the sandbox's real deliveries. */
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
afterAll(async () => await env.sandbox.close());

async function webhookTrigger(parameters: INodeParameters) {
	const trigger = await WebhookTriggerHarness.start({ workflow: env.workflow('uiPathOrchestratorTrigger', parameters), triggerNode: TRIGGER, credentials: env.credentials });
	open.push(trigger);
	await trigger.activate();
	return trigger;
}

async function deliveriesDone(trigger: WebhookTriggerHarness) {
	await env.sandbox.state.webhooksIdle();
	await trigger.settled();
}

const createTask = (title: string, folder: string) =>
	env.orchestrator<{ id: number; key: string }>('POST', '/tasks/GenericTasks/CreateTask', { title, data: { InvoiceId: 'INV-5' }, externalTag: 'erp-5' }, folder);

describe('task events', () => {
	it('subscribes to task.created and task.completed and starts one run per event with the task, in UiPath\'s shape', async () => {
		const trigger = await webhookTrigger({ events: ['task.created', 'task.completed'], folder: folderPath(FOLDERS.invoices) });
		const [subscription] = [...env.sandbox.state.store.webhooks.values()].filter((webhook) => webhook.Url === trigger.url);
		expect(subscription.Events.map((event) => event.EventType).sort()).toEqual(['task.completed', 'task.created']);

		const task = await createTask('Approve INV-5', FOLDERS.invoices);
		await createTask('Elsewhere', FOLDERS.shared);
		await completeTaskAsPerson({ baseUrl: env.sandbox.url, taskId: task.id, action: 'approve', data: { Approved: true } });
		await deliveriesDone(trigger);

		// The task in Shared was delivered and ignored (other folder), answered 200 like every delivery.
		expect(trigger.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
		const events = trigger.runs.map((run) => run.json(NEXT));
		expect(events.map((items) => items.map((item) => item.Type))).toEqual([['task.created'], ['task.completed']]);
		const completed = events[1][0];
		expect(completed).toMatchObject({ EntityKey: task.key, OrganizationUnitId: env.sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id, UserId: 7 });
		expect(completed).not.toHaveProperty('Tasks');
		expect(completed.Task).toMatchObject({ Id: task.id, Key: task.key, Status: 'Completed', Action: 'approve', ExternalTag: 'erp-5', Title: 'Approve INV-5' });
		expect((events[0][0].Task as IDataObject).Status).toBe('Unassigned');
	});

	it('splits an event that carries several tasks into one item per task', async () => {
		const trigger = await webhookTrigger({ events: ['task.completed'] });
		const secret = String(trigger.staticData.secret);
		const body = JSON.stringify({
			Type: 'task.completed',
			EventId: 'tasks-2',
			Timestamp: new Date().toISOString(),
			Tasks: [
				{ Id: 1, Key: '3f0b6c5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', Status: 'Completed', Action: 'approve' },
				{ Id: 2, Key: '4f0b6c5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', Status: 'Completed', Action: 'reject' },
			],
			TenantId: 1,
			OrganizationUnitId: 1001,
		});
		const answer = await fetch(trigger.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-UiPath-Signature': signWebhookBody(secret, body) }, body });
		expect(answer.status).toBe(200);
		await trigger.settled();
		const items = trigger.runs[0].json(NEXT);
		expect(items.map((item) => [(item.Task as IDataObject).Id, (item.Task as IDataObject).Action, item.EventId])).toEqual([
			[1, 'approve', 'tasks-2'],
			[2, 'reject', 'tasks-2'],
		]);
	});
});
