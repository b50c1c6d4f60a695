import { randomUUID } from 'crypto';

import type { INodeParameters } from 'n8n-workflow';

import type { CredentialRef, WorkflowJson } from '../../../test/e2e/workflows';
import { findConcurrencyParameter, listParameters, NODE_TYPE, startJobParameters, startThenWaitParameters } from '../nodeParameters';
import type { Target, Task } from '../tasks';
import { COMMUNITY_NODE_TYPE } from './community';

/** How the contender's own nodes are written; the webhook, Split Out and count around them are the same for all. */
export type N8nContenderKind = 'node' | 'httpRequest' | 'community';

interface NodeSketch {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credential?: CredentialRef;
}

/** The name of the node whose output items are the task's result (and whose run data gives the output time). */
export const RESULT_NODE = 'Result';
/** The Wait node of scenario 4's one-execution workflow. */
export const WAIT_NODE = 'Wait';

const splitOut = (name: string, field: string): NodeSketch => ({
	name,
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} },
});

const uiPath = (name: string, parameters: INodeParameters, credential: CredentialRef): NodeSketch => ({
	name,
	type: NODE_TYPE,
	typeVersion: 1,
	parameters,
	credential,
});

function folderHeader(target: Target): INodeParameters {
	return { parameters: [{ name: 'X-UIPATH-FolderPath-Encoded', value: Buffer.from(target.folderPath, 'utf16le').toString('base64') }] };
}

/** n8n's HTTP Request node with this package's uiPathApi credential, built as a user would by hand. */
function httpRequest(name: string, target: Target, credential: CredentialRef, request: INodeParameters): NodeSketch {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'uiPathApi',
			sendHeaders: true,
			headerParameters: folderHeader(target),
			options: {},
			...request,
		},
		credential,
	};
}

/**
 * The HTTP Request node's Batching option: it sends `concurrency` requests, sleeps the interval, sends the
 * next batch, without waiting for answers (a pace, not a bound on requests in flight); none = all at once.
 */
function batching(task: Task & { kind: 'startJobs' }): INodeParameters {
	if (task.batchIntervalMs === undefined || task.concurrency >= task.count) return {};
	return { options: { batching: { batch: { batchSize: task.concurrency, batchInterval: task.batchIntervalMs } } } };
}

function httpRequestNodes(task: Task, target: Target, credential: CredentialRef): NodeSketch[] {
	if (task.kind === 'startJobs') {
		const startInfo =
			`{ ReleaseKey: '${target.releaseKey}', Strategy: 'ModernJobsCount', JobsCount: 1, ` +
			`InputArguments: JSON.stringify({ InvoiceId: 'INV-' + $json.n }) }`;
		return [
			httpRequest('Start', target, credential, {
				...batching(task),
				method: 'POST',
				url: `${target.orchestratorUrl}/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs`,
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ startInfo: ${startInfo} }) }}`,
			}),
			splitOut(RESULT_NODE, 'value'),
		];
	}
	if (task.kind === 'list') {
		const path = task.entity === 'releases' ? '/odata/Releases' : '/odata/Jobs';
		return [
			httpRequest('List', target, credential, {
				method: 'GET',
				url: `${target.orchestratorUrl}${path}`,
				sendQuery: true,
				queryParameters: {
					parameters: [
						{ name: '$top', value: '1000' },
						{ name: '$orderby', value: task.entity === 'releases' ? 'Id asc' : 'Id desc' },
					],
				},
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'qs', name: '$skip', value: '={{ $pageCount * 1000 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.value.length < 1000 }}',
						},
					},
				},
			}),
			splitOut(RESULT_NODE, 'value'),
		];
	}
	throw new Error('the HTTP Request node has no way to wait for a job');
}

function communityNodes(task: Task, target: Target, credential: CredentialRef): NodeSketch[] {
	const node = (parameters: INodeParameters): NodeSketch => ({ name: RESULT_NODE, type: COMMUNITY_NODE_TYPE, typeVersion: 1, parameters, credential });
	if (task.kind === 'startJobs') {
		return [
			node({
				resource: 'jobs',
				operation: 'startJobs',
				releaseKey: { __rl: true, mode: 'id', value: target.releaseKey },
				strategy: 'JobsCount',
				jobsCount: 1,
				noOfRobots: 0,
				inputArguments: "={{ JSON.stringify({ InvoiceId: 'INV-' + $json.n }) }}",
			}),
		];
	}
	if (task.kind === 'list' && task.entity === 'releases') {
		return [node({ resource: 'releases', operation: 'getAll', returnAll: true, filters: {} })];
	}
	throw new Error(`the community node cannot do ${task.kind}${task.kind === 'list' ? ` of ${task.entity}` : ''}`);
}

function ourNodes(task: Task, target: Target, credential: CredentialRef): NodeSketch[] {
	if (task.kind === 'startJobs') {
		const parameter = findConcurrencyParameter();
		if (!parameter && task.concurrency !== 1) throw new Error('the node has no concurrency setting');
		return [uiPath(RESULT_NODE, startJobParameters(target, parameter ? { concurrency: { parameter, value: task.concurrency } } : {}), credential)];
	}
	if (task.kind === 'list') return [uiPath(RESULT_NODE, listParameters(target, task.entity), credential)];
	const wait = { pollIntervalSeconds: task.pollIntervalSeconds, timeoutSeconds: 600 };
	if (task.mode === 'executionPerJob') return [uiPath(RESULT_NODE, startJobParameters(target, { wait }), credential)];
	const parameters = startThenWaitParameters(target, task);
	return [uiPath('Start', parameters.start, credential), uiPath(RESULT_NODE, parameters.wait, credential)];
}

/**
 * Webhook (answers when the last node is done) → Split Out of the body's `items` → the contender's nodes →
 * Summarize (count of Id), so the caller learns how many items came out without n8n sending them all back.
 */
export function taskWorkflow(kind: N8nContenderKind, task: Task, target: Target, credential: CredentialRef, path: string): WorkflowJson {
	const contenderNodes =
		kind === 'node' ? ourNodes(task, target, credential) : kind === 'httpRequest' ? httpRequestNodes(task, target, credential) : communityNodes(task, target, credential);
	const chain: NodeSketch[] = [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
		},
		splitOut('Items', 'body.items'),
		...contenderNodes,
		{
			name: 'Count',
			type: 'n8n-nodes-base.summarize',
			typeVersion: 1.1,
			parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field: 'Id' }] }, options: {} },
		},
	];
	const nodes = chain.map((sketch, index) => ({
		id: randomUUID(),
		name: sketch.name,
		type: sketch.type,
		typeVersion: sketch.typeVersion,
		position: [index * 240, 0],
		parameters: sketch.parameters,
		...(sketch.type === 'n8n-nodes-base.webhook' ? { webhookId: randomUUID() } : {}),
		...(sketch.credential ? { credentials: { [sketch.credential.type]: { id: sketch.credential.id, name: sketch.credential.name } } } : {}),
	}));
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index].name] = { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name: `bench ${kind} ${task.kind} ${path}`, nodes, connections, settings: { executionOrder: 'v1' } };
}
