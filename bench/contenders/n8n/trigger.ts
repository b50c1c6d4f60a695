import { randomUUID } from 'crypto';

import { TRIGGER_NODE } from '../../../test/e2e/loadedTypes';
import { poll } from '../../../test/e2e/http';
import { createCredential, type CredentialRef } from '../../../test/e2e/workflows';
import type { Sandbox } from '../../../sandbox';
import type { Contender } from '../contender';
import type { Target, Task, TaskResult } from '../tasks';
import { uiPathApiData } from './contender';
import type { BenchN8n } from './server';

interface TriggerExecution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ startTime: number; executionTime: number; data?: { main?: Array<Array<{ json: { Job?: { Id?: number } } }>> } }>> } };
}

const TRIGGER_NAME = 'Job finished';

/**
 * This package's webhook trigger in the real n8n: while the run lasts, a workflow with the trigger
 * (job.completed of the process, in the folder) is active, so Orchestrator pushes each finished job to n8n.
 * The jobs themselves are started by `starter` (raw undici, not measured here).
 */
export class TriggerContender implements Contender {
	readonly id = 'trigger-n8n';
	readonly label = 'this package\'s webhook trigger, real n8n';
	private workflow: { id: string } | undefined;
	private credential: CredentialRef | undefined;

	constructor(
		private readonly n8n: BenchN8n,
		private readonly target: Target,
		private readonly sandbox: Sandbox,
		private readonly starter: Contender,
	) {}

	pid(): number {
		return this.n8n.pid;
	}

	unsupported(task: Task): string | undefined {
		if (task.kind !== 'wait') return 'a trigger only reports finished jobs';
		if (task.mode !== 'executionPerJob') return 'one execution per finished job by nature';
		return undefined;
	}

	private async workflowId(): Promise<string> {
		this.credential ??= await createCredential(this.n8n.client, `bench trigger ${this.target.name}`, 'uiPathApi', uiPathApiData(this.target));
		if (!this.workflow) {
			const credential = this.credential;
			const created = await this.n8n.client.api<{ id: string }>('POST', '/workflows', {
				name: 'bench webhook trigger',
				nodes: [
					{
						id: randomUUID(),
						name: TRIGGER_NAME,
						type: TRIGGER_NODE,
						typeVersion: 1,
						position: [0, 0],
						webhookId: randomUUID(),
						parameters: {
							authentication: 'uiPathApi',
							events: ['job.completed'],
							folder: { __rl: true, mode: 'path', value: this.target.folderPath },
							processName: this.target.releaseName,
						},
						credentials: { uiPathApi: { id: credential.id, name: credential.name } },
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
			});
			this.workflow = { id: created.id };
		}
		return this.workflow.id;
	}

	async run(task: Task): Promise<TaskResult> {
		if (task.kind !== 'wait') throw new Error('the trigger only waits');
		const workflowId = await this.workflowId();
		const since = await this.lastExecutionId(workflowId);
		await this.n8n.client.api('POST', `/workflows/${workflowId}/activate`, {});
		try {
			await poll('the trigger\'s webhook subscription', async () => (this.sandbox.state.store.webhooks.size > 0 ? true : undefined), { timeoutMs: 15_000, intervalMs: 100 });
			await this.starter.run({ kind: 'startJobs', target: task.target, count: task.count, concurrency: 16 });
			const executions = await this.executionsAfter(workflowId, since, task.count);
			const outputAt: Record<string, number> = {};
			for (const execution of executions) {
				const run = execution.data?.resultData?.runData?.[TRIGGER_NAME]?.at(-1);
				const id = run?.data?.main?.[0]?.[0]?.json.Job?.Id;
				if (run && id !== undefined) outputAt[String(id)] = run.startTime + run.executionTime;
			}
			return { items: Object.keys(outputAt).length, outputAt };
		} finally {
			await this.n8n.client.api('POST', `/workflows/${workflowId}/deactivate`, {});
		}
	}

	private async lastExecutionId(workflowId: string): Promise<number> {
		const page = await this.n8n.client.api<{ data: TriggerExecution[] }>('GET', `/executions?workflowId=${workflowId}&limit=1`);
		return Number(page.data[0]?.id ?? 0);
	}

	private async executionsAfter(workflowId: string, since: number, expected: number): Promise<TriggerExecution[]> {
		return await poll(
			`${expected} trigger executions`,
			async () => {
				const found: TriggerExecution[] = [];
				let cursor: string | undefined;
				do {
					const page = await this.n8n.client.api<{ data: TriggerExecution[]; nextCursor?: string | null }>(
						'GET',
						`/executions?workflowId=${workflowId}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
					);
					const newer = page.data.filter((execution) => Number(execution.id) > since);
					found.push(...newer);
					cursor = newer.length === page.data.length && page.nextCursor ? page.nextCursor : undefined;
				} while (cursor);
				return found.filter((execution) => execution.status === 'success').length >= expected ? found : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 500 },
		);
	}
}
