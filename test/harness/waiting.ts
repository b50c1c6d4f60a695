/**
 * Waiting executions as n8n 2.41 keeps and resumes them, around n8n-core's real WorkflowExecute. n8n-core has no
 * database and no server, so this mirrors, step for step, the n8n (cli) code that does (read in n8n@2.41.1 dist):
 * - saving: `workflowExecuteAfter` stores the run data, `waitTill` and status `waiting` (here: a JSON copy, as
 *   the database returns a copy, never the live objects);
 * - webhooks/waiting-webhooks.js `executeWebhook` + `getWebhookExecutionData`: the `signature` query parameter
 *   must equal `data.resumeToken` (else 401), 409 when running or finished, then `disableNode`, `waitTill` cleared,
 *   `preserveInputOverride` (the pre-wait run popped), the node's restart webhook run through n8n-core's
 *   WebhookContext with the stored run data; no `workflowData` answers and leaves the execution waiting;
 * - webhooks/webhook-helpers.js `prepareExecutionData` (resuming entry gets `data.main = workflowData`,
 *   `metadata.forwardAllOutputs`) and active-executions.js `add` (only an execution still `waiting` is resumed);
 * - wait-tracker.js `startExecution`: the stored execution run again as it is (n8n-core's handleWaitingState
 *   disables the node unless it has a `resumeError`);
 * - live-webhooks (production `/webhook/...`) for the node's non-restart webhook, and the activation's
 *   `webhookMethods` calls, as WebhookTriggerHarness does.
 */
import './userFolder';

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	UserError,
	type ExecutionStatus,
	type IDataObject,
	type INode,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type WebhookSetupMethodNames,
	type Workflow,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { HarnessListener } from './listener';
import { activeWorkflow, triggerEnvironment, type TriggerEnvironment } from './poll';
import { runWorkflow, type WorkflowJson, type WorkflowRunResult } from './runWorkflow';

export interface StoredExecution {
	id: string;
	status: ExecutionStatus;
	mode: WorkflowExecuteMode;
	waitTill?: Date;
	/** The run data as the database holds it. */
	data: IRunExecutionData;
	/** Every run of this execution so far (the first, then each resume). */
	runs: WorkflowRunResult[];
}

export interface WaitingHarnessOptions {
	workflow: WorkflowJson;
	credentials: CredentialStore;
	/** 'trigger': a production execution of an active workflow; 'manual': the editor's run of an inactive one. */
	mode?: 'trigger' | 'manual';
	/**
	 * Runs executions as a queue worker does (scaling/job-processor.js): the Workflow built from the execution's
	 * workflow snapshot, so `active` is false, and without the node's static data (measured: n8n 2.41 workers did not
	 * see the relay's Id there).
	 */
	worker?: boolean;
}

/** One HTTP call the harness's n8n received, and what it answered. */
export interface ReceivedCall {
	path: string;
	status: number;
	body: string;
	answer: string;
	/** Whether it resumed an execution. */
	resumed: boolean;
}

type HarnessRequest = IncomingMessage & { rawBody: Buffer; body: unknown; params: object; query: Record<string, string> };

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function asRequest(request: IncomingMessage, rawBody: Buffer, url: URL): HarnessRequest {
	let body: unknown = {};
	try {
		body = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
	} catch {
		body = {};
	}
	return Object.assign(request, { rawBody, body, params: {}, query: Object.fromEntries(url.searchParams) });
}

