/**
 * Runs a webhook trigger as n8n does: `activate()` / `deactivate()` call the node's `webhookMethods` through
 * n8n-core's HookContext (checkExists, then create when it answers false; delete), and a real HTTP listener on
 * 127.0.0.1 serves the node's `webhook()` through n8n-core's WebhookContext, so the sandbox can deliver to it.
 * Every workflow run a delivery starts is a real execution through `runWorkflow`.
 *
 * ```ts
 * const trigger = await WebhookTriggerHarness.start({ workflow, triggerNode: 'UiPath Trigger', credentials: store });
 * await trigger.activate();     // the subscription now points at trigger.url
 * ...                           // something in UiPath happens; the sandbox delivers
 * await trigger.settled();      // every request answered, every run finished
 * trigger.deliveries;           // what each request got back; trigger.runs: the executions started
 * await trigger.close();        // deactivates (delete) and stops the listener
 * ```
 */
import './userFolder';

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	UserError,
	type IDataObject,
	type INode,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type Workflow,
	type WebhookSetupMethodNames,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { HarnessListener } from './listener';
import { activeWorkflow, triggerEnvironment, triggerNodeOf, type TriggerEnvironment } from './poll';
import { runWorkflow, type WorkflowJson, type WorkflowRunResult } from './runWorkflow';

export { PollTriggerHarness, type PollOutcome, type PollTriggerOptions } from './poll';

export interface WebhookTriggerOptions {
	workflow: WorkflowJson;
	/** Name of the webhook trigger in the workflow; the node needs a `webhookId`, as n8n gives every webhook node. */
	triggerNode: string;
	credentials: CredentialStore;
	/** 'trigger': an active workflow (`/webhook/...`); 'manual': the editor's "Listen for test event" (`/webhook-test/...`). */
	mode?: 'trigger' | 'manual';
}

/** One HTTP request the listener received and what it answered. */
export interface ReceivedDelivery {
	path: string;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	/** The HTTP status answered (0 until the answer is sent). */
	status: number;
	/** Whether the delivery started a workflow run. */
	started: boolean;
	/** The error `webhook()` threw, if any (n8n answers 500). */
	error?: Error;
}

/** The request as n8n's server hands it to a webhook node after its body middleware: the bytes in `rawBody`, JSON parsed into `body`. */
type WebhookRequest = IncomingMessage & { rawBody: Buffer; body: unknown; contentType?: string; params: object; query: object };

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

// n8n-core has no HTTP server: n8n's own reads the raw body and parses JSON (middlewares/body-parser.js in n8n's dist), done here the same way.
function asWebhookRequest(request: IncomingMessage, rawBody: Buffer, url: URL): WebhookRequest {
	const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
	let body: unknown = {};
	if (rawBody.length > 0 && contentType === 'application/json') {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			body = {};
		}
	}
	return Object.assign(request, { rawBody, body, contentType, params: {}, query: Object.fromEntries(url.searchParams) });
}

