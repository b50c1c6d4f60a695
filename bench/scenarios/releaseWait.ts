/**
 * Scenario 6: start N jobs of 60 s (job time) in one real n8n, one execution per job, and wait for each with
 * Job Start's Wait for Completion in its two modes: polling inside the running execution, and releasing the
 * execution (n8n keeps it in its database until the job's end resumes it). Requests to Orchestrator per job,
 * the delay from a job's end to its item leaving the node, and the memory the n8n process grew by while the
 * jobs ran. Time is real here (unlike scenario 4): the memory of an execution that waits can only show over a
 * real wait, so the jobs run their 60 s and the polling mode polls at the node's default 5 s.
 */
import { randomUUID } from 'crypto';

import { poll } from '../../test/e2e/http';
import { callWebhook, createActiveWorkflow, createCredential, type WorkflowJson } from '../../test/e2e/workflows';
import { runJobsAsRequested } from '../../test/e2e/scenarios/releaseWait';
import { uiPathApiData } from '../contenders/n8n/contender';
import type { BenchN8n } from '../contenders/n8n/server';
import { NODE_TYPE, startJobParameters } from '../contenders/nodeParameters';
import { sleep } from '../../test/e2e/http';
import { measurePeakMemory, residentMb } from '../lib/memory';
import { tallyRequests } from '../lib/sandboxes';
import { median, percentile, summarize } from '../lib/stats';
import type { Column, Goal, Row, Table } from '../report/model';
import type { BenchContext } from './context';

/** The node version and the Wait Mode values of issue 24. */
const RELEASE_NODE_VERSION = 1.2;
const MODES = { release: 'release', poll: 'poll' } as const;
type Mode = keyof typeof MODES;
const RESULT_NODE = 'Start and wait';
/** The node's default Poll Interval. */
const RELEASE_POLL_INTERVAL_SECONDS = 5;
/** When the memory of the waiting executions is read: late in the wait, after n8n's own settling. */
const MEMORY_READ_AT = 0.9;
/** Issue 24's bound on the resume delay in release mode (its end-to-end check). */
const RELEASE_DELAY_BOUND_MS = 5000;

const COLUMNS: Column[] = [
	{ metric: 'requestsPerJob', title: 'Orchestrator requests per job', digits: 2 },
	{ metric: 'jobReadsPerJob', title: 'GET Jobs(<id>) per job (median)', digits: 1 },
	{ metric: 'delayMedianMs', title: 'delay end → item, median (ms)', digits: 0, range: true },
	{ metric: 'delayP95Ms', title: 'delay, 95th percentile (ms)', digits: 0 },
	{ metric: 'memoryWhileWaitingMb', title: `n8n resident memory at ${MEMORY_READ_AT * 100}% of the jobs' run, above the start (MiB)`, digits: 0, range: true },
	{ metric: 'memoryAtReadMb', title: 'the same, absolute (MiB)', digits: 0 },
	{ metric: 'memoryStartMb', title: 'n8n resident memory at the start (MiB)', digits: 0 },
	{ metric: 'memoryGrowthMb', title: 'n8n peak resident memory during the run, above the start (MiB)', digits: 0 },
	{ metric: 'wallS', title: 'wall time (s)', digits: 1 },
];

interface Execution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ startTime: number; executionTime: number; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

