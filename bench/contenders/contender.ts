import { join } from 'path';

import { WorkerProcess } from '../lib/worker';
import type { Target, Task, TaskResult } from './tasks';

/** Something that does a task the way a user of it would: this node, the alternatives, the physical limit. */
export interface Contender {
	id: string;
	label: string;
	/** The process whose memory is measured. */
	pid(): number;
	/** Why this contender cannot do the task (shown in the table), or undefined when it can. */
	unsupported(task: Task): string | undefined;
	run(task: Task): Promise<TaskResult>;
	/** Waits until work the run left behind (saving the execution) is done, so it does not load the next run. */
	settle?(): Promise<void>;
}

type TaskWorkerApi = {
	configure: (targets: Target[]) => Promise<{ concurrencyParameter?: string | null }>;
	run: (task: Task) => Promise<TaskResult>;
};

/** A contender living in a worker process under bench/workers. */
export class WorkerContender implements Contender {
	private constructor(
		readonly id: string,
		readonly label: string,
		private readonly worker: WorkerProcess<TaskWorkerApi>,
		private readonly unsupportedBy: (task: Task) => string | undefined,
	) {}

	static async start(
		id: string,
		label: string,
		workerFile: string,
		targets: Target[],
		unsupported: (task: Task, configured: { concurrencyParameter?: string | null }) => string | undefined = () => undefined,
	): Promise<WorkerContender> {
		const worker = await WorkerProcess.start<TaskWorkerApi>(id, join(__dirname, '..', 'workers', workerFile));
		const configured = await worker.call('configure', targets);
		return new WorkerContender(id, label, worker, (task) => unsupported(task, configured));
	}

	pid(): number {
		return this.worker.pid;
	}

	unsupported(task: Task): string | undefined {
		return this.unsupportedBy(task);
	}

	async run(task: Task): Promise<TaskResult> {
		return await this.worker.call('run', task);
	}

	async close(): Promise<void> {
		await this.worker.close();
	}
}

/** The physical limit: raw undici in its own process. */
export async function startUndiciContender(targets: Target[]): Promise<WorkerContender> {
	return await WorkerContender.start('undici', 'raw HTTP (undici pool)', 'undici.ts', targets);
}

/** This node through n8n-core's WorkflowExecute in its own process. */
export async function startEmbeddedContender(targets: Target[]): Promise<WorkerContender> {
	return await WorkerContender.start('node-embedded', 'this node, n8n-core runner', 'embedded.ts', targets, (task, configured) =>
		task.kind === 'startJobs' && task.concurrency !== 1 && !configured.concurrencyParameter
			? 'the node has no concurrency setting; it starts one item after the other'
			: undefined,
	);
}
