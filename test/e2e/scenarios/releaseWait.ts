import { randomUUID } from 'crypto';

import { FOLDERS, PROCESSES } from '../../../sandbox/fixtures';
import type { Job } from '../../../sandbox/orchestrator/store/types';
import { deliveriesPerJob } from '../../../sandbox/orchestrator/webhooks/deliveryCounts';
import type { Sandbox } from '../../../sandbox';
import type { E2eContext } from '../context';
import { poll } from '../http';
import { ORCHESTRATOR_NODE } from '../loadedTypes';
import { expect, log } from '../report';
import { startN8nAgain, stopN8n } from '../restart';
import { storedExecution } from '../sqlite';
import { seededRelease } from './webhookStartJob';
import { callWebhook, createActiveWorkflow, loadWorkflowTemplate, nodeOutput, useCredential, type CredentialRef, type ExecutionSummary } from '../workflows';

/** The robot of this scenario runs two minutes (issue 24); n8n is stopped and started again while it runs. */
export const RELEASE_JOB_SECONDS = 120;
/** The node's Timeout here: well beyond the job, so that only the job's end resumes the execution. */
const TIMEOUT_SECONDS = 900;
/** How long after the job's end the execution may finish (issue 24). */
export const RESUME_WITHIN_MS = 5000;
export const START_NODE = 'Run month-end robot';
export const LAST_NODE = 'Report ready';
/** Issue 24: UiPath's deliveries per finished job, whatever the number of waits. */
export const MAX_DELIVERIES_PER_JOB = 3;

/** Webhook → Job Start (Wait for Completion, release mode, node version 1.2) → Set, created and published. */
export async function createReleaseWorkflow(
	context: E2eContext,
	credential: CredentialRef,
	label: string,
	timeoutSeconds = TIMEOUT_SECONDS,
): Promise<{ workflowId: string; path: string }> {
	const release = seededRelease(context, PROCESSES.slow);
	const path = `month-end-${randomUUID().slice(0, 8)}`;
	const template = await loadWorkflowTemplate('webhookStartJobRelease.json', {
		AUTH_LABEL: label,
		WEBHOOK_ID: randomUUID(),
		WEBHOOK_PATH: path,
		CREDENTIAL_TYPE: credential.type,
		FOLDER_PATH: FOLDERS.shared,
		RELEASE_KEY: release.key,
		RELEASE_NAME: release.name,
		TIMEOUT_SECONDS: String(timeoutSeconds),
	});
	const workflowId = await createActiveWorkflow(context.client, useCredential(template, ORCHESTRATOR_NODE, credential));
	return { workflowId, path };
}

export interface ReportRequest {
	Month: string;
	/** How long the robot of this request runs, in sandbox time (real seconds × the sandbox's timeScale). */
	RunSeconds: number;
}

/** A request whose Month names it (the robot's ReportUrl carries it) and whose robot runs `realSeconds`. */
export function newReportRequest(context: E2eContext, realSeconds: number): ReportRequest {
	return { Month: `wait-${randomUUID().slice(0, 8)}`, RunSeconds: realSeconds * context.sandbox.state.jobs.timeScale };
}

/** The test plays the robots' clock: a Month End Report job runs as long as its request's RunSeconds says. */
export function runJobsAsRequested(sandbox: Sandbox): void {
	sandbox.state.jobs.runDuration = (job) => {
		if (job.ReleaseName !== PROCESSES.slow || job.InputArguments === null) return undefined;
		const seconds = (JSON.parse(job.InputArguments) as Partial<ReportRequest>).RunSeconds;
		return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined;
	};
}

/** The sandbox's jobs that a request started (its Month is in their input arguments). */
export function jobsOf(context: E2eContext, request: ReportRequest): Job[] {
	return [...context.sandbox.state.store.jobs.values()].filter(
		(job) => job.ReleaseName === PROCESSES.slow && job.InputArguments !== null && (JSON.parse(job.InputArguments) as Partial<ReportRequest>).Month === request.Month,
	);
}

/** What a finished execution must hold: the robot's job, Successful, its OutputArguments as an object, and the node after it ran on them. */
export function checkFinishedExecution(execution: ExecutionSummary, job: Job): void {
	expect(execution.status === 'success', `execution ${execution.id} ended ${execution.status}`);
	const output = nodeOutput(execution, START_NODE);
	expect(output, `execution ${execution.id} has no output of ${START_NODE}`);
	expect(output.Id === job.Id && output.State === 'Successful', `execution ${execution.id} output job ${String(output.Id)} ${String(output.State)}, not job ${job.Id} Successful`);
	expect(job.OutputArguments !== null, `job ${job.Id} has no OutputArguments`);
	const expected = JSON.parse(job.OutputArguments) as Record<string, unknown>;
	expect(JSON.stringify(output.OutputArguments) === JSON.stringify(expected), `execution ${execution.id} OutputArguments are ${JSON.stringify(output.OutputArguments)}, the job's ${job.OutputArguments}`);
	const last = nodeOutput(execution, LAST_NODE);
	expect(last?.reportUrl === expected.ReportUrl, `${LAST_NODE} did not run on the resumed output: ${JSON.stringify(last)}`);
}

/** One execution from the public API, with its data. */
export async function executionById(context: E2eContext, id: string): Promise<ExecutionSummary & { startedAt: string; stoppedAt: string | null; waitTill: string | null }> {
	return await context.client.api('GET', `/executions/${id}?includeData=true`);
}

