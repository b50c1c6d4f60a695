/**
 * Scenario 4: start N jobs of 1–30 s (job time) and wait for all: status requests per job and the delay from
 * a job's end to its item leaving the node, by polling (this node, raw undici) and by the webhook trigger.
 *
 * Time is compressed: the sandbox runs jobs `timeScale` times faster and the bench ends each job at its
 * planned duration; the node polls at its smallest interval (1 s real). With timeScale 5, a 1–30 s job takes
 * 0.2–6 s and the 1 s poll interval stands for 5 s of job time, the node's default: polls per job are those
 * of real 1–30 s jobs at the default interval. Delays are measured in real milliseconds against job EndTime
 * (the sandbox's clock, the same machine clock as n8n's run data) and compared with the real poll interval.
 */
import type { Sandbox } from '../../sandbox';
import type { Contender } from '../contenders/contender';
import type { Task, WaitMode } from '../contenders/tasks';
import { interleave, measureRun, table, type Entry, type Metrics } from '../lib/measure';
import { median, percentile } from '../lib/stats';
import type { Column, Goal, Table } from '../report/model';
import type { BenchContext } from './context';

const COLUMNS: Column[] = [
	{ metric: 'pollsPerJob', title: 'status requests per job (median)', digits: 1 },
	{ metric: 'pollsMax', title: 'status requests, most for one job', digits: 0 },
	{ metric: 'delayMedianMs', title: 'delay end → item, median (ms)', digits: 0, ratio: true, range: true },
	{ metric: 'delayP95Ms', title: 'delay, 95th percentile (ms)', digits: 0 },
	{ metric: 'delayMaxMs', title: 'delay, max (ms)', digits: 0 },
	{ metric: 'delayP95PerInterval', title: 'p95 delay / poll interval', digits: 2 },
	{ metric: 'wallS', title: 'wall time (s)', digits: 1 },
];

/** Spreads durations evenly over [min, max] in a fixed order (golden-ratio sequence), the same every run. */
export function plannedJobSeconds(index: number, min: number, max: number): number {
	const fraction = (index * 0.6180339887498949) % 1;
	return min + (max - min) * fraction;
}

/** Plays the robots' clock: every job that appears is ended at its planned duration after its creation. */
class JobClock {
	private lastId: number;
	private knownJobs: number;
	private index = 0;
	private readonly scanner: NodeJS.Timeout;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(
		private readonly sandbox: Sandbox,
		private readonly realMsOf: (index: number) => number,
	) {
		this.lastId = this.highestId();
		this.knownJobs = sandbox.state.store.jobs.size;
		this.scanner = setInterval(() => this.scan(), 2);
	}

	/** Job ids grow by one from 1000001 (the sandbox's first job id) in a fresh tenant. */
	private highestId(): number {
		return Math.max(1_000_000, ...this.sandbox.state.store.jobs.keys());
	}

	private scan(): void {
		const { store } = this.sandbox.state;
		if (store.jobs.size === this.knownJobs) return;
		for (let id = this.lastId + 1; store.jobs.has(id); id++) this.plan(id);
		if (store.jobs.size !== this.knownJobs) {
			// Ids with a gap: walk the newest ones instead.
			const unseen = [...store.jobs.keys()].filter((id) => id > this.lastId).sort((a, b) => a - b);
			for (const id of unseen) this.plan(id);
		}
	}

	private plan(id: number): void {
		const job = this.sandbox.state.store.jobs.get(id);
		this.lastId = Math.max(this.lastId, id);
		this.knownJobs++;
		if (!job) return;
		const endAt = Date.parse(job.CreationTime) + this.realMsOf(this.index++);
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.sandbox.state.jobs.finish(id);
		}, Math.max(0, endAt - Date.now()));
		this.timers.add(timer);
	}

	stop(): void {
		clearInterval(this.scanner);
		for (const timer of this.timers) clearTimeout(timer);
	}
}

