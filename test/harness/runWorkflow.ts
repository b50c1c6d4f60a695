import './userFolder';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	UserError,
	Workflow,
	createRunExecutionData,
	type ExecutionError,
	type ExecutionStatus,
	type ICredentialType,
	type IDataObject,
	type INodeExecutionData,
	type IRun,
	type IRunData,
	type IRunExecutionData,
	type IWorkflowBase,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { harnessAdditionalData } from './additionalData';
import { CredentialStore, type CredentialInput } from './credentialStore';
import { CredentialTypeRegistry } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { NodeTypeRegistry, type AnyNodeType, type NodeTypeEntry } from './nodeTypes';
import { loadPackageTypes } from './packageTypes';
import { ManualTrigger } from './stand-ins/ManualTrigger.node';
import { NoOp } from './stand-ins/NoOp.node';
import { OAuth2Api } from './stand-ins/OAuth2Api.credentials';

/** The part of n8n's workflow export the runner needs; the rest (id, name, settings...) is optional. */
export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> &
	Partial<Pick<IWorkflowBase, 'id' | 'name' | 'settings' | 'pinData' | 'staticData'>>;

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	/** The credential store the run reads and writes; pass the same store to several runs to share it. */
	credentials?: CredentialStore | CredentialInput[];
	/** Node types for this run only, on top of the registered ones. */
	nodeTypes?: Array<AnyNodeType | NodeTypeEntry>;
	/** Credential types for this run only, on top of the registered ones. */
	credentialTypes?: ICredentialType[];
	/** n8n's execution mode; 'manual' (the default) is what the editor's "Execute workflow" uses. */
	mode?: WorkflowExecuteMode;
	/** Node the run starts at; default: the workflow's trigger, as n8n picks it. */
	startNode?: string;
	/** Items given to the start node (a trigger passes them through outside manual mode). */
	startData?: INodeExecutionData[];
	/** Cancels the execution the way n8n's "Stop" does. */
	signal?: AbortSignal;
	executionId?: string;
	/** A stored execution to continue (n8n's WorkflowRunner resuming a waiting execution); startNode/startData are then unused. */
	runExecutionData?: IRunExecutionData;
	/** Whether the workflow is active (published): n8n builds the Workflow with this flag. */
	active?: boolean;
	/** Where the instance's webhook and resume URLs point (default http://localhost:5678). */
	urls?: { webhookBaseUrl?: string; webhookWaitingBaseUrl?: string };
	/**
	 * When n8n created the execution. n8n's main sets it before it saves a webhook or trigger execution
	 * (execution context `establishedAt`, n8n 2.41 workflow-runner.js establishContextForPersistence), so a
	 * worker that runs the saved execution again sees the first run's time; absent, n8n-core sets it to now.
	 */
	establishedAt?: number;
}

