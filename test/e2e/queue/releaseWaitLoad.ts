import { median, percentile } from '../../../bench/lib/stats';
import { PROCESSES } from '../../../sandbox/fixtures';
import type { Job } from '../../../sandbox/orchestrator/store/types';
import { deliveriesPerJob } from '../../../sandbox/orchestrator/webhooks/deliveryCounts';
import { HttpClient, poll } from '../http';
import { describe, log } from '../report';
import { checkFinishedExecution, createReleaseWorkflow, MAX_DELIVERIES_PER_JOB, newReportRequest, runJobsAsRequested, type ReportRequest } from '../scenarios/releaseWait';
import { callWebhook, type CredentialRef, type ExecutionSummary } from '../workflows';
import { restartCluster } from './restart';
import { StatusSampler } from './statusSampler';
import type { QueueRun } from './webhookLoad';

export const RELEASE_EXECUTIONS = 200;
/** Real seconds; the jobs' durations are spread evenly over this range (issue 24). */
const JOB_SECONDS = { min: 30, max: 90 };
/** Issue 24: while at least this many executions wait, at most MAX_RUNNING run. */
const MANY_WAITING = 150;
const MAX_RUNNING = 10;
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
/** The node's Timeout: a wait whose end event was lost fails by then instead of keeping the run for long. */
const TIMEOUT_SECONDS = JOB_SECONDS.max + 150;

/** The Month End Report jobs of the requests, by the Month each carries in its input arguments. */
function jobsByMonth(run: QueueRun): Map<string, Job[]> {
	const byMonth = new Map<string, Job[]>();
	for (const job of run.context.sandbox.state.store.jobs.values()) {
		if (job.ReleaseName !== PROCESSES.slow || job.InputArguments === null) continue;
		const month = String((JSON.parse(job.InputArguments) as Partial<ReportRequest>).Month);
		byMonth.set(month, [...(byMonth.get(month) ?? []), job]);
	}
	return byMonth;
}

/**
 * Issue 24 in queue mode: RELEASE_EXECUTIONS executions of webhook → Job Start (release mode) → Set, with jobs of
 * 30–90 s, requested as fast as the cluster takes them (at most MAX_RUNNING new or running). While at least
 * MANY_WAITING wait in the database, at most MAX_RUNNING may run; once all are parked, the main and both workers
 * are restarted. Every execution must end `success` with its own job's OutputArguments, no request may start two
 * jobs, and no job may cause more than MAX_DELIVERIES_PER_JOB webhook deliveries. Returns the counts in one line.
 */
