/**
 * A worker that dies right after StartJobs never makes a robot run twice (issue 22, docs/crash-safety.md).
 * The sandbox holds each execution's first request after StartJobs was answered (the start-and-wait's first
 * poll of its job), so the workers running them are SIGKILLed at exactly that point. Then three endings:
 * - re-run: the dead worker's Bull jobs go back to the queue as Bull does when maxStalledCount ≥ 1 (n8n 1.x's
 *   default of QUEUE_WORKER_MAX_STALLED_COUNT; n8n 2.x forces 0), run by Bull's own moveStalledJobsToWait
 *   once their lock expired; replacement workers run the same executions again;
 * - n8n 2.x defaults, and QUEUE_WORKER_MAX_STALLED_COUNT=1: replacement workers, nothing else; what n8n does.
 */
import { join } from 'path';

import { poll, type HttpResponse } from '../http';
import { describe as describeError, expect, type Report } from '../report';
import { N8N_CACHE_DIR } from '../paths';
import { checkInvoiceAnswer, createChainedWorkflow, newInvoice, type Invoice } from '../scenarios/webhookStartJob';
import { callWebhook, type CredentialRef } from '../workflows';
import { killWorker, WORKER_COUNT, type QueueWorker } from './cluster';
import { bullJobsOf, executionsByWorker, executionStatuses } from './executions';
import { executionErrors, type QueueRun } from './webhookLoad';

export const CRASH_EXECUTIONS = 20;
/** `npm run e2e -- --queue --crash-all`: also the QUEUE_WORKER_MAX_STALLED_COUNT=1 ending. */
const CRASH_ALL = process.argv.includes('--crash-all');
/** The start-and-wait's first request after StartJobs: its first poll of the job. */
const JOB_POLL = /\/odata\/Jobs\(\d+\)$/;
/** The derived Reference names its execution: n8n-<execution id>-<item>-<run>-<hash>. */
const REFERENCE_EXECUTION = /^n8n-(\d+)-\d+-\d+-[0-9a-f]{32}$/;
/** n8n's Bull queue (n8n 2.41.1 scaling/queue-name.js, prefix `bull`). */
const BULL_QUEUE = 'jobs';

type Ending = 'rerun' | 'defaults' | 'maxStalledCount1';

interface Crash {
	/** Execution id → the job its first run started and that job's Reference. */
	started: Map<string, { jobId: number; reference: string }>;
	calls: Array<Promise<{ invoice: Invoice; response?: HttpResponse; error?: string }>>;
	killed: QueueWorker[];
	killedAt: number;
}

/** Fires CRASH_EXECUTIONS webhook calls, waits until each execution's first poll after StartJobs is held, and SIGKILLs the workers holding them. */
async function crashRightAfterStart(run: QueueRun, path: string, alive: QueueWorker[]): Promise<Crash> {
	const { sandbox } = run.context;
	const since = Date.now();
	sandbox.state.faults = [{ method: 'GET', path: JOB_POLL, hold: true, times: CRASH_EXECUTIONS }];
	const calls = Array.from({ length: CRASH_EXECUTIONS }, async () => {
		const invoice = newInvoice();
		try {
			// Until n8n registered the new workflow's webhook it answers 404 and starts nothing.
			return { invoice, response: await callWebhook(run.context.client, path, invoice, 420_000) };
		} catch (error) {
			return { invoice, error: describeError(error) };
		}
	});
	try {
		const held = await poll(
			`${CRASH_EXECUTIONS} executions held right after StartJobs`,
			async () => {
				const found = sandbox.state.requests.filter((request) => request.receivedAt >= since && request.outcome === 'held');
				return found.length >= CRASH_EXECUTIONS ? found : undefined;
			},
			{ timeoutMs: 180_000, intervalMs: 100 },
		);
		const started = new Map<string, { jobId: number; reference: string }>();
		for (const request of held) {
			const jobId = Number(/Jobs\((\d+)\)$/.exec(request.path)?.[1]);
			const reference = String(sandbox.state.store.jobs.get(jobId)?.Reference ?? '');
			const executionId = REFERENCE_EXECUTION.exec(reference)?.[1];
			expect(executionId, `held job ${jobId} has Reference "${reference}", not one derived from an execution`);
			started.set(executionId, { jobId, reference });
		}
		const byWorker = await executionsByWorker(alive);
		const killed = alive.filter((worker) => (byWorker.get(worker.name) ?? []).some((id) => started.has(id)));
		await Promise.all(killed.map(async (worker) => await killWorker(worker)));
		return { started, calls, killed, killedAt: Date.now() };
	} finally {
		sandbox.state.faults = [];
	}
}

