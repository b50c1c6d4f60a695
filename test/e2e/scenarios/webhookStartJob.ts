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
import { poll, type HttpResponse } from '../http';

export interface ChainedRun {
	workflowId: string;
	executionId: string;
	jobId: number;
	/** When the webhook was called and answered (epoch ms), to place the sandbox's requests in the run. */
	startedAt: number;
	endedAt: number;
	detail: string;
}

/** A seeded release (process) in a folder, as a user picks it from the node's process list. */
export function seededRelease(context: E2eContext, processName: string, folderPath: string = FOLDERS.shared): { key: string; name: string } {
	const store = context.sandbox.state.store;
	const folder = store.folderByPath(folderPath);
	expect(folder, `the sandbox has no ${folderPath} folder`);
	const release = store.releasesIn(folder.Id).find((entry) => entry.Name === processName);
	expect(release, `the sandbox has no ${processName} process in ${folderPath}`);
	return { key: release.Key, name: release.Name };
}

/** The seeded "Invoice Echo" release in Shared (or another folder). */
export function invoiceEchoRelease(context: E2eContext, folderPath: string = FOLDERS.shared): { key: string; name: string } {
	return seededRelease(context, PROCESSES.quick, folderPath);
}

/** The chained workflow of scenario 2, created and published for a credential; callers POST invoices to `path`. */
export async function createChainedWorkflow(context: E2eContext, credential: CredentialRef, label: string): Promise<{ workflowId: string; path: string }> {
	const release = invoiceEchoRelease(context);
	const path = `invoice-${randomUUID().slice(0, 8)}`;
	const template = await loadWorkflowTemplate('webhookStartJob.json', {
		AUTH_LABEL: label,
		WEBHOOK_ID: randomUUID(),
		WEBHOOK_PATH: path,
		CREDENTIAL_TYPE: credential.type,
		FOLDER_PATH: FOLDERS.shared,
		RELEASE_KEY: release.key,
		RELEASE_NAME: release.name,
	});
	const workflowId = await createActiveWorkflow(context.client, useCredential(template, ORCHESTRATOR_NODE, credential));
	return { workflowId, path };
}

export interface Invoice {
	InvoiceNumber: string;
	Customer: string;
	Lines: number[];
	Shipping: number;
}

/** A fresh invoice for the webhook; Invoice Echo answers with it plus Total = lines + shipping. */
export function newInvoice(): Invoice {
	return { InvoiceNumber: `INV-${randomUUID().slice(0, 8)}`, Customer: 'Globex', Lines: [120.5, 79.25], Shipping: 10 };
}
export const INVOICE_TOTAL = 209.75;

/** What the webhook caller must get: the robot's job, Successful, with the invoice echoed and totalled; returns the job id. */
export function checkInvoiceAnswer(context: E2eContext, response: HttpResponse, invoice: Invoice): number {
	expect(response.status === 200, `the webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	const answer = response.json as { jobId?: number; state?: string; output?: Record<string, unknown> } | undefined;
	expect(answer && typeof answer.jobId === 'number', `the webhook answer has no jobId: ${response.text.slice(0, 300)}`);
	expect(answer.state === 'Successful', `the job ended ${answer.state}, not Successful`);
	expect(JSON.stringify(answer.output) === JSON.stringify({ ...invoice, Total: INVOICE_TOTAL }), `OutputArguments are ${JSON.stringify(answer.output)}`);
	const job = context.sandbox.state.store.jobs.get(answer.jobId);
	expect(job, `the sandbox has no job ${answer.jobId}`);
	expect(job.ReleaseName === PROCESSES.quick && job.OrganizationUnitFullyQualifiedName === FOLDERS.shared, 'the job ran another process or folder');
	expect(job.InputArguments !== null && JSON.stringify(JSON.parse(job.InputArguments)) === JSON.stringify(invoice), 'the job did not get the webhook body as input arguments');
	return answer.jobId;
}

/**
 * Scenario 2 (and the run of scenario 3): an active workflow Webhook → UiPath Orchestrator (start job with
 * the webhook's body as input arguments, wait for completion) → Respond to Webhook with the job's output.
 * Asserts on the HTTP answer the caller gets and on the job the sandbox ran.
 */
export async function runChainedWorkflow(context: E2eContext, credential: CredentialRef, label: string): Promise<ChainedRun> {
	const { workflowId, path } = await createChainedWorkflow(context, credential, label);
	const invoice = newInvoice();
	const startedAt = Date.now();
	const response = await callWebhook(context.client, path, invoice);
	const endedAt = Date.now();
	const jobId = checkInvoiceAnswer(context, response, invoice);

	// n8n writes the execution after answering the webhook.
	const execution = await poll(
		'the execution to be saved',
		async () => (await executionsOf(context.client, workflowId)).find((entry) => entry.status === 'success'),
		{ timeoutMs: 15_000 },
	);
	return {
		workflowId,
		executionId: execution.id,
		jobId,
		startedAt,
		endedAt,
		detail: `POST /webhook → job ${jobId} Successful → HTTP 200 with OutputArguments (Total ${INVOICE_TOTAL}) in ${((endedAt - startedAt) / 1000).toFixed(1)} s`,
	};
}
