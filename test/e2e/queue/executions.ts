import { readFile } from 'fs/promises';

import type { QueueWorker } from './cluster';
import type { QueueServices } from './services';

/** Executions of a workflow by status, read from n8n's database (execution_entity). */
export async function executionStatuses(services: QueueServices, workflowId: string): Promise<Map<string, string>> {
	if (!/^[A-Za-z0-9]+$/.test(workflowId)) throw new Error(`unexpected workflow id ${workflowId}`);
	const rows = await services.postgres.psql(`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`);
	return new Map(
		rows
			.split('\n')
			.filter((row) => row.includes('|'))
			.map((row) => row.split('|') as [string, string]),
	);
}

/**
 * Which worker ran which execution: n8n keeps no worker in the database, but each worker logs
 * "Worker started execution <id> (job <n>)" (n8n 2.41.1, scaling/job-processor.js).
 */
export async function executionsByWorker(workers: QueueWorker[]): Promise<Map<string, string[]>> {
	const byWorker = new Map<string, string[]>();
	for (const worker of workers) {
		const log = await readFile(worker.logFile, 'utf8');
		byWorker.set(worker.name, [...log.matchAll(/Worker started execution (\d+) \(job/g)].map((match) => match[1]));
	}
	return byWorker;
}

/** The Bull job each execution ran as on these workers (the same log line), by execution id. */
export async function bullJobsOf(workers: QueueWorker[]): Promise<Map<string, string>> {
	const jobs = new Map<string, string>();
	for (const worker of workers) {
		const log = await readFile(worker.logFile, 'utf8');
		for (const match of log.matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)) jobs.set(match[1], match[2]);
	}
	return jobs;
}