function entriesFor(context: BenchContext, count: number): Entry[] {
	const { undici, embedded, n8n, settings } = context;
	const target = context.sandboxes.waiting.target.name;
	const task = (mode: WaitMode): Task => ({
		kind: 'wait',
		target,
		count,
		mode,
		pollIntervalSeconds: settings.pollIntervalSeconds,
		...(mode === 'oneExecution' ? { startConcurrency: settings.batchConcurrency, waitConcurrency: settings.waitConcurrency } : {}),
	});
	const baseline = 'undici';
	const entries: Entry[] = [
		{ key: baseline, contender: undici, task: task('executionPerJob'), variant: 'each job polled on its own' },
		{ key: 'node-embedded per job', contender: embedded, task: task('executionPerJob'), variant: 'one execution per job', baseline },
		{ key: 'node-embedded one execution', contender: embedded, task: task('oneExecution'), variant: `one execution, ${count} items (Start c${settings.batchConcurrency} → Wait c${settings.waitConcurrency})`, baseline },
	];
	if (n8n) {
		entries.push(
			{ key: 'node-n8n per job', contender: n8n.node, task: task('executionPerJob'), variant: 'one execution per job', baseline },
			{ key: 'node-n8n one execution', contender: n8n.node, task: task('oneExecution'), variant: `one execution, ${count} items (Start c${settings.batchConcurrency} → Wait c${settings.waitConcurrency})`, baseline },
		);
		if (context.trigger) entries.push({ key: 'trigger-n8n', contender: context.trigger, task: task('executionPerJob'), variant: 'job.completed webhook, one execution per job', baseline });
		entries.push(
			{ key: 'httpRequest-n8n', contender: n8n.httpRequest, task: task('executionPerJob'), baseline },
			{ key: 'community-n8n', contender: n8n.community, task: task('executionPerJob'), baseline },
		);
	}
	return entries;
}

async function measureWait(context: BenchContext, contender: Contender, task: Task & { kind: 'wait' }, maxSeconds: number): Promise<Metrics> {
	const { settings } = context;
	const { sandbox } = context.sandboxes.waiting;
	const clock = new JobClock(sandbox, (index) => (plannedJobSeconds(index, settings.minJobSeconds, maxSeconds) * 1000) / settings.timeScale);
	let run;
	try {
		run = await measureRun(sandbox, contender, task);
	} finally {
		clock.stop();
	}
	const outputAt = run.result.outputAt ?? {};
	const ids = Object.keys(outputAt).map(Number);
	if (ids.length !== task.count) throw new Error(`${contender.id}: ${task.count} jobs gave ${ids.length} items`);
	const delays: number[] = [];
	const polls: number[] = [];
	for (const id of ids) {
		const job = sandbox.state.store.jobs.get(id);
		if (!job?.EndTime) throw new Error(`${contender.id}: job ${id} has not ended`);
		delays.push(outputAt[String(id)] - Date.parse(job.EndTime));
		polls.push(run.tally.jobReads.get(id) ?? 0);
	}
	const intervalMs = settings.pollIntervalSeconds * 1000;
	return {
		pollsPerJob: median(polls),
		pollsMean: polls.reduce((sum, value) => sum + value, 0) / polls.length,
		pollsMax: Math.max(...polls),
		delayMedianMs: median(delays),
		delayP95Ms: percentile(delays, 0.95),
		delayMaxMs: Math.max(...delays),
		delayMinMs: Math.min(...delays),
		delayP95PerInterval: percentile(delays, 0.95) / intervalMs,
		wallS: run.wallMs / 1000,
	};
}