/** Whether any process of the group `pid` led is still alive (n8n's task runners included). */
function groupAlive(pid: number | undefined): boolean {
	if (pid === undefined) return false;
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * Issue 24, single process: a webhook starts a Month End Report job that runs RELEASE_JOB_SECONDS; the node starts it
 * and parks the execution (status `waiting` in n8n's database). n8n is stopped (no process of it left; the sqlite row
 * still says `waiting`) and started again on the same user folder while the robot runs; the job's end resumes the
 * execution, which must end `success` with the job's OutputArguments within RESUME_WITHIN_MS of the job's EndTime.
 */
export async function releaseWait(context: E2eContext, credential: CredentialRef): Promise<string> {
	const { client, sandbox } = context;
	runJobsAsRequested(sandbox);
	const { workflowId, path } = await createReleaseWorkflow(context, credential, 'single process');
	const request = newReportRequest(context, RELEASE_JOB_SECONDS);
	const calledAt = Date.now();
	const answer = await callWebhook(client, path, request);
	expect(answer.status === 200, `the webhook answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);

	const waiting = await poll(
		'the execution to wait in the database',
		async () => {
			const page = await client.api<{ data: ExecutionSummary[] }>('GET', `/executions?workflowId=${workflowId}`);
			const [execution] = page.data;
			if (execution && execution.status !== 'waiting' && execution.status !== 'running' && execution.status !== 'new') {
				throw new Error(`execution ${execution.id} is ${execution.status}, not waiting`);
			}
			return execution?.status === 'waiting' ? execution : undefined;
		},
		{ timeoutMs: 60_000, intervalMs: 250 },
	);
	const waitingAt = Date.now();
	const [job] = jobsOf(context, request);
	expect(job, `no ${PROCESSES.slow} job carries the request's Month ${request.Month}`);
	expect(job.State === 'Pending' || job.State === 'Running', `job ${job.Id} is ${job.State} already`);
	log(`release wait: execution ${waiting.id} waiting ${seconds(waitingAt - calledAt)} s after the webhook call, job ${job.Id} ${job.State}`);

	const pid = client.server.child.pid;
	const stoppedHow = await stopN8n(client.server);
	expect(!groupAlive(pid), `a process of n8n (group ${pid}) is still alive after the stop`);
	const stored = await storedExecution(client.server.userFolder, waiting.id);
	expect(stored?.status === 'waiting', `with n8n stopped, the database holds execution ${waiting.id} as ${stored?.status}`);
	expect(stored.waitTill !== null, `execution ${waiting.id} waits with no waitTill`);
	expect(job.State === 'Running' || job.State === 'Pending', `job ${job.Id} ended (${job.State}) before n8n was restarted: the machine is too slow for this scenario`);
	const stoppedAt = Date.now();
	await startN8nAgain(client.server);
	const backAt = Date.now();
	log(`release wait: n8n stopped (${stoppedHow}) and ready again in ${seconds(backAt - stoppedAt)} s; job ${job.Id} ${job.State}`);
	expect(job.EndTime === null, `job ${job.Id} ended before the restarted n8n was ready (${job.EndTime}): the machine is too slow for this scenario`);
	const afterRestart = await executionById(context, waiting.id);
	expect(afterRestart.status === 'waiting', `after the restart execution ${waiting.id} is ${afterRestart.status}`);
	const readsWhileWaiting = sandbox.state.requests.filter((entry) => entry.receivedAt >= waitingAt && entry.path.endsWith(`/odata/Jobs(${job.Id})`)).length;

	const finished = await poll(
		`execution ${waiting.id} to finish`,
		async () => {
			const execution = await executionById(context, waiting.id);
			return execution.status === 'waiting' || execution.status === 'running' || execution.status === 'new' ? undefined : execution;
		},
		{ timeoutMs: (RELEASE_JOB_SECONDS + 120) * 1000, intervalMs: 500 },
	);
	expect(job.EndTime !== null, `execution ${waiting.id} finished (${finished.status}) while job ${job.Id} is ${job.State}`);
	checkFinishedExecution(finished, job);
	expect(jobsOf(context, request).length === 1, `the request started ${jobsOf(context, request).length} jobs`);
	expect(finished.stoppedAt !== null, `execution ${waiting.id} has no stoppedAt`);
	const delayMs = Date.parse(finished.stoppedAt) - Date.parse(job.EndTime);
	expect(delayMs <= RESUME_WITHIN_MS, `the execution ended ${seconds(delayMs)} s after the job's end, more than ${RESUME_WITHIN_MS / 1000} s`);
	await sandbox.state.webhooksIdle();
	const deliveries = deliveriesPerJob(sandbox.state.webhookDeliveries).get(job.Id);
	expect((deliveries?.sent ?? 0) <= MAX_DELIVERIES_PER_JOB, `UiPath sent ${deliveries?.sent} webhook deliveries about job ${job.Id} (${JSON.stringify(deliveries?.byType)}), more than ${MAX_DELIVERIES_PER_JOB}`);
	const jobRunS = (Date.parse(job.EndTime) - Date.parse(job.StartTime ?? job.CreationTime)) / 1000;
	return (
		`job ${job.Id} ran ${jobRunS.toFixed(0)} s; execution ${waiting.id} waiting in the database after ${seconds(waitingAt - calledAt)} s, ` +
		`n8n stopped (no process left, sqlite row 'waiting') and back in ${seconds(backAt - stoppedAt)} s; ` +
		`ended success ${seconds(delayMs)} s after the job's EndTime with its OutputArguments; ${readsWhileWaiting} reads of the job while it ran, ${deliveries?.sent ?? 0} webhook deliveries about it`
	);
}
