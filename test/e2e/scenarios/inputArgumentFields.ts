import { randomUUID } from 'crypto';
import type { ResourceMapperField } from 'n8n-workflow';

import { FOLDERS } from '../../../sandbox/fixtures';
import type { E2eContext } from '../context';
import { ORCHESTRATOR_NODE } from '../loadedTypes';
import { expect } from '../report';
import { callWebhook, createActiveWorkflow, loadWorkflowTemplate, useCredential, type CredentialRef } from '../workflows';
import { invoiceEchoRelease } from './webhookStartJob';

/** The node as the editor shows it when Job → Start is opened on Invoice Echo. */
function startParameters(context: E2eContext, credential: CredentialRef): Record<string, unknown> {
	const release = invoiceEchoRelease(context);
	return {
		authentication: credential.type,
		resource: 'job',
		operation: 'start',
		folder: { __rl: true, mode: 'path', value: FOLDERS.shared },
		release: { __rl: true, mode: 'list', value: release.key, cachedResultName: release.name },
		inputArgumentsMode: 'fields',
	};
}

/**
 * Scenario 5: Job → Start with Input Arguments as fields. The fields come from n8n's own endpoint for the editor's
 * resource mapper (which calls the node's method against the sandbox); the workflow saved with them starts Invoice
 * Echo from a webhook, and the job must receive each argument as its type (numbers, boolean, date, array, object).
 */
export async function startWithArgumentFields(context: E2eContext, credential: CredentialRef): Promise<{ workflowId: string; detail: string }> {
	const { fields } = await context.client.rest<{ fields: ResourceMapperField[] }>('POST', '/dynamic-node-parameters/resource-mapper-fields', {
		path: 'parameters.inputArgumentFields',
		methodName: 'getInputArgumentFields',
		nodeTypeAndVersion: { name: ORCHESTRATOR_NODE, version: 1.1 },
		currentNodeParameters: startParameters(context, credential),
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	});
	const shown = fields.map((field) => `${field.displayName}:${field.type}${field.required ? '*' : ''}`).join(', ');
	expect(shown.startsWith('InvoiceId (String):string*, Amount (Decimal):number, Quantity (Int32):number, Approved (Boolean):boolean'), `the fields are ${shown}`);

	const path = `typed-${randomUUID().slice(0, 8)}`;
	const release = invoiceEchoRelease(context);
	const template = await loadWorkflowTemplate('webhook-start-job-fields.json', {
		AUTH_LABEL: credential.type,
		WEBHOOK_ID: randomUUID(),
		WEBHOOK_PATH: path,
		CREDENTIAL_TYPE: credential.type,
		FOLDER_PATH: FOLDERS.shared,
		RELEASE_KEY: release.key,
		RELEASE_NAME: release.name,
	});
	const node = template.nodes.find((entry) => entry.type === ORCHESTRATOR_NODE) as unknown as { parameters: { inputArgumentFields: { schema: unknown } } };
	node.parameters.inputArgumentFields.schema = fields;
	const workflowId = await createActiveWorkflow(context.client, useCredential(template, ORCHESTRATOR_NODE, credential));

	const invoice = `INV-${randomUUID().slice(0, 6)}`;
	const response = await callWebhook(context.client, path, { invoice, amount: '19.90', quantity: '2', due: '2026-12-31T09:00:00Z', tags: ['eu', 'urgent'] });
	expect(response.status === 200, `the webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	const answer = response.json as { jobId?: number; state?: string } | undefined;
	const job = context.sandbox.state.store.jobs.get(Number(answer?.jobId));
	expect(job && answer?.state === 'Successful', `the job ended ${answer?.state}: ${response.text.slice(0, 300)}`);
	const expected = {
		InvoiceId: invoice,
		Amount: 19.9,
		Quantity: 2,
		Approved: true,
		DueDate: '2026-12-31T09:00:00Z',
		Tags: ['eu', 'urgent'],
		Metadata: { source: 'n8n' },
	};
	expect(job.InputArguments === JSON.stringify(expected), `the job got ${job.InputArguments}`);
	return { workflowId, detail: `${fields.length} fields from the process; job ${job.Id} got ${job.InputArguments}` };
}