/**
 * What Bull does to a dead worker's jobs with maxStalledCount 1, with Bull's own script: once their lock expired
 * (lockDuration after the last renewal), one check marks them, the next moves them back to the wait list.
 */
async function requeueAsMaxStalledCountOne(run: QueueRun, bullJobIds: string[]): Promise<void> {
	// Bull ships with n8n (its queue library), not with this package.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Bull = require(join(N8N_CACHE_DIR, 'node_modules', 'bull')) as new (name: string, options: object) => BullQueue;
	const queue = new Bull(BULL_QUEUE, { prefix: 'bull', redis: { host: '127.0.0.1', port: run.services.redis.port }, settings: { maxStalledCount: 1 } });
	try {
		await queue.isReady();
		await poll(
			'the dead workers\' Bull locks to expire',
			async () => {
				const locked = await Promise.all(bullJobIds.map(async (id) => await queue.client.exists(`bull:${BULL_QUEUE}:${id}:lock`)));
				return locked.every((exists) => exists === 0) ? true : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 500 },
		);
		for (let check = 0; check < 2; check++) {
			// The stalled check runs at most once per stalledInterval across processes; this is the next one.
			await queue.client.del(`bull:${BULL_QUEUE}:stalled-check`);
			await queue.moveUnlockedJobsToWait();
		}
		const waiting = new Set(await queue.client.lrange(`bull:${BULL_QUEUE}:wait`, 0, -1));
		const missing = bullJobIds.filter((id) => !waiting.has(id));
		expect(missing.length === 0, `Bull did not move jobs ${missing.join(', ')} back to wait`);
	} finally {
		await queue.close();
	}
}

interface BullQueue {
	isReady(): Promise<unknown>;
	moveUnlockedJobsToWait(): Promise<unknown>;
	close(): Promise<void>;
	client: { exists(key: string): Promise<number>; del(key: string): Promise<number>; lrange(key: string, start: number, stop: number): Promise<string[]> };
}

/** Jobs the sandbox ran for this invoice, whatever their Reference: the robot runs the invoice once or it is a defect. */
function robotsFor(run: QueueRun, invoice: Invoice): number {
	return [...run.context.sandbox.state.store.jobs.values()].filter((job) => job.InputArguments?.includes(`"${invoice.InvoiceNumber}"`)).length;
}

/** What a user's Retry of a crashed execution does (a new execution, mode retry): n8n's answer, the new execution's end and the robots after it. */
async function userRetry(run: QueueRun, executionId: string, answers: Array<{ invoice: Invoice }>): Promise<string> {
	const { client } = run.context;
	const url = `${client.server.baseUrl}/rest/executions/${executionId}/retry`;
	// n8n 2.41.1 in queue mode was seen to keep this answer open after the retry had run: the database says what happened.
	const answer = await client.http.request(url, { body: { loadWorkflow: false }, timeoutMs: 30_000 }).then(
		(response) => `HTTP ${response.status}`,
		(error: unknown) => `no answer (${describeError(error)})`,
	);
	const retried = await poll(
		`the retry of execution ${executionId} to end`,
		async () => {
			const rows = await run.services.postgres.psql(`select id, status from execution_entity where "retryOf" = '${executionId}'`);
			const [id, status] = rows.trim().split('|');
			return id && !['new', 'running'].includes(status) ? `#${id} ${status}` : undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 1000 },
	).catch((error: unknown) => describeError(error));
	// Which invoice the crashed execution had is not known here: count every invoice's robots.
	const twice = answers.filter((entry) => robotsFor(run, entry.invoice) > 1).length;
	return `a user's Retry of #${executionId}: ${answer}, new execution ${retried}, invoices with a second robot after it: ${twice}`;
}

