import type { WorkerContender } from '../contenders/contender';
import type { N8nContender } from '../contenders/n8n/contender';
import type { BenchN8n } from '../contenders/n8n/server';
import type { TriggerContender } from '../contenders/n8n/trigger';
import type { BenchSandbox } from '../lib/sandboxes';

/** Sizes and timings of a run; `npm run bench` uses DEFAULT_SETTINGS, flags may shrink them for a quick look. */
export interface Settings {
	repetitions: number;
	/** Scenario 1: jobs started per run, at the concurrency a user would set for a batch. */
	jobs: number;
	batchConcurrency: number;
	/** Scenario 2: the concurrencies compared with undici, and jobs per run at each (a run at 1 takes 20 ms × jobs). */
	concurrencies: number[];
	jobsAtConcurrency: Record<number, number>;
	/** Latency the sandbox adds to every request in the main runs, and in the extra run. */
	latencyMs: number;
	extraLatencyMs: number;
	/** Jobs per run at the extra latency, at every concurrency: there a run measures per-job CPU cost, which 1,000 jobs would only multiply. */
	extraLatencyJobs: number;
	/** Scenario 2b: starts in the profiled run; this package's own share is a few percent of them, so it needs many samples. */
	profileJobs: number;
	/** Scenario 1: jobs of the warm-up run whose token requests are "first execution, nothing stored". */
	warmupJobs: number;
	/** Token lifetime in the expiry check, and jobs started there. */
	expiryTtlSeconds: number;
	expiryJobs: number;
	/** Scenario 3: releases and jobs seeded, and the latencies it runs at (its per-page CPU cost shows at 20 ms already). */
	listed: number;
	listingLatenciesMs: number[];
	/** Scenario 4; the one-execution workflow starts at batchConcurrency and waits at waitConcurrency. */
	waitJobs: number;
	waitConcurrency: number;
	timeScale: number;
	pollIntervalSeconds: number;
	minJobSeconds: number;
	maxJobSeconds: number;
	/** Scenario 6: jobs per run, each in its own execution, and their length (real seconds). */
	releaseJobs: number;
	releaseJobSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
	repetitions: 5,
	jobs: 1000,
	batchConcurrency: 16,
	concurrencies: [1, 4, 16],
	jobsAtConcurrency: { 1: 100, 4: 400, 16: 1000 },
	latencyMs: 20,
	extraLatencyMs: 0,
	extraLatencyJobs: 200,
	profileJobs: 1000,
	warmupJobs: 50,
	expiryTtlSeconds: 2,
	expiryJobs: 100,
	listed: 25_000,
	listingLatenciesMs: [20],
	waitJobs: 200,
	waitConcurrency: 64,
	timeScale: 5,
	pollIntervalSeconds: 1,
	minJobSeconds: 1,
	maxJobSeconds: 30,
	releaseJobs: 100,
	releaseJobSeconds: 60,
};

export interface RealN8n {
	server: BenchN8n;
	node: N8nContender;
	httpRequest: N8nContender;
	community: N8nContender;
}

export interface BenchContext {
	settings: Settings;
	log: (message: string) => void;
	undici: WorkerContender;
	embedded: WorkerContender;
	/** Missing when the real n8n could not be set up (the reason is in the results' errors). */
	n8n?: RealN8n;
	/** This package's webhook trigger in the real n8n, when both exist. */
	trigger?: TriggerContender;
	sandboxes: { starts: BenchSandbox; expiry: BenchSandbox; listing: BenchSandbox; waiting: BenchSandbox; release: BenchSandbox };
}