/** Webhook (answers at once) → Job Start with Wait for Completion in the given mode; each call starts one job of `jobSeconds`. */
function releaseWorkflow(context: BenchContext, credential: { id: string; name: string; type: string }, mode: Mode, path: string): WorkflowJson {
	const target = context.sandboxes.release.target;
	const base = startJobParameters(target, { wait: { pollIntervalSeconds: RELEASE_POLL_INTERVAL_SECONDS, timeoutSeconds: 600 } });
	const parameters = {
		...base,
		inputArgumentsMode: 'json',
		inputArguments: "={{ JSON.stringify({ Month: 'bench-' + $json.body.run + '-' + $json.body.n, RunSeconds: $json.body.seconds }) }}",
		options: { ...(base.options as Record<string, unknown>), pollInterval: RELEASE_POLL_INTERVAL_SECONDS, waitMode: MODES[mode] },
	};
	return {
		name: `bench release-wait ${mode} ${path}`,
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ id: randomUUID(), name: RESULT_NODE, type: NODE_TYPE, typeVersion: RELEASE_NODE_VERSION, position: [240, 0], parameters, credentials: { [credential.type]: { id: credential.id, name: credential.name } } },
		],
		connections: { Webhook: { main: [[{ node: RESULT_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function lastExecutionId(n8n: BenchN8n, workflowId: string): Promise<number> {
	const page = await n8n.client.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&limit=1`);
	return Number(page.data[0]?.id ?? 0);
}

/** The workflow's executions newer than `since`, with data, once `expected` of them ended `success` (any other end fails the run). */
async function finishedExecutions(n8n: BenchN8n, workflowId: string, since: number, expected: number, timeoutMs: number): Promise<Execution[]> {
	return await poll(
		`${expected} successful executions`,
		async () => {
			const page = await n8n.client.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
			const newer = page.data.filter((execution) => Number(execution.id) > since);
			const failed = newer.find((execution) => !['success', 'running', 'new', 'waiting'].includes(execution.status));
			if (failed) throw new Error(`execution ${failed.id} ended ${failed.status}`);
			return newer.filter((execution) => execution.status === 'success').length >= expected ? newer : undefined;
		},
		{ timeoutMs, intervalMs: 1000 },
	);
}

async function measureMode(context: BenchContext, n8n: BenchN8n, workflow: { id: string; path: string }, count: number, seconds: number): Promise<Record<string, number>> {
	const { sandbox } = context.sandboxes.release;
	const run = randomUUID().slice(0, 8);
	const since = await lastExecutionId(n8n, workflow.id);
	sandbox.state.clearRequests();
	const startedAt = Date.now();
	const jobMs = (seconds * 1000) / sandbox.state.jobs.timeScale;
	let whileWaitingMb = Number.NaN;
	const { value: executions, memory } = await measurePeakMemory(n8n.pid, async () => {
		await Promise.all(Array.from({ length: count }, async (_, n) => await callWebhook(n8n.client, workflow.path, { run, n, seconds })));
		// Late in the wait: every execution is polling, or parked in the database.
		await sleep(Math.max(0, startedAt + jobMs * MEMORY_READ_AT - Date.now()));
		whileWaitingMb = residentMb(n8n.pid);
		return await finishedExecutions(n8n, workflow.id, since, count, jobMs + 300_000);
	});
	const wallMs = Date.now() - startedAt;
	await sandbox.state.webhooksIdle();
	const tally = tallyRequests(sandbox);
	const delays: number[] = [];
	const reads: number[] = [];
	for (const execution of executions) {
		const last = execution.data?.resultData?.runData?.[RESULT_NODE]?.at(-1);
		const id = Number(last?.data?.main?.[0]?.[0]?.json.Id);
		const job = sandbox.state.store.jobs.get(id);
		if (!last || !job?.EndTime) throw new Error(`execution ${execution.id} has no finished job in its output`);
		if (job.State !== 'Successful') throw new Error(`execution ${execution.id}: job ${id} ended ${job.State}`);
		delays.push(last.startTime + last.executionTime - Date.parse(job.EndTime));
		reads.push(tally.jobReads.get(id) ?? 0);
	}
	return {
		requestsPerJob: tally.orchestrator / count,
		jobReadsPerJob: median(reads),
		delayMedianMs: median(delays),
		delayP95Ms: percentile(delays, 0.95),
		delayMaxMs: Math.max(...delays),
		memoryGrowthMb: Math.max(0, memory.peakMb - memory.startMb),
		memoryWhileWaitingMb: whileWaitingMb - memory.startMb,
		memoryAtReadMb: whileWaitingMb,
		memoryStartMb: memory.startMb,
		memoryPeakMb: memory.peakMb,
		wallS: wallMs / 1000,
	};
}

export async function releaseWait(context: BenchContext): Promise<{ tables: Table[]; goals: Goal[] }> {
	const { settings, log } = context;
	const n8n = context.n8n?.server;
	if (!n8n) {
		return { tables: [], goals: [{ scenario: 6, goal: 'Release mode against polling', met: undefined, measured: 'not measured: the real n8n is missing in this run' }] };
	}
	const target = context.sandboxes.release.target;
	runJobsAsRequested(context.sandboxes.release.sandbox);
	const credential = await createCredential(n8n.client, `bench release-wait ${target.name}`, 'uiPathApi', uiPathApiData(target));
	const workflows = {} as Record<Mode, { id: string; path: string }>;
	for (const mode of Object.keys(MODES) as Mode[]) {
		const path = `bench-release-${mode}-${randomUUID().slice(0, 8)}`;
		workflows[mode] = { id: await createActiveWorkflow(n8n.client, releaseWorkflow(context, credential, mode, path)), path };
	}
	// Warm-up: a few jobs per mode (n8n registers the webhooks, code paths warm up).
	for (const mode of Object.keys(MODES) as Mode[]) {
		await measureMode(context, n8n, workflows[mode], 3, 2);
		log(`warm-up release-wait ${mode}`);
	}
	const samples: Record<Mode, Record<string, number[]>> = { release: {}, poll: {} };
	for (let repetition = 1; repetition <= settings.repetitions; repetition++) {
		for (const mode of ['poll', 'release'] as Mode[]) {
			const metrics = await measureMode(context, n8n, workflows[mode], settings.releaseJobs, settings.releaseJobSeconds);
			for (const [name, value] of Object.entries(metrics)) (samples[mode][name] ??= []).push(value);
			log(`rep ${repetition}/${settings.repetitions} release-wait ${mode} ${metrics.wallS.toFixed(1)} s`);
		}
	}
	const rowOf = (mode: Mode, label: string): Row => ({
		key: `node-n8n ${mode}`,
		contender: 'node-n8n',
		label: 'this node, real n8n',
		variant: label,
		metrics: Object.fromEntries(Object.entries(samples[mode]).map(([name, values]) => [name, summarize(values)])),
		ratios: {},
	});
	const value = (mode: Mode, metric: string) => median(samples[mode][metric] ?? []);
	const tables: Table[] = [
		{
			id: 's6',
			scenario: 6,
			title: `Scenario 6: ${settings.releaseJobs} jobs of ${settings.releaseJobSeconds} s, one execution each, waited for by polling or by releasing the execution`,
			conditions: `${settings.latencyMs} ms latency, real time (jobs run ${settings.releaseJobSeconds} s), poll interval ${RELEASE_POLL_INTERVAL_SECONDS} s (the node's default), ${settings.repetitions} repetitions poll release poll release, medians of per-run values`,
			columns: COLUMNS,
			rows: [rowOf('poll', 'Wait Mode: Poll in This Execution'), rowOf('release', 'Wait Mode: Release the Execution Until the Job Ends')],
			notes: [
				'Requests: every Orchestrator call the sandbox received during the run (StartJobs, job reads, webhook subscription calls), divided by the jobs; token requests are not counted.',
				"Delay: when the job's item left the node (n8n run data: the node's start plus its execution time, after the resume in release mode) minus the job's EndTime in the sandbox.",
				`Memory: the n8n process's resident memory at ${MEMORY_READ_AT * 100}% of the jobs' run (all of them polling or parked), and its peak during the run (kernel high-water mark, reset at the start, so the burst of starts and of resumes counts too), each minus its resident memory at the start.`,
			],
		},
	];
	const goals: Goal[] = [
		{
			scenario: 6,
			goal: 'Release mode: fewer Orchestrator requests per job than polling',
			met: value('release', 'requestsPerJob') < value('poll', 'requestsPerJob'),
			measured: `release ${value('release', 'requestsPerJob').toFixed(2)}, polling ${value('poll', 'requestsPerJob').toFixed(2)} requests per job`,
		},
		{
			scenario: 6,
			goal: `Release mode: resume delay p95 within ${RELEASE_DELAY_BOUND_MS / 1000} s of the job's end`,
			met: value('release', 'delayP95Ms') <= RELEASE_DELAY_BOUND_MS,
			measured: `release median ${value('release', 'delayMedianMs').toFixed(0)} ms, p95 ${value('release', 'delayP95Ms').toFixed(0)} ms; polling median ${value('poll', 'delayMedianMs').toFixed(0)} ms, p95 ${value('poll', 'delayP95Ms').toFixed(0)} ms`,
		},
		{
			scenario: 6,
			goal: 'Release mode: the n8n process holds less memory while the jobs run than when polling',
			met: value('release', 'memoryWhileWaitingMb') < value('poll', 'memoryWhileWaitingMb'),
			measured: `at ${MEMORY_READ_AT * 100}% of the jobs' run: release ${value('release', 'memoryWhileWaitingMb').toFixed(0)} MiB, polling ${value('poll', 'memoryWhileWaitingMb').toFixed(0)} MiB above the start (${value('release', 'memoryAtReadMb').toFixed(0)} / ${value('poll', 'memoryAtReadMb').toFixed(0)} MiB resident); peak growth ${value('release', 'memoryGrowthMb').toFixed(0)} / ${value('poll', 'memoryGrowthMb').toFixed(0)} MiB`,
		},
	];
	return { tables, goals };
}
