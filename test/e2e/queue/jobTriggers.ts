import { randomUUID } from 'crypto';

import { FOLDERS, PROCESSES } from '../../../sandbox/fixtures';
import { poll } from '../http';
import { PACKAGE_NODE_PREFIX, TRIGGER_NODE } from '../loadedTypes';
import { expect } from '../report';
import { startJobsOutsideN8n } from '../scenarios/jobTrigger';
import { createActiveWorkflow, loadWorkflowTemplate, useCredential, type CredentialRef } from '../workflows';
import { executionStatuses } from './executions';
import type { QueueRun } from './webhookLoad';

export const TRIGGER_JOBS = 50;
const POLLING_TRIGGER_NODE = `${PACKAGE_NODE_PREFIX}uiPathOrchestratorPollingTrigger`;
/** The trigger jobs run here; the load scenarios start theirs in Shared, which both triggers filter out. */
const TRIGGER_FOLDER = FOLDERS.invoices;

export interface ActiveTriggers {
	webhookWorkflowId: string;
	pollingWorkflowId: string;
	jobIds: number[];
}

/**
 * Publishes a workflow with each trigger (watching Invoice Echo in Finance/Invoices), then starts
 * TRIGGER_JOBS jobs there outside n8n. The checks come later (`checkJobTriggers`): the polling trigger polls
 * once a minute at the shortest, so its poll happens while the load scenarios run.
 */
export async function activateJobTriggers(run: QueueRun, credential: CredentialRef): Promise<ActiveTriggers> {
	const { context } = run;
	const values = { AUTH_LABEL: `queue mode, ${credential.type}`, CREDENTIAL_TYPE: credential.type, FOLDER_PATH: TRIGGER_FOLDER, PROCESS_NAME: PROCESSES.quick };
	const webhookId = randomUUID();
	const webhookTemplate = await loadWorkflowTemplate('job-finished-trigger.json', { ...values, WEBHOOK_ID: webhookId });
	const webhookWorkflowId = await createActiveWorkflow(context.client, useCredential(webhookTemplate, TRIGGER_NODE, credential));
	const pollingTemplate = await loadWorkflowTemplate('job-finished-polling-trigger.json', values);
	const pollingWorkflowId = await createActiveWorkflow(context.client, useCredential(pollingTemplate, POLLING_TRIGGER_NODE, credential));
	const deliveryUrl = `${run.cluster.main.baseUrl}/webhook/${webhookId}/webhook`;
	await poll(
		`an Orchestrator webhook subscription for ${deliveryUrl}`,
		async () => [...context.sandbox.state.store.webhooks.values()].find((webhook) => webhook.Url === deliveryUrl),
		{ timeoutMs: 15_000, intervalMs: 200 },
	);
	// Activation ran the first poll, which set the cursor: only jobs finishing from now on count.
	const jobIds = await startJobsOutsideN8n(context, { Batch: 'queue' }, { folderPath: TRIGGER_FOLDER, jobsCount: TRIGGER_JOBS });
	return { webhookWorkflowId, pollingWorkflowId, jobIds };
}

interface ExecutionWithData {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

/** Every output item of the trigger node in every execution of a workflow (public API, with data). */
async function triggerItems(run: QueueRun, workflowId: string, nodeName: string): Promise<Array<{ executionId: string; json: Record<string, unknown> }>> {
	const page = await run.context.client.api<{ data: ExecutionWithData[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
	return page.data.flatMap((execution) =>
		(execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => ({ executionId: execution.id, json: item.json })),
	);
}

/**
 * Each of the TRIGGER_JOBS jobs must reach each workflow exactly once: one execution per delivery for the
 * webhook trigger, and for the polling trigger one item per job across its polls (a poll hands every job it
 * found to one execution). No job twice, none missing, nothing failed.
 */
export async function checkJobTriggers(run: QueueRun, triggers: ActiveTriggers): Promise<string> {
	const expected = [...triggers.jobIds].sort((a, b) => a - b).join(',');
	const jobIdsOf = (items: Array<{ json: Record<string, unknown> }>, read: (json: Record<string, unknown>) => unknown) =>
		items.map((item) => Number(read(item.json))).sort((a, b) => a - b);
	const webhookJob = (json: Record<string, unknown>) => (json.Job as { Id?: unknown } | undefined)?.Id;
	// The polling trigger's next poll is at most a minute away.
	const seen = { webhook: 0, polling: 0 };
	const [webhookItems, pollingItems] = await poll(
		`${TRIGGER_JOBS} jobs to reach both trigger workflows`,
		async () => {
			const webhook = await triggerItems(run, triggers.webhookWorkflowId, 'Invoice robot finished');
			const polling = await triggerItems(run, triggers.pollingWorkflowId, 'Invoice robot finished (polling)');
			Object.assign(seen, { webhook: webhook.length, polling: polling.length });
			return webhook.length >= TRIGGER_JOBS && polling.length >= TRIGGER_JOBS ? ([webhook, polling] as const) : undefined;
		},
		{ timeoutMs: 90_000, intervalMs: 1000 },
	).catch((error: Error) => {
		throw new Error(`${error.message} (webhook trigger: ${seen.webhook} jobs, polling trigger: ${seen.polling} jobs)`);
	});
	await run.context.sandbox.state.webhooksIdle();
	const webhookStatuses = await executionStatuses(run.services, triggers.webhookWorkflowId);
	const pollingStatuses = await executionStatuses(run.services, triggers.pollingWorkflowId);
	expect(webhookStatuses.size === TRIGGER_JOBS, `the webhook trigger started ${webhookStatuses.size} executions, not ${TRIGGER_JOBS}`);
	expect(new Set(webhookItems.map((item) => item.executionId)).size === webhookItems.length, 'a webhook trigger execution carried more than one job');
	expect(jobIdsOf(webhookItems, webhookJob).join(',') === expected, 'the webhook trigger executions do not carry each job exactly once');
	expect(jobIdsOf(pollingItems, (json) => json.Id).join(',') === expected, 'the polling trigger executions do not carry each job exactly once');
	for (const [name, statuses] of [['webhook', webhookStatuses], ['polling', pollingStatuses]] as const) {
		const failed = [...statuses.values()].filter((status) => status !== 'success');
		expect(failed.length === 0, `${failed.length} ${name} trigger executions ended ${failed.join(', ')}`);
	}
	return `${TRIGGER_JOBS} jobs → webhook trigger ${webhookStatuses.size} executions (one job each), polling trigger ${pollingStatuses.size} execution(s) with ${pollingItems.length} items; each job exactly once in each`;
}
