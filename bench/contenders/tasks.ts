/** One sandbox a contender talks to, with everything needed to sign in and to name the process it starts. */
export interface Target {
	name: string;
	baseUrl: string;
	orchestratorUrl: string;
	tokenUrl: string;
	organization: string;
	tenant: string;
	clientId: string;
	clientSecret: string;
	scope: string;
	folderPath: string;
	folderId: number;
	/** The process every start of this target runs. */
	releaseKey: string;
	releaseName: string;
}

export type ListedEntity = 'releases' | 'jobs';

/** Scenario 4: all jobs in one execution (one item each), or one execution per job started side by side. */
export type WaitMode = 'oneExecution' | 'executionPerJob';

export type Task =
	/** batchIntervalMs: the HTTP Request node's Batching interval, for the runs that pace it (it has no bound). */
	| { kind: 'startJobs'; target: string; count: number; concurrency: number; batchIntervalMs?: number }
	| { kind: 'list'; target: string; entity: ListedEntity }
	/** startConcurrency/waitConcurrency: the node's Concurrency in the one-execution workflow (Start → Wait). */
	| { kind: 'wait'; target: string; count: number; mode: WaitMode; pollIntervalSeconds: number; startConcurrency?: number; waitConcurrency?: number };

export interface TaskResult {
	/** Items the contender's last node output (started jobs, listed entities, finished jobs). */
	items: number;
	/** Scenario 4: when each job's item left the node, epoch ms, by job Id. */
	outputAt?: Record<string, number>;
	/** Embedded runner only: how often n8n's credentials helper loaded the stored credential (a database read in n8n). */
	credentialLoads?: number;
}

/** Items given to the first node: `{ n }` for n = 0..count-1. */
export function numberedItems(count: number): Array<{ n: number }> {
	return Array.from({ length: count }, (_, n) => ({ n }));
}

/** The input arguments each started job gets, the same for every contender. */
export function inputArgumentsOf(n: number): string {
	return JSON.stringify({ InvoiceId: `INV-${n}` });
}
