import { randomUUID } from 'crypto';

import { poll } from '../../../test/e2e/http';
import { callWebhook, createActiveWorkflow, createCredential, type CredentialRef } from '../../../test/e2e/workflows';
import type { Contender } from '../contender';
import { findConcurrencyParameter } from '../nodeParameters';
import { numberedItems, type Target, type Task, type TaskResult } from '../tasks';
import { COMMUNITY_CREDENTIAL_TYPE } from './community';
import type { BenchN8n } from './server';
import { RESULT_NODE, taskWorkflow, type N8nContenderKind } from './workflows';

const LABELS: Record<N8nContenderKind, string> = {
	node: 'this node, real n8n',
	httpRequest: 'HTTP Request node + uiPathApi, real n8n',
	community: 'n8n-nodes-uipath-orchestrator 1.9.0, real n8n',
};

/** This package's uiPathApi credential with client credentials against the sandbox. */
export function uiPathApiData(target: Target): Record<string, unknown> {
	return {
		authType: 'clientCredentials',
		identityPreset: 'automationCloud',
		baseUrl: target.baseUrl,
		organization: target.organization,
		tenant: target.tenant,
		clientId: target.clientId,
		clientSecret: target.clientSecret,
		scope: target.scope,
	};
}

/**
 * The community package's credential pointed at the sandbox: its "On-Premise" mode is the one that takes a
 * full API base URL and token URL (its cloud mode always builds https://<host>/...). The folder goes in the
 * credential's Organization Unit ID, which the package sends as X-UIPATH-OrganizationUnitId.
 */
function communityCredentialData(target: Target): Record<string, unknown> {
	return {
		authMode: 'onPrem',
		serverUrl: target.baseUrl,
		apiBaseUrl: target.orchestratorUrl,
		oauthTokenUrl: target.tokenUrl,
		clientId: target.clientId,
		clientSecret: target.clientSecret,
		scopes: target.scope,
		organizationUnitId: String(target.folderId),
		folderName: '',
		ignoreSsl: false,
	};
}

