import { readFile } from 'fs/promises';
import { join } from 'path';

import { expectStatus, poll, type HttpResponse } from './http';
import type { N8nClient } from './n8n';

interface WorkflowNode {
	name: string;
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

/** A template from test/e2e/workflows with every `@@NAME@@` replaced; an unfilled placeholder is an error. */
export async function loadWorkflowTemplate(file: string, values: Record<string, string>): Promise<WorkflowJson> {
	const text = await readFile(join(__dirname, 'workflows', file), 'utf8');
	const filled = text.replace(/@@([A-Z_]+)@@/g, (_, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`workflow template ${file} needs a value for @@${name}@@`);
		return JSON.stringify(value).slice(1, -1);
	});
	return JSON.parse(filled) as WorkflowJson;
}

/** Points every node of the given type at the credential, the way the editor saves a chosen credential. */
export function useCredential(workflow: WorkflowJson, nodeType: string, credential: CredentialRef): WorkflowJson {
	for (const node of workflow.nodes) {
		if (node.type === nodeType) node.credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	}
	return workflow;
}

export async function createCredential(client: N8nClient, name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
	const created = await client.rest<{ id: string }>('POST', '/credentials', { name, type, data });
	return { id: created.id, name, type };
}

/** Creates the workflow through the public API and publishes (activates) it. */
export async function createActiveWorkflow(client: N8nClient, workflow: WorkflowJson): Promise<string> {
	const { id } = await client.api<{ id: string }>('POST', '/workflows', workflow);
	await publishWorkflow(client, id, 'publish');
	return id;
}

/** `publish`/`unpublish` since n8n 2.9 or so; older 2.x only has what they replaced, `activate`/`deactivate`. */
export async function publishWorkflow(client: N8nClient, workflowId: string, action: 'publish' | 'unpublish'): Promise<void> {
	const response = await client.http.request(`${client.server.baseUrl}/api/v1/workflows/${workflowId}/${action}`, {
		body: {},
		headers: { 'X-N8N-API-KEY': client.apiKey },
	});
	if (response.status === 404 || response.status === 405) {
		await client.api('POST', `/workflows/${workflowId}/${action === 'publish' ? 'activate' : 'deactivate'}`, {});
		return;
	}
	expectStatus(response, [200], `POST /api/v1/workflows/${workflowId}/${action}`);
}

/**
 * Calls a production webhook. n8n registers webhooks about 1 s after activation and answers 404 until then;
 * a 404 starts nothing, so the call is repeated until the webhook answers something else.
 */
export async function callWebhook(client: N8nClient, path: string, body: unknown, timeoutMs = 120_000): Promise<HttpResponse> {
	const url = `${client.server.baseUrl}/webhook/${path}`;
	return await poll(
		`webhook ${path} to be registered`,
		async () => {
			const response = await client.http.request(url, { body, timeoutMs });
			return response.status === 404 ? undefined : response;
		},
		{ timeoutMs: timeoutMs + 15_000, intervalMs: 300 },
	);
}

export interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

/** The latest finished executions of a workflow, with their data, from the public API. */
export async function executionsOf(client: N8nClient, workflowId: string): Promise<ExecutionSummary[]> {
	const page = await client.api<{ data: ExecutionSummary[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true`);
	return page.data;
}

/** The first output item of a node in an execution. */
export function nodeOutput(execution: ExecutionSummary, nodeName: string): Record<string, unknown> | undefined {
	return execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