export async function releaseWaitLoad(run: QueueRun, credential: CredentialRef): Promise<string> {
	const { context, cluster, services } = run;
	runJobsAsRequested(context.sandbox);
	const { workflowId, path } = await createReleaseWorkflow(context, credential, `queue mode, ${credential.type}`, TIMEOUT_SECONDS);
	const span = JOB_SECONDS.max - JOB_SECONDS.min;
	// Longest first: the first jobs to end are started last, the furthest from the restart.
	const requests = Array.from({ length: RELEASE_EXECUTIONS }, (_, index) => newReportRequest(context, JOB_SECONDS.max - (span * index) / (RELEASE_EXECUTIONS - 1)));
	const sampler = new StatusSampler(services, workflowId);
	const problems: string[] = [];
	const check = (condition: boolean, message: string) => {
		if (!condition) problems.push(message);
	};

	const startedAt = Date.now();
	sampler.start();
	const callFailures: string[] = [];
	const call = async (request: ReportRequest) => {
		const response = await new HttpClient().request(`${cluster.main.baseUrl}/webhook/${path}`, { body: request }).catch((error: unknown) => describe(error));
		if (typeof response === 'string' || response.status !== 200) callFailures.push(typeof response === 'string' ? response : `HTTP ${response.status}`);
	};
	// The first call also waits until the main has registered the webhook.
	await callWebhook(context.client, path, requests[0]);
	// Robots are requested as fast as the cluster takes them: at most MAX_RUNNING executions new or running at once.
	// If parked executions kept running (or held worker slots), the starts would stall here and the run would time out.
	let called = 1;
	await poll(
		`all ${RELEASE_EXECUTIONS} requests sent`,
		async () => {
			const { counts } = await sampler.sample();
			const seen = Object.values(counts).reduce((sum, count) => sum + count, 0);
			const inFlight = (counts.new ?? 0) + (counts.running ?? 0) + Math.max(0, called - seen);
			const batch = requests.slice(called, called + Math.max(0, MAX_RUNNING - inFlight));
			called += batch.length;
			await Promise.all(batch.map(call));
			return called >= RELEASE_EXECUTIONS ? true : undefined;
		},
		{ timeoutMs: 180_000, intervalMs: 100 },
	);
	const calledS = (Date.now() - startedAt) / 1000;
	check(callFailures.length === 0, `${callFailures.length} webhook calls failed: ${callFailures.slice(0, 2).join(' | ')}`);

	// The restart comes once every execution is parked: nothing runs, so the processes stop at once.
	const allParked = await poll(
		`${RELEASE_EXECUTIONS} executions waiting in the database`,
		async () => {
			const sample = await sampler.sample();
			if (Object.keys(sample.counts).some((status) => FINISHED.has(status))) return sample;
			return (sample.counts.waiting ?? 0) >= RELEASE_EXECUTIONS ? sample : undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 250 },
	);
	const restartAt = Date.now();
	const restart = await restartCluster(cluster);
	const mainBackAt = restartAt + restart.stopMs + restart.mainReadyMs;
	log(`release wait (queue): ${allParked.counts.waiting ?? 0} waiting ${((allParked.at - startedAt) / 1000).toFixed(1)} s after the first call; main and workers restarted in ${(restart.outageMs / 1000).toFixed(1)} s`);

	const byStatus = await poll(
		`${RELEASE_EXECUTIONS} executions to finish`,
		async () => {
			const sample = await sampler.sample();
			const finished = Object.entries(sample.counts).filter(([status]) => FINISHED.has(status)).reduce((sum, [, count]) => sum + count, 0);
			return finished >= RELEASE_EXECUTIONS ? sample.counts : undefined;
		},
		{ timeoutMs: (TIMEOUT_SECONDS + 60) * 1000, intervalMs: 1000 },
	).catch((error: Error) => {
		problems.push(`${error.message}: ${JSON.stringify(sampler.samples.at(-1)?.counts)}`);
		return sampler.samples.at(-1)?.counts ?? {};
	});
	await sampler.stop();
	await context.sandbox.state.webhooksIdle();
	const wallS = (Date.now() - startedAt) / 1000;
	check((byStatus.success ?? 0) === RELEASE_EXECUTIONS, `executions by status: ${JSON.stringify(byStatus)}`);

	const whileManyWait = (sample: { counts: Record<string, number> }) => (sample.counts.waiting ?? 0) >= MANY_WAITING;
	const peakRunning = sampler.peak('running');
	const peakRunningWhileWaiting = sampler.peak('running', whileManyWait);
	const peakWaiting = sampler.peak('waiting');
	check(peakRunningWhileWaiting <= MAX_RUNNING, `${peakRunningWhileWaiting} executions ran at once while ${MANY_WAITING} or more waited (at most ${MAX_RUNNING})`);

	const jobs = jobsByMonth(run);
	const startedTwice = requests.filter((request) => (jobs.get(request.Month)?.length ?? 0) > 1).length;
	const notStarted = requests.filter((request) => !jobs.has(request.Month)).length;
	check(startedTwice === 0 && notStarted === 0, `${startedTwice} requests started more than one job, ${notStarted} none`);

	const endedWhileDown = [...jobs.values()].flat().filter((job) => job.EndTime !== null && Date.parse(job.EndTime) >= restartAt && Date.parse(job.EndTime) <= mainBackAt).length;
	const deliveries = deliveriesPerJob(context.sandbox.state.webhookDeliveries);
	const ours = requests.flatMap((request) => jobs.get(request.Month) ?? []);
	const sent = ours.map((job) => deliveries.get(job.Id)?.sent ?? 0);
	const failedDeliveries = ours.reduce((sum, job) => sum + (deliveries.get(job.Id)?.failed ?? 0), 0);
	const skippedDeliveries = ours.reduce((sum, job) => sum + (deliveries.get(job.Id)?.skipped ?? 0), 0);
	const maxSent = Math.max(0, ...sent);
	check(maxSent <= MAX_DELIVERIES_PER_JOB, `a job caused ${maxSent} webhook deliveries (at most ${MAX_DELIVERIES_PER_JOB})`);

	// Every execution carries its own job's output; the delay runs from the job's EndTime to the execution's stoppedAt.
	const listed: Array<ExecutionSummary & { stoppedAt: string | null }> = [];
	for (let cursor: string | null | undefined = ''; cursor !== undefined && cursor !== null; ) {
		const page: { data: typeof listed; nextCursor?: string | null } = await context.client.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
		listed.push(...page.data);
		cursor = page.data.length > 0 ? page.nextCursor : undefined;
	}
	const jobById = new Map(ours.map((job) => [job.Id, job]));
	const delays: number[] = [];
	const wrongOutputs: string[] = [];
	for (const execution of listed) {
		const output = execution.data?.resultData?.runData?.['Run month-end robot']?.[0]?.data?.main?.[0]?.[0]?.json;
		const job = jobById.get(Number(output?.Id));
		try {
			if (!job) throw new Error(`execution ${execution.id} output no job of this run (${JSON.stringify(output)?.slice(0, 200)})`);
			checkFinishedExecution(execution, job);
			if (execution.stoppedAt && job.EndTime) delays.push(Date.parse(execution.stoppedAt) - Date.parse(job.EndTime));
		} catch (error) {
			wrongOutputs.push(describe(error));
		}
	}
	check(listed.length === RELEASE_EXECUTIONS, `the public API lists ${listed.length} executions of the workflow`);
	check(wrongOutputs.length === 0, `${wrongOutputs.length} executions without their job's output: ${wrongOutputs.slice(0, 2).join(' | ')}`);

	const line =
		`release wait (queue): ${RELEASE_EXECUTIONS} executions, ${byStatus.success ?? 0} success, peak running ${peakRunning} (${peakRunningWhileWaiting} while ≥${MANY_WAITING} waited), peak waiting ${peakWaiting}; ` +
		`${ours.length} jobs, ${startedTwice} started twice; webhook deliveries per job max ${maxSent} (median ${median(sent)}), ${failedDeliveries} failed, ${skippedDeliveries} skipped; ` +
		`main + ${restart.workers} workers restarted once with all ${allParked.counts.waiting ?? 0} parked (${(restart.outageMs / 1000).toFixed(1)} s outage, ${endedWhileDown} jobs ended while the main was down); resume delay median ${(median(delays) / 1000).toFixed(1)} s, p95 ${(percentile(delays, 0.95) / 1000).toFixed(1)} s, max ${(Math.max(...delays) / 1000).toFixed(1)} s; ` +
		`requests sent in ${calledS.toFixed(1)} s (≤${MAX_RUNNING} new or running), ${wallS.toFixed(0)} s in all`;
	log(line);
	if (problems.length > 0) throw new Error(`${problems.join('; ')} [${line}]`);
	return line;
}
