/**
 * Worker: this package's node run through n8n-core's WorkflowExecute (the test harness), in its own
 * process. The parent sends tasks; each runs the same node parameters the real n8n gets.
 */
import { CredentialStore, credentialsOf, manualWorkflow, runWorkflow, type NodeSpec, type WorkflowRunResult } from '../../test/harness';
import type { INodeParameters } from 'n8n-workflow';

import {
	findConcurrencyParameter,
	startThenWaitParameters,
	listParameters,
	NODE_TYPE,
	startJobParameters,
} from '../contenders/nodeParameters';
import { numberedItems, type Target, type Task, type TaskResult } from '../contenders/tasks';
import { serveWorker } from '../lib/worker';

const stores = new Map<string, { store: CredentialStore; target: Target }>();
/** Credential loads by n8n's credentials helper (each one a database read and decryption in a real n8n). */
let credentialLoads = 0;

/** A store whose lookups are counted. */
function countingStore(target: Target): CredentialStore {
	const store = new CredentialStore([{ id: '1', name: `UiPath ${target.name}`, type: 'uiPathApi', data: uiPathApiData(target) }]);
	const find = store.find.bind(store);
	store.find = (id, type) => {
		credentialLoads++;
		return find(id, type);
	};
	return store;
}

function uiPathApiData(target: Target) {
	return {
		authType: 'clientCredentials',
		identityPreset: 'automationCloud',
		baseUrl: target.baseUrl,
		identityUrl: '',
		organization: target.organization,
		tenant: target.tenant,
		clientId: target.clientId,
		clientSecret: target.clientSecret,
		scope: target.scope,
		accessToken: '',
	};
}

function storeFor(name: string): { store: CredentialStore; target: Target } {
	const entry = stores.get(name);
	if (!entry) throw new Error(`no target named ${name}`);
	return entry;
}

/** When the node's last item left it: the task's start plus its execution time, epoch ms. */
function nodeEndedAt(result: WorkflowRunResult, nodeName: string): number {
	const task = result.runData[nodeName]?.at(-1);
	if (!task) throw new Error(`${nodeName} did not run`);
	return task.startTime + task.executionTime;
}

async function run(store: CredentialStore, nodes: Array<{ name: string; parameters: INodeParameters }>, items: Array<{ n: number }>) {
	const credential = store.get('1');
	const specs: NodeSpec[] = nodes.map((node) => ({ ...node, type: NODE_TYPE, credentials: credentialsOf(credential) }));
	const result = await runWorkflow({
		workflow: manualWorkflow(specs, 'bench'),
		credentials: store,
		mode: 'webhook',
		startNode: nodes[0].name,
		startData: items.map((json) => ({ json })),
	});
	if (result.status !== 'success') throw new Error(`execution ${result.status}: ${result.error?.message ?? 'no error message'}`);
	return result;
}

async function runTask(task: Task): Promise<TaskResult> {
	credentialLoads = 0;
	const result = await runCounted(task);
	return { ...result, credentialLoads };
}

async function runCounted(task: Task): Promise<TaskResult> {
	const { store, target } = storeFor(task.target);
	if (task.kind === 'startJobs') {
		const parameter = findConcurrencyParameter();
		if (!parameter && task.concurrency !== 1) throw new Error('the node has no concurrency setting');
		const parameters = startJobParameters(target, parameter ? { concurrency: { parameter, value: task.concurrency } } : {});
		const result = await run(store, [{ name: 'Start', parameters }], numberedItems(task.count));
		return { items: result.items('Start').length };
	}
	if (task.kind === 'list') {
		const result = await run(store, [{ name: 'List', parameters: listParameters(target, task.entity) }], numberedItems(1));
		return { items: result.items('List').length };
	}
	const wait = { pollIntervalSeconds: task.pollIntervalSeconds, timeoutSeconds: 600 };
	const outputAt: Record<string, number> = {};
	if (task.mode === 'oneExecution') {
		const parameters = startThenWaitParameters(target, task);
		const result = await run(
			store,
			[
				{ name: 'Start', parameters: parameters.start },
				{ name: 'Wait', parameters: parameters.wait },
			],
			numberedItems(task.count),
		);
		const endedAt = nodeEndedAt(result, 'Wait');
		for (const job of result.json('Wait')) outputAt[String(job.Id)] = endedAt;
	} else {
		const parameters = startJobParameters(target, { wait });
		await Promise.all(
			numberedItems(task.count).map(async (item) => {
				const result = await run(store, [{ name: 'Start', parameters }], [item]);
				for (const job of result.json('Start')) outputAt[String(job.Id)] = nodeEndedAt(result, 'Start');
			}),
		);
	}
	return { items: Object.keys(outputAt).length, outputAt };
}

serveWorker({
	async configure(targets: Target[]) {
		for (const target of targets) {
			stores.set(target.name, { store: countingStore(target), target });
		}
		return { concurrencyParameter: findConcurrencyParameter()?.path.join('.') ?? null };
	},
	run: runTask,
});
