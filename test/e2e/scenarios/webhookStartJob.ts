import { randomUUID } from 'crypto';

import { FOLDERS, PROCESSES } from '../../../sandbox/fixtures';
import type { E2eContext } from '../context';
import { ORCHESTRATOR_NODE } from '../loadedTypes';
import { expect } from '../report';
import {
	callWebhook,
	createActiveWorkflow,
	executionsOf,
	loadWorkflowTemplate,
	useCredential,
	type CredentialRef,
} from '../workflows';
import { poll } from '../http';

export interface ChainedRun {
	workflowId: string;
	executionId: string;
	jobId: number;
	/** When the webhook was called and answered (epoch ms), to place the sandbox's requests in the run. */
	startedAt: number;
	endedAt: number;
	detail: string;
}

/** The seeded "Invoice Echo" release in Shared, as a user picks it from the node's process list. */
export function invoiceEchoRelease(context: E2eContext): { key: string; name: string } {
	const store = context.sandbox.state.store;
	const shared = store.folderByPath(FOLDERS.shared);
	expect(shared, `the sandbox has no ${FOLDERS.shared} folder`);
	const release = store.releasesIn(shared.Id).find((entry) => entry.Name === PROCESSES.quick);
	expect(release, `the sandbox has no ${PROCESSES.quick} process in ${FOLDERS.shared}`);
	return { key: release.Key, name: release.Name };
}

/**
 * Scenario 2 (and the run of scenario 3): an active workflow Webhook → UiPath Orchestrator (start job with
 * the webhook's body as input arguments, wait for completion) → Respond to Webhook with the job's output.
 * Asserts on the HTTP answer the caller gets and on the job the sandbox ran.
 */
export async function runChainedWorkflow(context: E2eContext, credential: CredentialRef, label: string): Promise<ChainedRun> {
	const release = invoiceEchoRelease(context);
	const path = `invoice-${randomUUID().slice(0, 8)}`;
	const template = await loadWorkflowTemplate('webhook-start-job.json', {
		AUTH_LABEL: label,
		WEBHOOK_ID: randomUUID(),
		WEBHOOK_PATH: path,
		CREDENTIAL_TYPE: credential.type,
		FOLDER_PATH: FOLDERS.shared,
		RELEASE_KEY: release.key,
		RELEASE_NAME: release.name,
	});
	const workflowId = await createActiveWorkflow(context.client, useCredential(template, ORCHESTRATOR_NODE, credential));

	const invoice = { InvoiceNumber: `INV-${randomUUID().slice(0, 6)}`, Customer: 'Globex', Lines: [120.5, 79.25], Shipping: 10 };
	const expectedTotal = 209.75;
	const startedAt = Date.now();
	const response = await callWebhook(context.client, path, invoice);
	const endedAt = Date.now();
	expect(response.status === 200, `the webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	const answer = response.json as { jobId?: number; state?: string; output?: Record<string, unknown> } | undefined;
	expect(answer && typeof answer.jobId === 'number', `the webhook answer has no jobId: ${response.text.slice(0, 300)}`);
	expect(answer.state === 'Successful', `the job ended ${answer.state}, not Successful`);
	expect(JSON.stringify(answer.output) === JSON.stringify({ ...invoice, Total: expectedTotal }), `OutputArguments are ${JSON.stringify(answer.output)}`);

	const job = context.sandbox.state.store.jobs.get(answer.jobId);
	expect(job, `the sandbox has no job ${answer.jobId}`);
	expect(job.ReleaseName === release.name && job.OrganizationUnitFullyQualifiedName === FOLDERS.shared, 'the job ran another process or folder');
	expect(job.InputArguments !== null && JSON.stringify(JSON.parse(job.InputArguments)) === JSON.stringify(invoice), 'the job did not get the webhook body as input arguments');

	// n8n writes the execution after answering the webhook.
	const execution = await poll(
		'the execution to be saved',
		async () => (await executionsOf(context.client, workflowId)).find((entry) => entry.status === 'success'),
		{ timeoutMs: 15_000 },
	);
	return {
		workflowId,
		executionId: execution.id,
		jobId: answer.jobId,
		startedAt,
		endedAt,
		detail: `POST /webhook → job ${answer.jobId} Successful → HTTP 200 with OutputArguments (Total ${expectedTotal}) in ${((endedAt - startedAt) / 1000).toFixed(1)} s`,
	};
}