export async function waiting(context: BenchContext): Promise<{ tables: Table[]; goals: Goal[] }> {
	const { settings, log } = context;
	const bench = context.sandboxes.waiting;
	bench.sandbox.state.latencyMs = settings.latencyMs;
	const entries = entriesFor(context, settings.waitJobs);

	// Warm-up with a few short jobs: n8n creates and activates the workflows, code paths warm up.
	for (const entry of entries.filter((candidate) => !candidate.contender.unsupported(candidate.task))) {
		await measureWait(context, entry.contender, { ...(entry.task as Task & { kind: 'wait' }), count: 3 }, settings.minJobSeconds + 1);
		log(`warm-up ${entry.key}`);
	}
	const samples = await interleave(
		entries,
		settings.repetitions,
		async (entry) => await measureWait(context, entry.contender, entry.task as Task & { kind: 'wait' }, settings.maxJobSeconds),
		log,
	);
	const intervalMs = settings.pollIntervalSeconds * 1000;
	const tables = [
		table({
			id: 's4',
			scenario: 4,
			title: `Scenario 4: start ${settings.waitJobs} jobs of ${settings.minJobSeconds}–${settings.maxJobSeconds} s and wait for all`,
			conditions: `${settings.latencyMs} ms latency, poll interval ${settings.pollIntervalSeconds} s real = ${settings.pollIntervalSeconds * settings.timeScale} s of job time (jobs run ${settings.timeScale}x faster), ${settings.repetitions} repetitions A B A B, medians of per-run values`,
			columns: COLUMNS,
			entries,
			samples,
			notes: [
				`Delay: when the job's item left the node (n8n run data: the node's start plus its execution time; undici: when the final state arrived) minus the job's EndTime in the sandbox. Poll interval: ${intervalMs} ms real.`,
				'Status requests: GET Jobs(<id>) the sandbox received for the job (the Wait operation reads the job once before it polls).',
				`One execution with N items: n8n hands a node's items on only when the node has finished all of them; Start runs ${settings.batchConcurrency} items at a time and Wait ${settings.waitConcurrency} (Options → Concurrency, its largest value), so Wait polls at most ${settings.waitConcurrency} of the ${settings.waitJobs} jobs at a time.`,
				'The webhook trigger row: jobs started by raw undici while a workflow with the trigger (job.completed, this process, this folder) is active; delay runs to the end of the trigger node in the execution Orchestrator\'s delivery started.',
			],
		}),
	];
	const main = samples;
	const value = (key: string, metric: string) => median(main.get(key)?.[metric] ?? []);
	const goals: Goal[] = [];
	for (const key of ['node-embedded per job', ...(context.n8n ? ['node-n8n per job'] : [])]) {
		const p95 = value(key, 'delayP95Ms');
		const max = value(key, 'delayMaxMs');
		goals.push({
			scenario: 4,
			goal: `Delay from job end to item output under one poll interval (${key})`,
			met: p95 < intervalMs,
			measured: `median ${value(key, 'delayMedianMs').toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms; poll interval ${intervalMs} ms; ${value(key, 'pollsPerJob').toFixed(1)} status requests per job`,
			...(p95 >= intervalMs
				? {
						cause: `Polling itself: a job that ends just after a poll is seen one interval later, plus the ${settings.latencyMs} ms the status request takes. Raw undici polling at the same interval: p95 ${value('undici', 'delayP95Ms').toFixed(0)} ms, max ${value('undici', 'delayMaxMs').toFixed(0)} ms; the node's max exceeds the interval by ${(max - intervalMs).toFixed(0)} ms.`,
					}
				: {}),
		});
	}
	for (const key of ['node-embedded one execution', ...(context.n8n ? ['node-n8n one execution'] : [])]) {
		const medianDelay = value(key, 'delayMedianMs');
		goals.push({
			scenario: 4,
			goal: `Delay from job end to item output under one poll interval (${key})`,
			met: value(key, 'delayP95Ms') < intervalMs,
			measured: `median ${medianDelay.toFixed(0)} ms, p95 ${value(key, 'delayP95Ms').toFixed(0)} ms; wall time ${value(key, 'wallS').toFixed(1)} s`,
			cause: `n8n passes a node's items on only when the node has finished every item: every job's item waits for the last job of the execution (measured median delay ${(medianDelay / intervalMs).toFixed(1)} poll intervals, even with Wait at concurrency ${settings.waitConcurrency}, which polls up to ${settings.waitConcurrency} jobs at a time). One execution per job (the rows "per job") or the webhook trigger avoids it.`,
		});
	}
	if (context.trigger) {
		goals.push({
			scenario: 4,
			goal: 'Webhook trigger: zero polls',
			met: value('trigger-n8n', 'pollsMax') === 0,
			measured: `${value('trigger-n8n', 'pollsMax')} status requests for the most-read job; delay median ${value('trigger-n8n', 'delayMedianMs').toFixed(0)} ms, p95 ${value('trigger-n8n', 'delayP95Ms').toFixed(0)} ms`,
		});
	} else {
		goals.push({ scenario: 4, goal: 'Webhook trigger: zero polls', met: undefined, measured: 'not measured: the real n8n or the trigger node is missing in this run' });
	}
	return { tables, goals };
}