export interface WorkflowRunResult {
	/** What n8n-core's workflowExecuteAfter hook received. */
	run: IRun;
	status: ExecutionStatus;
	/** Raw run data per node name. */
	runData: IRunData;
	/** The execution error, if the run failed. */
	error?: ExecutionError;
	/** Node names in the order they finished. */
	executedNodes: string[];
	/** The credential store after the run. */
	credentials: CredentialStore;
	/** Items of one output (default 0) of a node's last run (or `runIndex`); throws if the node did not succeed. */
	items(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The `json` of those items. */
	json(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
}

// Stand-ins for n8n-nodes-base (not a dependency), registered under the type names n8n exports workflows with.
const baseNodeTypes: NodeTypeEntry[] = [
	{ name: 'n8n-nodes-base.manualTrigger', type: new ManualTrigger() },
	{ name: 'n8n-nodes-base.noOp', type: new NoOp() },
];
const registeredNodeTypes: Array<AnyNodeType | NodeTypeEntry> = [];
const registeredCredentialTypes: ICredentialType[] = [];
let packageTypes: ReturnType<typeof loadPackageTypes> | undefined;

/** Adds a node type to every later run (default name `n8n-nodes-uipath.<description.name>`). */
export function registerNodeType(type: AnyNodeType, name?: string) {
	registeredNodeTypes.push(name ? { type, name } : type);
}

/** Adds a credential type to every later run. */
export function registerCredentialType(type: ICredentialType) {
	registeredCredentialTypes.push(type);
}

/** The node and credential types a run starts from: base stand-ins, this package's types, registered ones. */
function typeRegistries(options: RunWorkflowOptions) {
	packageTypes ??= loadPackageTypes();
	const nodeTypes = new NodeTypeRegistry([...baseNodeTypes, ...packageTypes.nodeTypes, ...registeredNodeTypes, ...(options.nodeTypes ?? [])]);
	const credentialTypes = new CredentialTypeRegistry(
		[new OAuth2Api(), ...packageTypes.credentialTypes, ...registeredCredentialTypes, ...(options.credentialTypes ?? [])],
		nodeTypes,
	);
	return { nodeTypes, credentialTypes };
}

function resultOf(run: IRun, executedNodes: string[], credentials: CredentialStore): WorkflowRunResult {
	const { runData, error } = run.data.resultData;
	const items = (nodeName: string, outputIndex = 0, runIndex?: number) => {
		const runs = runData[nodeName];
		if (!runs?.length) {
			const ran = Object.keys(runData).join(', ') || 'none';
			throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran}; execution error: ${error?.message ?? 'none'})`);
		}
		const task = runs[runIndex ?? runs.length - 1];
		if (task?.error) throw new Error(`Node "${nodeName}" failed: ${task.error.message}`);
		return task?.data?.main?.[outputIndex] ?? [];
	};
	return {
		run,
		status: run.status,
		runData,
		error,
		executedNodes,
		credentials,
		items,
		json: (nodeName, outputIndex, runIndex) => items(nodeName, outputIndex, runIndex).map((item) => item.json),
	};
}

/** Runs a workflow through n8n-core's WorkflowExecute and returns every node's output and the credential store. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	const { workflow: json, mode = 'manual' } = options;
	const { nodeTypes, credentialTypes } = typeRegistries(options);
	const store = options.credentials instanceof CredentialStore ? options.credentials : new CredentialStore(options.credentials);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, store);

	const workflowId = json.id ?? 'harness-workflow';
	const executionId = options.executionId ?? `harness-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	const settings = { executionOrder: 'v1' as const, ...json.settings };
	const workflow = new Workflow({
		id: workflowId,
		name: json.name,
		nodes: json.nodes,
		connections: json.connections,
		active: options.active ?? false,
		nodeTypes,
		settings,
		staticData: json.staticData,
		pinData: json.pinData,
	});
	const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
	if (!startNode && !options.runExecutionData) throw new UserError(options.startNode ? `Start node "${options.startNode}" is not in the workflow` : 'The workflow has no node to start from');

	const now = new Date();
	const workflowData: IWorkflowBase = {
		...json,
		id: workflowId,
		name: json.name ?? 'Harness workflow',
		active: options.active ?? false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executedNodes: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));

	const runExecutionData =
		options.runExecutionData ??
		createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: startNode!, data: { main: [options.startData ?? [{ json: {} }]] }, source: null }],
				...(options.establishedAt !== undefined ? { runtimeData: { version: 1 as const, establishedAt: options.establishedAt, source: mode } } : {}),
			},
		});
	const additionalData = harnessAdditionalData({ credentialsHelper, hooks, workflowId, executionId, ...options.urls });
	const execution = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);

	const cancel = () => execution.cancel();
	if (options.signal?.aborted) cancel();
	options.signal?.addEventListener('abort', cancel, { once: true });
	try {
		// A cancelled execution reports through the hook and may leave its promise pending.
		const run = await Promise.race([finished, execution.then(async () => await finished)]);
		return resultOf(run, executedNodes, store);
	} finally {
		options.signal?.removeEventListener('abort', cancel);
	}
}