function send(response: ServerResponse, status: number, body: unknown) {
	if (response.headersSent) return;
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

/** A webhook trigger of an active (or listening) workflow, with its own listener on 127.0.0.1. */
export class WebhookTriggerHarness extends HarnessListener {
	readonly deliveries: ReceivedDelivery[] = [];
	readonly runs: WorkflowRunResult[] = [];
	/** The workflow's static data as n8n saved it after the last hook call. */
	workflowStaticData: IDataObject = {};

	private environment!: TriggerEnvironment;
	private webhookPath = '';
	private workflow: WorkflowJson;

	private constructor(
		private readonly options: WebhookTriggerOptions,
		server: Server,
	) {
		super(server);
		this.workflow = options.workflow;
	}

	static async start(options: WebhookTriggerOptions): Promise<WebhookTriggerHarness> {
		const server = await HarnessListener.listen();
		const harness = new WebhookTriggerHarness(options, server);
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		harness.environment = triggerEnvironment(options.credentials, {
			webhookBaseUrl: `${origin}/webhook`,
			webhookTestBaseUrl: `${origin}/webhook-test`,
		});
		harness.webhookPath = new URL(harness.url).pathname;
		server.on('request', (request: IncomingMessage, response: ServerResponse) => {
			const handling = harness.handle(request, response);
			harness.track(handling);
		});
		return harness;
	}

	private get mode(): 'trigger' | 'manual' {
		return this.options.mode ?? 'trigger';
	}

	/** The node's static data as n8n saved it. */
	get staticData(): IDataObject {
		return (this.workflowStaticData[`node:${this.options.triggerNode}`] as IDataObject | undefined) ?? {};
	}

	/** The address n8n gives this trigger (what the node subscribes), served by the listener. */
	get url(): string {
		const { workflow, node, description } = this.parts();
		const url = NodeHelpers.getNodeWebhookUrl(
			this.mode === 'manual' ? this.environment.additionalData.webhookTestBaseUrl : this.environment.additionalData.webhookBaseUrl,
			workflow.id,
			node,
			String(description.path),
			description.isFullPath === true,
		);
		return url;
	}

	/** The workflow saved again, edited (same trigger node and webhookId), its static data kept; the next activation sees it. */
	edit(workflow: WorkflowJson): void {
		this.workflow = workflow;
	}

	/** n8n's WebhookService.createWebhookIfNotExists: checkExists, then create when it answered false. Resolves to whether create ran. */
	async activate(): Promise<boolean> {
		if (await this.runHookMethod('checkExists')) return false;
		await this.runHookMethod('create');
		return true;
	}

	/** n8n's WebhookService.deleteWebhook. */
	async deactivate(): Promise<boolean> {
		return await this.runHookMethod('delete');
	}




	private parts(): { workflow: Workflow; node: INode; description: IWebhookDescription } {
		const workflow = activeWorkflow(this.workflow, this.environment.nodeTypes, this.workflowStaticData);
		const node = triggerNodeOf(workflow, this.options.triggerNode);
		const description = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.webhooks?.[0];
		if (!description) throw new UserError(`Node "${node.name}" has no webhook`);
		// The harness serves static webhook paths only, which is what this package's trigger declares.
		if (typeof description.path !== 'string' || description.path.startsWith('=')) throw new UserError('Only static webhook paths are supported');
		return { workflow, node, description };
	}

	private webhookData(workflow: Workflow, node: INode, description: IWebhookDescription): IWebhookData {
		return {
			httpMethod: 'POST',
			node: node.name,
			path: NodeHelpers.getNodeWebhookPath(workflow.id, node, String(description.path), description.isFullPath === true),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.environment.additionalData,
			webhookId: node.webhookId,
			isTest: this.mode === 'manual',
		};
	}

	// n8n saves the workflow's static data after adding or removing webhooks, without its change marker.
	private save(workflow: Workflow) {
		this.workflowStaticData = JSON.parse(JSON.stringify(workflow.staticData, (key, value: unknown) => (key === '__dataChanged' ? undefined : value))) as IDataObject;
	}

	private async runHookMethod(method: WebhookSetupMethodNames): Promise<boolean> {
		const { workflow, node, description } = this.parts();
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const hook = nodeType.webhookMethods?.[description.name]?.[method];
		if (!hook) throw new UserError(`Node "${node.name}" has no webhookMethods.${description.name}.${method}`);
		const [mode, activation]: [WorkflowExecuteMode, WorkflowActivateMode] = this.mode === 'manual' ? ['manual', 'manual'] : ['trigger', 'activate'];
		const context = new HookContext(workflow, node, this.environment.additionalData, mode, activation, this.webhookData(workflow, node, description));
		try {
			return await hook.call(context);
		} finally {
			this.save(workflow);
		}
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const rawBody = await readBody(request);
		const delivery: ReceivedDelivery = { path: url.pathname, headers: request.headers, rawBody, status: 0, started: false };
		this.deliveries.push(delivery);
		response.once('finish', () => {
			delivery.status = response.statusCode;
		});

		if (request.method !== 'POST' || url.pathname !== this.webhookPath) {
			send(response, 404, { message: `The requested webhook "${request.method} ${url.pathname}" is not registered.` });
			return;
		}
		const { workflow, node, description } = this.parts();
		const additionalData = { ...this.environment.additionalData, httpRequest: asWebhookRequest(request, rawBody, url) as never, httpResponse: response as never };
		const executionMode: WorkflowExecuteMode = this.mode === 'manual' ? 'manual' : 'webhook';
		const context = new WebhookContext(workflow, node, additionalData, executionMode, this.webhookData(workflow, node, description), [], null);
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		let result: IWebhookResponseData;
		try {
			if (!nodeType.webhook) throw new UserError(`Node "${node.name}" has no webhook()`);
			result = await nodeType.webhook.call(context);
		} catch (error) {
			// n8n answers 500 and records a failed execution; the harness keeps the error on the delivery instead.
			delivery.error = error as Error;
			send(response, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}
		// n8n's LiveWebhooks loads the static data for each request and saves it after webhook() answered.
		this.save(workflow);
		// n8n's webhook helpers: a node that returns noWebhookResponse has answered itself; otherwise n8n answers,
		// at once for responseMode 'onReceived', before the run.
		if (result.noWebhookResponse !== true) {
			const answer = result.workflowData === undefined ? (result.webhookResponse ?? { message: 'Webhook call received' }) : { message: 'Workflow was started' };
			send(response, 200, answer);
		}
		if (result.workflowData === undefined) return;
		delivery.started = true;
		const run = runWorkflow({
			workflow: this.workflow,
			mode: executionMode,
			startNode: node.name,
			startData: result.workflowData[0],
			credentials: this.options.credentials,
		}).then((finished) => this.runs.push(finished));
		this.track(run);
	}
}