/** One crash of CRASH_EXECUTIONS executions and its ending; returns the measured line, failing on a robot started twice (or, for a re-run, on anything but success). */
export async function crashSafety(run: QueueRun, credential: CredentialRef, ending: Ending): Promise<string> {
	const { context, cluster, services } = run;
	const { workflowId, path } = await createChainedWorkflow(context, credential, `queue mode crash, ${ending}`);
	const alive = () => cluster.workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
	const crash = await crashRightAfterStart(run, path, alive());
	const ids = [...crash.started.keys()];
	const bullJobs = await bullJobsOf(crash.killed);
	if (ending === 'rerun') await requeueAsMaxStalledCountOne(run, ids.map((id) => String(bullJobs.get(id))));
	const env = ending === 'maxStalledCount1' ? { QUEUE_WORKER_MAX_STALLED_COUNT: '1' } : {};
	const replacements = await Promise.all(Array.from({ length: Math.max(0, WORKER_COUNT - alive().length) }, async () => await cluster.addWorker(env)));

	const statuses = await poll(
		`the ${CRASH_EXECUTIONS} crashed executions to end`,
		async () => {
			const found = await executionStatuses(services, workflowId);
			return ids.every((id) => found.has(id) && !['new', 'running'].includes(String(found.get(id)))) ? found : undefined;
		},
		{ timeoutMs: 300_000, intervalMs: 1000 },
	);
	const endedAfter = Math.round((Date.now() - crash.killedAt) / 1000);
	const answers = await Promise.all(crash.calls);

	const twice = answers.filter((answer) => robotsFor(run, answer.invoice) !== 1).map((answer) => answer.invoice.InvoiceNumber);
	const byStatus = new Map<string, string[]>();
	for (const id of ids) byStatus.set(String(statuses.get(id)), [...(byStatus.get(String(statuses.get(id))) ?? []), id]);
	const counts = [...byStatus].map(([status, list]) => `${list.length} ${status}`).join(', ');
	const rerunBy = await executionsByWorker(replacements);
	const ranAgain = ids.filter((id) => replacements.some((worker) => (rerunBy.get(worker.name) ?? []).includes(id)));
	const failed = ids.filter((id) => statuses.get(id) !== 'success');
	const errors = failed.length > 0 ? await executionErrors(run, failed.slice(0, 1)) : [];
	const answered = answers.filter((answer) => answer.response?.status === 200).length;
	const answerStatuses = new Map<string, number>();
	for (const answer of answers) {
		const status = answer.response ? `HTTP ${answer.response.status}` : 'no answer';
		answerStatuses.set(status, (answerStatuses.get(status) ?? 0) + 1);
	}
	const line =
		`${CRASH_EXECUTIONS} executions, ${crash.killed.length} workers SIGKILLed right after StartJobs; ` +
		`robots started once: ${CRASH_EXECUTIONS - twice.length} of ${CRASH_EXECUTIONS}; executions ${counts} ${endedAfter} s after the kill; ` +
		`${ranAgain.length} run again on a replacement worker; ${answered} webhook callers got the robot's output ` +
		`(${[...answerStatuses].map(([status, count]) => `${count} × ${status}`).join(', ')})` +
		(errors.length > 0 ? `; n8n's error: ${errors[0]}` : '') +
		(ending === 'defaults' && failed.length > 0 ? `; ${await userRetry(run, failed[0], answers)}` : '');

	expect(twice.length === 0, `robots started more than once for invoices ${twice.join(', ')} [${line}]`);
	if (ending === 'rerun') {
		expect(failed.length === 0 && ranAgain.length === CRASH_EXECUTIONS, `not every execution ended successful on another worker [${line}]`);
		for (const answer of answers) {
			expect(answer.response, `a webhook call failed: ${answer.error}`);
			const jobId = checkInvoiceAnswer(context, answer.response, answer.invoice);
			expect([...crash.started.values()].some((started) => started.jobId === jobId), `a re-run answered with job ${jobId}, not the job its first run started`);
		}
	}
	return line;
}

/** The three endings of the crash, each its own check (run.ts calls this once). */
export async function crashScenarios(report: Report, run: QueueRun, credential: CredentialRef): Promise<void> {
	const crash = `${CRASH_EXECUTIONS} × worker SIGKILLed right after StartJobs`;
	await report.check(`queue: ${crash}, re-run on another worker (Bull's maxStalledCount 1, n8n 1.x) → each robot started once, every execution successful`, async () => await crashSafety(run, credential, 'rerun'));
	await report.check(`queue: ${crash}, n8n 2.x defaults → each robot started once (measured)`, async () => await crashSafety(run, credential, 'defaults'));
	// n8n 2.x ignores the variable (measured: the same ending as the defaults, docs/crash-safety.md); ~100 s more, so on request.
	if (CRASH_ALL) await report.check(`queue: ${crash}, QUEUE_WORKER_MAX_STALLED_COUNT=1 → each robot started once (measured)`, async () => await crashSafety(run, credential, 'maxStalledCount1'));
	else report.skip(`queue: ${crash}, QUEUE_WORKER_MAX_STALLED_COUNT=1`, 'n8n 2.x ignores it (docs/crash-safety.md); npm run e2e -- --queue --crash-all runs it');
}
