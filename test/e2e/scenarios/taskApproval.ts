import { randomUUID } from 'crypto';

import { completeTaskAsPerson } from '../../../sandbox/commands/completeTask';
import { FOLDERS, TASK_CATALOGS } from '../../../sandbox/fixtures';
import type { E2eContext } from '../context';
import { poll } from '../http';
import { ORCHESTRATOR_NODE, TRIGGER_NODE } from '../loadedTypes';
import { expect } from '../report';
import { callWebhook, createActiveWorkflow, executionsOf, loadWorkflowTemplate, nodeOutput, useCredential, type ExecutionSummary } from '../workflows';

/** How soon after the person's submit the waiting execution must have ended (issue 20). */
const RESUME_BUDGET_MS = 5000;

/** One execution of the workflow with this status, read from n8n's public API (its database). */
async function executionWith(context: E2eContext, workflowId: string, status: string, timeoutMs: number): Promise<ExecutionSummary> {
	return await poll(`an execution of workflow ${workflowId} with status ${status}`, async () => (await executionsOf(context.client, workflowId)).find((entry) => entry.status === status), {
		timeoutMs,
		intervalMs: 100,
	});
}

/** For a failure message: the executions' statuses and where the sandbox delivered task.completed, with n8n's answers. */
async function whatHappened(context: E2eContext, workflowId: string): Promise<string> {
	const executions = (await executionsOf(context.client, workflowId)).map((entry) => `${entry.id}:${entry.status}`).join(', ');
	const deliveries = context.sandbox.state.webhookDeliveries
		.filter((delivery) => delivery.type === 'task.completed')
		.map((delivery) => `${new URL(delivery.url).pathname} → ${String(delivery.status ?? delivery.error ?? 'skipped')}`)
		.join(', ');
	const subscriptions = [...context.sandbox.state.store.webhooks.values()].map((webhook) => `${webhook.Name} (${webhook.Enabled ? 'enabled' : 'disabled'})`).join(', ');
	return `executions ${executions}; task.completed deliveries: ${deliveries || 'none'}; subscriptions: ${subscriptions || 'none'}`;
}

/**
 * Scenario 6: an approval. A webhook starts a workflow whose Task → Create waits for the person (Wait for
 * Completion): the execution is `waiting` in n8n's database. The task is completed in the sandbox as a person
 * would (the code of `npm run sandbox -- complete-task`); the execution ends within 5 s with the task's data and
 * action, and a second workflow's trigger got exactly one task.completed item.
 */
export async function taskApproval(context: E2eContext): Promise<string> {
	const { client, sandbox, oauth2Credential: credential } = context;
	expect(credential, 'needs the credential of scenario 1');
	const values = { AUTH_LABEL: credential.type, CREDENTIAL_TYPE: credential.type, FOLDER_PATH: FOLDERS.invoices };
	const trigger = await loadWorkflowTemplate('taskCompletedTrigger.json', { ...values, WEBHOOK_ID: randomUUID() });
	const triggerId = await createActiveWorkflow(client, useCredential(trigger, TRIGGER_NODE, credential));
	const path = `approve-${randomUUID().slice(0, 8)}`;
	const approval = await loadWorkflowTemplate('taskApproval.json', { ...values, WEBHOOK_ID: randomUUID(), WAIT_WEBHOOK_ID: randomUUID(), WEBHOOK_PATH: path, CATALOG: TASK_CATALOGS.approvals.name });
	const approvalId = await createActiveWorkflow(client, useCredential(approval, ORCHESTRATOR_NODE, credential));

	const invoice = `INV-${randomUUID().slice(0, 6)}`;
	const answer = await callWebhook(client, path, { invoice, amount: 1200 });
	expect(answer.status === 200, `the webhook answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
	const waiting = await executionWith(context, approvalId, 'waiting', 30_000);
	const task = [...sandbox.state.store.tasks.values()].find((entry) => entry.ExternalTag === invoice);
	expect(task, `no task in the sandbox carries the external tag ${invoice}`);
	expect(task.Status === 'Unassigned' && task.TaskCatalogName === TASK_CATALOGS.approvals.name, `the task is ${task.Status} in catalog ${String(task.TaskCatalogName)}`);

	const submitted = Date.now();
	await completeTaskAsPerson({ baseUrl: sandbox.url, taskId: task.Id, action: 'approve', data: { InvoiceId: invoice, Amount: 1200, Comment: 'ok' } });
	const done = await executionWith(context, approvalId, 'success', 30_000).catch(async (error: unknown) => {
		throw new Error(`${(error as Error).message}; ${await whatHappened(context, approvalId)}`);
	});
	const resumedAfterMs = Date.now() - submitted;
	expect(resumedAfterMs <= RESUME_BUDGET_MS, `the execution ended ${resumedAfterMs} ms after the submit, more than ${RESUME_BUDGET_MS} ms`);
	expect(done.id === waiting.id, `execution ${done.id} succeeded, not the waiting ${waiting.id}`);
	const output = nodeOutput(done, 'Book the invoice') as { Id?: number; Status?: string; Action?: string; Data?: Record<string, unknown> } | undefined;
	expect(output?.Id === task.Id && output.Status === 'Completed' && output.Action === 'approve', `the execution ended with ${JSON.stringify(output)?.slice(0, 300)}`);
	expect(output.Data?.Comment === 'ok', `the task's data did not arrive: ${JSON.stringify(output.Data)}`);

	await sandbox.state.webhooksIdle();
	const triggered = await executionWith(context, triggerId, 'success', 15_000);
	const items = triggered.data?.resultData?.runData?.['Task completed']?.[0]?.data?.main?.[0] ?? [];
	const executions = await executionsOf(client, triggerId);
	expect(executions.length === 1 && items.length === 1, `the trigger workflow ran ${executions.length} times with ${items.length} items, expected 1 and 1`);
	const event = items[0].json as { Type?: string; Task?: { Id?: number; Action?: string } };
	expect(event.Type === 'task.completed' && event.Task?.Id === task.Id && event.Task.Action === 'approve', `the trigger got ${JSON.stringify(event).slice(0, 300)}`);
	return `execution ${waiting.id} waiting in n8n's database; task ${task.Id} approved in the sandbox → execution succeeded ${resumedAfterMs} ms later with the task's data and action; trigger workflow: 1 task.completed item`;
}
