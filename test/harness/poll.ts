/**
 * Runs a polling trigger as an active n8n workflow does: each `poll()` goes through n8n-core's own
 * PollTriggerExecutor and PollContext, with the node's static data kept between polls, and every emitted poll
 * starts a real execution through `runWorkflow` (mode 'trigger'). Manual mode ("Fetch test event") needs no
 * runner: `runWorkflow` with `startNode` set to the trigger runs n8n-core's manual poll path.
 *
 * ```ts
 * const trigger = new PollTriggerHarness({ workflow, triggerNode: 'Poll', credentials: store });
 * const first = await trigger.poll();   // { emitted: null } (nothing new), or the items and the run
 * trigger.staticData;                   // the node's static data as n8n last committed it
 * ```
 */
import './userFolder';

import { dirname } from 'node:path';

import { PollContext, PollTriggerExecutor } from 'n8n-core';
import {
	UserError,
	Workflow,
	deepCopy,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { harnessAdditionalData } from './additionalData';
import type { CredentialStore } from './credentialStore';
import { CredentialTypeRegistry } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { NodeTypeRegistry } from './nodeTypes';
import { loadPackageTypes } from './packageTypes';
import { runWorkflow, type WorkflowJson, type WorkflowRunResult } from './runWorkflow';
import { ManualTrigger } from './stand-ins/ManualTrigger.node';
import { NoOp } from './stand-ins/NoOp.node';
import { OAuth2Api } from './stand-ins/OAuth2Api.credentials';

// n8n-core resolves its services from its own copy of @n8n/di, not the older one at the top of node_modules.
const { Container } = require(require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] })) as typeof import('@n8n/di');

/** Base URLs n8n derives its webhook addresses from; the webhook runner points them at its own listener. */
export interface InstanceUrls {
	webhookBaseUrl: string;
	webhookTestBaseUrl: string;
}

const defaultUrls: InstanceUrls = {
	webhookBaseUrl: 'http://localhost:5678/webhook',
	webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
};

/** What a trigger's n8n-core contexts need outside an execution: node types, credentials and additional data. */
export interface TriggerEnvironment {
	nodeTypes: NodeTypeRegistry;
	additionalData: IWorkflowExecuteAdditionalData;
}

// runWorkflow keeps its type registries to itself; hook, poll and webhook contexts need the same types outside a run.
export function triggerEnvironment(credentials: CredentialStore, urls: InstanceUrls = defaultUrls): TriggerEnvironment {
	const packageTypes = loadPackageTypes();
	const nodeTypes = new NodeTypeRegistry([
		{ name: 'n8n-nodes-base.noOp', type: new NoOp() },
		{ name: 'n8n-nodes-base.manualTrigger', type: new ManualTrigger() },
		...packageTypes.nodeTypes,
	]);
	const credentialTypes = new CredentialTypeRegistry([new OAuth2Api(), ...packageTypes.credentialTypes], nodeTypes);
	const additionalData = harnessAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(credentialTypes, credentials),
		...urls,
	});
	return { nodeTypes, additionalData };
}

/** n8n builds a fresh Workflow from the saved workflow for each poll, hook call and webhook request; so does the harness. */
export function activeWorkflow(json: WorkflowJson, nodeTypes: NodeTypeRegistry, staticData: IDataObject): Workflow {
	return new Workflow({
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		nodes: json.nodes,
		connections: json.connections,
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1', ...json.settings },
		staticData: deepCopy(staticData),
	});
}

export function triggerNodeOf(workflow: Workflow, name: string): INode {
	const node = workflow.getNode(name);
	if (!node) throw new UserError(`Trigger node "${name}" is not in the workflow`);
	return node;
}

export interface PollTriggerOptions {
	workflow: WorkflowJson;
	/** Name of the polling trigger in the workflow. */
	triggerNode: string;
	credentials: CredentialStore;
	/** Start an execution with each emitted poll, as n8n does (default true). */
	runWorkflows?: boolean;
	/** What `getPollBudgetMs()` answers; n8n's default is 5 minutes. */
	pollBudgetMs?: number;
}

export interface PollOutcome {
	/** What the poll handed to n8n through `__emit`, or null when it returned null or failed. */
	emitted: INodeExecutionData[][] | null;
	/** The error n8n would record as a failed trigger run (`__emitError`). */
	error?: Error;
	/** The execution n8n starts with the emitted items. */
	run?: WorkflowRunResult;
}

/** An active polling trigger: call `poll()` where n8n's schedule would. */
export class PollTriggerHarness {
	/** The node's static data as n8n last committed it. */
	staticData: IDataObject = {};

	readonly polls: PollOutcome[] = [];

	private readonly environment: TriggerEnvironment;

	constructor(private readonly options: PollTriggerOptions) {
		this.environment = triggerEnvironment(options.credentials);
	}

	/** Every item emitted so far, in order. */
	get emittedItems(): INodeExecutionData[] {
		return this.polls.flatMap((outcome) => outcome.emitted?.[0] ?? []);
	}

	async poll(): Promise<PollOutcome> {
		const { workflow: json, triggerNode, credentials } = this.options;
		const workflow = activeWorkflow(json, this.environment.nodeTypes, {});
		const node = triggerNodeOf(workflow, triggerNode);
		const outcome: PollOutcome = { emitted: null };
		let staged: IDataObject | undefined;
		// n8n 2.41 stages the node's static data per poll and commits it only with an emitted poll's execution or
		// after a poll that returned null (its trigger-execution-context factory); a failed poll's changes are dropped.
		const commit = () => {
			if (staged) this.staticData = deepCopy(staged);
		};
		const context = new PollContext(
			workflow,
			node,
			this.environment.additionalData,
			'trigger',
			'activate',
			(data) => {
				outcome.emitted = data;
				commit();
			},
			(error) => {
				outcome.error = error;
			},
			async () => commit(),
			async <T>(poll: () => Promise<T>): Promise<T> => {
				staged = deepCopy(this.staticData);
				return await poll();
			},
			() => {
				if (!staged) throw new UserError('The poll read its static data outside of a poll');
				return staged;
			},
			() => this.options.pollBudgetMs ?? 5 * 60_000,
		);
		await Container.get(PollTriggerExecutor).create(workflow, node, context, () => true)(false);
		// n8n's __emit starts an execution with the items; here it is a real run through WorkflowExecute.
		if (outcome.emitted && this.options.runWorkflows !== false) {
			outcome.run = await runWorkflow({
				workflow: json,
				mode: 'trigger',
				startNode: triggerNode,
				startData: outcome.emitted[0],
				credentials,
			});
		}
		this.polls.push(outcome);
		return outcome;
	}
}