interface ExecutionRecord {
	id: string;
	status: string;
	data?: {
		resultData?: {
			runData?: Record<string, Array<{ startTime: number; executionTime: number; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
}

/** A contender whose nodes run in the real n8n, each task through an active webhook workflow. */
export class N8nContender implements Contender {
	readonly id: string;
	readonly label: string;
	private readonly credentials = new Map<string, CredentialRef>();
	private readonly workflows = new Map<string, { id: string; path: string }>();
	/** The last run's workflow and the execution id before it, until `settle` saw its execution saved. */
	private unsettled: { workflowId: string; since: number } | undefined;

	constructor(
		private readonly n8n: BenchN8n,
		readonly kind: N8nContenderKind,
		private readonly targets: Target[],
	) {
		this.id = `${kind === 'node' ? 'node' : kind}-n8n`;
		this.label = LABELS[kind];
	}

	pid(): number {
		return this.n8n.pid;
	}

	unsupported(task: Task): string | undefined {
		if (task.kind === 'startJobs' && this.kind === 'httpRequest' && task.concurrency < task.count && task.batchIntervalMs === undefined) {
			return 'sends every item at once unless its Batching option paces it';
		}
		if (task.kind === 'startJobs' && task.concurrency !== 1 && this.kind === 'community') return 'no concurrency setting';
		if (task.kind === 'startJobs' && task.concurrency !== 1 && this.kind === 'node' && !findConcurrencyParameter()) {
			return 'the node has no concurrency setting; it starts one item after the other';
		}
		if (task.kind === 'wait' && this.kind !== 'node') return this.kind === 'community' ? 'has no wait operation' : 'has no way to wait for a job';
		if (task.kind === 'list' && this.kind === 'community' && task.entity === 'jobs') return 'Jobs → Get All has no Return All (one page of take/skip)';
		return undefined;
	}

	private target(name: string): Target {
		const target = this.targets.find((candidate) => candidate.name === name);
		if (!target) throw new Error(`no target named ${name}`);
		return target;
	}

	private async credentialFor(target: Target): Promise<CredentialRef> {
		let credential = this.credentials.get(target.name);
		if (!credential) {
			const name = `bench ${this.id} ${target.name}`;
			credential =
				this.kind === 'community'
					? await createCredential(this.n8n.client, name, COMMUNITY_CREDENTIAL_TYPE, communityCredentialData(target))
					: await createCredential(this.n8n.client, name, 'uiPathApi', uiPathApiData(target));
			this.credentials.set(target.name, credential);
		}
		return credential;
	}

	/** One active workflow per task shape (the item count comes with each call). */
	private async workflowFor(task: Task): Promise<{ id: string; path: string }> {
		const { count: _count, ...shape } = task as Task & { count?: number };
		const key = JSON.stringify(shape);
		let workflow = this.workflows.get(key);
		if (!workflow) {
			const target = this.target(task.target);
			const path = `bench-${randomUUID().slice(0, 8)}`;
			const id = await createActiveWorkflow(this.n8n.client, taskWorkflow(this.kind, task, target, await this.credentialFor(target), path));
			workflow = { id, path };
			this.workflows.set(key, workflow);
		}
		return workflow;
	}

	/** Creates and activates the task's workflow ahead of time (not measured). */
	async prepare(task: Task): Promise<void> {
		await this.workflowFor(task);
	}

	private async call(path: string, items: Array<{ n: number }>): Promise<number> {
		const response = await callWebhook(this.n8n.client, path, { items }, 900_000);
		if (response.status !== 200) throw new Error(`${this.label}: webhook answered ${response.status}: ${response.text.slice(0, 400)}`);
		const answer = response.json as { count_Id?: number } | undefined;
		return answer?.count_Id ?? 0;
	}

	async run(task: Task): Promise<TaskResult> {
		const workflow = await this.workflowFor(task);
		const since = await this.lastExecutionId(workflow.id);
		if (task.kind === 'startJobs' || task.kind === 'list') {
			const items = await this.call(workflow.path, numberedItems(task.kind === 'list' ? 1 : task.count));
			this.unsettled = { workflowId: workflow.id, since };
			return { items };
		}
		const items = task.mode === 'oneExecution' ? [numberedItems(task.count)] : numberedItems(task.count).map((item) => [item]);
		await Promise.all(items.map(async (batch) => await this.call(workflow.path, batch)));
		const executions = task.mode === 'oneExecution' ? 1 : task.count;
		const outputAt: Record<string, number> = {};
		for (const execution of await this.executionsAfter(workflow.id, since, executions, true)) {
			const run = execution.data?.resultData?.runData?.[RESULT_NODE]?.at(-1);
			if (!run) throw new Error(`execution ${execution.id} has no run of ${RESULT_NODE}`);
			for (const item of run.data?.main?.[0] ?? []) outputAt[String(item.json.Id)] = run.startTime + run.executionTime;
		}
		return { items: Object.keys(outputAt).length, outputAt };
	}

	/** n8n answers the webhook before it has saved the execution: wait for the save (without reading its data). */
	async settle(): Promise<void> {
		if (!this.unsettled) return;
		const { workflowId, since } = this.unsettled;
		this.unsettled = undefined;
		await this.executionsAfter(workflowId, since, 1, false, 100);
	}

	private async lastExecutionId(workflowId: string): Promise<number> {
		const page = await this.n8n.client.api<{ data: ExecutionRecord[] }>('GET', `/executions?workflowId=${workflowId}&limit=1`);
		return Number(page.data[0]?.id ?? 0);
	}

	/** The workflow's executions newer than `since`, with data, once `expected` of them are saved. */
	private async executionsAfter(workflowId: string, since: number, expected: number, includeData: boolean, intervalMs = 500): Promise<ExecutionRecord[]> {
		return await poll(
			`${expected} saved executions`,
			async () => {
				const found: ExecutionRecord[] = [];
				let cursor: string | undefined;
				do {
					const query = `workflowId=${workflowId}&includeData=${includeData}&limit=250${cursor ? `&cursor=${cursor}` : ''}`;
					const page = await this.n8n.client.api<{ data: ExecutionRecord[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
					const newer = page.data.filter((execution) => Number(execution.id) > since);
					found.push(...newer);
					cursor = newer.length === page.data.length && page.nextCursor ? page.nextCursor : undefined;
				} while (cursor);
				const failed = found.find((execution) => execution.status !== 'success' && execution.status !== 'running' && execution.status !== 'new');
				if (failed) throw new Error(`execution ${failed.id} ended ${failed.status}`);
				return found.filter((execution) => execution.status === 'success').length >= expected ? found : undefined;
			},
			{ timeoutMs: 60_000, intervalMs },
		);
	}
}