function send(response: ServerResponse, status: number, body: unknown) {
	if (response.headersSent) return;
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class WaitingExecutionHarness extends HarnessListener {
	readonly executions = new Map<string, StoredExecution>();
	readonly calls: ReceivedCall[] = [];
	workflowStaticData: IDataObject = {};
	/** While true the instance answers every call 503, as a proxy in front of an n8n that is down would. */
	unavailable = false;
	private environment!: TriggerEnvironment;
	private origin = '';
	private nextId = 1;

	private constructor(
		private readonly options: WaitingHarnessOptions,
		server: Server,
	) {
		super(server);
	}

	static async start(options: WaitingHarnessOptions): Promise<WaitingExecutionHarness> {
		const server = await HarnessListener.listen();
		const harness = new WaitingExecutionHarness(options, server);
		harness.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		harness.environment = triggerEnvironment(options.credentials, harness.urls);
		server.on('request', (request: IncomingMessage, response: ServerResponse) => harness.track(harness.handle(request, response)));
		return harness;
	}

	get urls() {
		return { webhookBaseUrl: `${this.origin}/webhook`, webhookTestBaseUrl: `${this.origin}/webhook-test`, webhookWaitingBaseUrl: `${this.origin}/webhook-waiting` };
	}

	private get mode(): WorkflowExecuteMode {
		return this.options.mode === 'manual' ? 'manual' : 'trigger';
	}

	/** Starts an execution (with items: at `startNode`); resolves when it has finished or is waiting. */
	async execute(startData?: IDataObject[], startNode?: string): Promise<StoredExecution> {
		const id = String(this.nextId++);
		const stored: StoredExecution = { id, status: 'running', mode: this.mode, data: {} as IRunExecutionData, runs: [] };
		this.executions.set(id, stored);
		await this.run(stored, { startData: startData?.map((json) => ({ json })), startNode });
		return stored;
	}

	/** wait-tracker.js startExecution: the execution's timer fired. */
	async fireTimer(id: string): Promise<StoredExecution> {
		const stored = this.executions.get(id);
		if (!stored || stored.status !== 'waiting') throw new UserError(`Execution ${id} is not waiting`);
		stored.status = 'running';
		await this.run(stored, { runExecutionData: copy(stored.data) });
		return stored;
	}

	/**
	 * n8n's activation ('activate'; 'init' when n8n starts with its workflow publication service off, the only start
	 * path that activates webhook workflows again in 2.41): each non-restart webhook's checkExists, then create.
	 */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		for (const { node, description } of this.productionWebhooks()) {
			if (await this.hook(node, description, 'checkExists', activation)) continue;
			await this.hook(node, description, 'create', activation);
		}
	}

	async deactivate(): Promise<void> {
		for (const { node, description } of this.productionWebhooks()) await this.hook(node, description, 'delete', 'activate');
	}

	/** The production URL of a node's non-restart webhook (the relay). */
	productionUrl(nodeName: string): string {
		const found = this.productionWebhooks().find(({ node }) => node.name === nodeName);
		if (!found) throw new UserError(`Node "${nodeName}" has no production webhook`);
		return NodeHelpers.getNodeWebhookUrl(this.urls.webhookBaseUrl, this.workflow().id, found.node, found.description.path, false);
	}




	private workflow(staticData: IDataObject = this.workflowStaticData): Workflow {
		return activeWorkflow(this.options.workflow, this.environment.nodeTypes, staticData);
	}

	/** webhook.service.js getNodeWebhooks: non-restart webhooks whose httpMethod (an expression, evaluated as n8n does) names POST. */
	private productionWebhooks(): Array<{ node: INode; description: IWebhookDescription }> {
		const workflow = this.workflow();
		const method = (node: INode, description: IWebhookDescription) =>
			String(workflow.expression.getSimpleParameterValue(node, description.httpMethod, 'internal', {}, undefined, 'GET') ?? '');
		return Object.values(workflow.nodes).flatMap((node) =>
			(workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.webhooks ?? [])
				.filter((description) => description.restartWebhook !== true && method(node, description).split(',').includes('POST'))
				.map((description) => ({ node, description })),
		);
	}

	private webhookData(workflow: Workflow, node: INode, description: IWebhookDescription): IWebhookData {
		return {
			httpMethod: 'POST',
			node: node.name,
			path: NodeHelpers.getNodeWebhookPath(workflow.id, node, description.path, false, description.restartWebhook === true),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.environment.additionalData,
			webhookId: node.webhookId,
		};
	}

	private async hook(node: INode, description: IWebhookDescription, method: WebhookSetupMethodNames, activation: WorkflowActivateMode): Promise<boolean> {
		const workflow = this.workflow();
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const hook = nodeType.webhookMethods?.[description.name]?.[method];
		if (!hook) return true;
		const context = new HookContext(workflow, node, this.environment.additionalData, 'trigger', activation, this.webhookData(workflow, node, description));
		try {
			return await hook.call(context);
		} finally {
			this.workflowStaticData = copy(workflow.staticData as IDataObject);
			delete this.workflowStaticData.__dataChanged;
		}
	}

	/** One run through n8n-core's WorkflowExecute, saved as workflowExecuteAfter would. */
	private async run(stored: StoredExecution, options: { startData?: Array<{ json: IDataObject }>; startNode?: string; runExecutionData?: IRunExecutionData }) {
		const result = await runWorkflow({
			// The static data as n8n's database holds it (activation saved it).
			workflow: { ...this.options.workflow, staticData: this.options.worker ? {} : copy(this.workflowStaticData) },
			credentials: this.options.credentials,
			mode: stored.mode,
			executionId: stored.id,
			active: this.options.mode !== 'manual' && this.options.worker !== true,
			urls: this.urls,
			...options,
		});
		stored.runs.push(result);
		stored.data = copy(result.run.data);
		stored.status = result.status;
		stored.waitTill = result.run.waitTill ?? undefined;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', this.origin);
		const rawBody = await readBody(request);
		const call: ReceivedCall = { path: url.pathname, status: 0, body: rawBody.toString('utf8'), answer: '', resumed: false };
		this.calls.push(call);
		const originalEnd = response.end.bind(response);
		response.end = ((chunk?: unknown, ...rest: unknown[]) => {
			call.status = response.statusCode;
			call.answer = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
			return originalEnd(chunk as never, ...(rest as []));
		}) as typeof response.end;
		if (this.unavailable) return send(response, 503, { message: 'Service Unavailable' });
		const harnessRequest = asRequest(request, rawBody, url);
		if (request.method === 'POST' && url.pathname.startsWith('/webhook-waiting/')) {
			await this.resumeByWebhook(url.pathname.slice('/webhook-waiting/'.length), harnessRequest, response, call);
			return;
		}
		const production = this.productionWebhooks().find(
			({ node, description }) => `/webhook/${NodeHelpers.getNodeWebhookPath(this.workflow().id, node, description.path, false, false)}` === url.pathname,
		);
		if (request.method !== 'POST' || !production) {
			send(response, 404, { message: `The requested webhook "${request.method} ${url.pathname}" is not registered.` });
			return;
		}
		await this.live(production.node, production.description, harnessRequest, response);
	}

	/** live-webhooks: the static data loaded for the request and saved after webhook() answered. */
	private async live(node: INode, description: IWebhookDescription, request: HarnessRequest, response: ServerResponse) {
		const workflow = this.workflow();
		const result = await this.callWebhook(workflow, node, description, request, response, null, 'webhook');
		this.workflowStaticData = copy(workflow.staticData as IDataObject);
		delete this.workflowStaticData.__dataChanged;
		if (result && result.noWebhookResponse !== true) send(response, 200, result.webhookResponse ?? { message: 'Webhook call received' });
	}

	private async callWebhook(
		workflow: Workflow,
		node: INode,
		description: IWebhookDescription,
		request: HarnessRequest,
		response: ServerResponse,
		runExecutionData: IRunExecutionData | null,
		mode: WorkflowExecuteMode,
	): Promise<IWebhookResponseData | undefined> {
		const additionalData = { ...this.environment.additionalData, httpRequest: request as never, httpResponse: response as never };
		const context = new WebhookContext(workflow, node, additionalData, mode, this.webhookData(workflow, node, description), [], runExecutionData);
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		try {
			return await nodeType.webhook!.call(context);
		} catch (error) {
			// n8n answers 500 ("Workflow could not be started!") and records the error on the execution.
			send(response, 500, { message: (error as Error).message });
			return undefined;
		}
	}

	private async resumeByWebhook(id: string, request: HarnessRequest, response: ServerResponse, call: ReceivedCall) {
		const stored = this.executions.get(id);
		const execution = stored ? { ...stored, data: copy(stored.data) } : undefined;
		if (execution?.data.resumeToken) {
			const token = request.query.signature ?? '';
			const expected = execution.data.resumeToken;
			if (token.length !== expected.length || !timingSafeEqual(Buffer.from(token), Buffer.from(expected))) {
				send(response, 401, { error: 'Invalid token' });
				return;
			}
		}
		if (!stored || !execution) return send(response, 404, { message: `The execution "${id}" does not exist.` });
		if (execution.status === 'running') return send(response, 409, { message: `The execution "${id}" is running already.` });
		if (execution.data.resultData.error) return send(response, 409, { message: `The execution "${id}" has finished with error.` });
		if (execution.status !== 'waiting') return send(response, 409, { message: `The execution "${id} has finished already.` });

		const data = execution.data;
		const lastNodeExecuted = data.resultData.lastNodeExecuted!;
		const entry = data.executionData!.nodeExecutionStack[0];
		entry.node.disabled = true;
		data.waitTill = undefined;
		// preserveInputOverride (workflow-helpers.js): the pre-wait run is popped.
		const popped = data.resultData.runData[lastNodeExecuted].pop();
		if (popped?.inputOverride) {
			data.resultData.runData[lastNodeExecuted].push({ startTime: 0, executionTime: 0, executionIndex: 0, source: popped.source, inputOverride: popped.inputOverride });
		}

		const workflow = this.workflow();
		const node = workflow.getNode(lastNodeExecuted)!;
		const description = workflow.nodeTypes
			.getByNameAndVersion(node.type, node.typeVersion)
			.description.webhooks?.find((webhook) => webhook.restartWebhook === true && webhook.httpMethod === 'POST' && webhook.path === '');
		if (!description) return send(response, 404, { message: 'The workflow does not contain a waiting webhook with a matching path/method.' });
		const result = await this.callWebhook(workflow, node, description, request, response, data, execution.mode);
		if (!result) return;
		if (result.noWebhookResponse !== true) send(response, 200, result.webhookResponse ?? { message: result.workflowData ? 'Workflow was started' : 'Webhook call received' });
		if (result.workflowData === undefined) return;
		// prepareExecutionData: the resuming node's input becomes what webhook() returned.
		entry.data.main = result.workflowData;
		entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
		// active-executions.js add(): only an execution that is still waiting is resumed (ExecutionAlreadyResumingError).
		if (stored.status !== 'waiting') return;
		stored.status = 'running';
		stored.data = copy(data);
		call.resumed = true;
		await this.run(stored, { runExecutionData: data });
	}
}
