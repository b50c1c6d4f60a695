import { JOB_TIMINGS_MS } from '../../fixtures';
import type { TenantStore } from '../store/tenantStore';
import type { Job, JobState } from '../store/types';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { outcomeOf, runDurationMs } from './behaviours';
import { logEnd, logLine } from './robotLogs';
import type { StartPlan } from './startInfo';

const FINAL_STATES = new Set<JobState>(['Successful', 'Faulted', 'Stopped']);

export const isFinal = (state: JobState) => FINAL_STATES.has(state);

interface Scheduled {
	timer: NodeJS.Timeout;
	step: () => void;
}

/** The jobs one stop request is stopping; their job.stopped event goes out once the last of them has stopped. */
interface StopRequest {
	waiting: Set<Job>;
	stopped: Job[];
}

/**
 * The robots' side of jobs: Pending → Running → Successful / Faulted, or → Stopping/Terminating → Stopped.
 * Durations are JOB_TIMINGS_MS divided by `timeScale`; tests can also run a job's remaining steps at once.
 */
export class JobRunner {
	private readonly scheduled = new Map<Job, Scheduled>();
	private readonly owners = new Map<Job, TenantStore>();
	private readonly stopRequests = new Map<Job, StopRequest>();
	private nextRobot = 0;
	/** A test's or demo's run length for a job (ms of sandbox time), instead of its process's. */
	runDuration: ((job: Job) => number | undefined) | undefined;
	/** Where a robot's output arguments go: inline by default; the Orchestrator keeps large ones as an attachment. */
	keepOutput: (store: TenantStore, job: Job, output: string | null) => Pick<Job, 'OutputArguments' | 'OutputFile'> = (_store, _job, output) => ({
		OutputArguments: output,
		OutputFile: null,
	});

	constructor(
		private readonly webhooks: WebhookDispatcher,
		/** How many times faster than real time jobs run (10 → a 2 s job takes 200 ms). */
		public timeScale = 1,
	) {}

	/** Registers the jobs one start request just created in the Pending state (one job.created event for all). */
	enqueue(store: TenantStore, plan: StartPlan, jobs: Job[]): void {
		for (const job of jobs) {
			this.owners.set(job, store);
			this.schedule(job, JOB_TIMINGS_MS.pending, () => this.start(store, job));
		}
		this.webhooks.jobsCreated(store, plan, jobs);
	}

	/**
	 * Asks the robots to stop the jobs of one request: a pending job ends Stopped at once, a running one after a short
	 * Stopping/Terminating. One job.stopped event carries every job the request stopped, as UiPath sends it.
	 */
	stop(store: TenantStore, jobs: Job[], strategy: 'SoftStop' | 'Kill'): void {
		const request: StopRequest = { waiting: new Set(), stopped: [] };
		const now = new Date().toISOString();
		const pending: Job[] = [];
		for (const job of jobs) {
			if (isFinal(job.State) || job.State === 'Terminating' || (job.State === 'Stopping' && strategy === 'SoftStop')) continue;
			job.StopStrategy = strategy;
			job.LastModificationTime = now;
			// A Kill that overtakes an earlier SoftStop reports the job with this request.
			const earlier = this.stopRequests.get(job);
			if (earlier) {
				earlier.waiting.delete(job);
				this.settle(store, earlier);
			}
			this.stopRequests.set(job, request);
			request.waiting.add(job);
			if (job.State === 'Pending') {
				pending.push(job);
				continue;
			}
			job.State = strategy === 'Kill' ? 'Terminating' : 'Stopping';
			this.schedule(job, JOB_TIMINGS_MS.stopping, () =>
				this.end(store, job, 'Stopped', strategy === 'Kill' ? 'Job terminated.' : 'Job stopped.', null),
			);
		}
		for (const job of pending) this.end(store, job, 'Stopped', 'Job stopped before a robot picked it up.', null);
	}

	/** Runs every remaining step of the job now; for tests that do not want to wait. */
	finish(job: Job): void {
		for (let guard = 0; guard < 4 && !isFinal(job.State); guard += 1) {
			const next = this.scheduled.get(job);
			if (!next) return;
			clearTimeout(next.timer);
			this.scheduled.delete(job);
			next.step();
		}
	}

	finishAll(): void {
		for (const job of [...this.scheduled.keys()]) this.finish(job);
	}

	close(): void {
		for (const { timer } of this.scheduled.values()) clearTimeout(timer);
		this.scheduled.clear();
		this.owners.clear();
		this.stopRequests.clear();
	}

	private schedule(job: Job, realMs: number, step: () => void) {
		const previous = this.scheduled.get(job);
		if (previous) clearTimeout(previous.timer);
		const timer = setTimeout(() => {
			this.scheduled.delete(job);
			step();
		}, realMs / this.timeScale);
		timer.unref();
		this.scheduled.set(job, { timer, step });
	}

	private start(store: TenantStore, job: Job) {
		const robots = store.robotsIn(job.OrganizationUnitId);
		const robot = job.robotId !== null ? store.robots.get(job.robotId) : robots[this.nextRobot++ % Math.max(robots.length, 1)];
		// A folder without robots keeps its jobs pending, as Orchestrator does.
		if (!robot) return;
		const now = new Date().toISOString();
		job.robotId = robot.Id;
		job.HostMachineName = robot.MachineName;
		job.LocalSystemAccount = robot.Username;
		job.State = 'Running';
		job.StartTime = now;
		job.LastModificationTime = now;
		this.updateSession(store, robot.Id);
		logLine(store, job, 'Info', `${job.ReleaseName} execution started`);
		this.webhooks.jobEvent(store, 'job.started', job);
		this.schedule(job, this.runDuration?.(job) ?? runDurationMs(job.behaviour), () => {
			const outcome = outcomeOf(job.behaviour, job.inputText, new Date());
			this.end(store, job, outcome.state, outcome.info, outcome.outputArguments);
		});
	}

	private end(store: TenantStore, job: Job, state: 'Successful' | 'Faulted' | 'Stopped', info: string, output: string | null) {
		const previous = this.scheduled.get(job);
		if (previous) clearTimeout(previous.timer);
		this.scheduled.delete(job);
		const now = new Date().toISOString();
		job.State = state;
		job.Info = info;
		job.EndTime = now;
		job.LastModificationTime = now;
		Object.assign(job, this.keepOutput(store, job, output));
		if (state === 'Faulted') {
			job.ErrorCode = 'Robot';
			job.JobError = { code: 'Robot', title: 'Job faulted', detail: info, category: 'User', status: 0, timestamp: now };
		}
		// A job stopped while pending never reached a robot, so nothing was logged for it.
		if (job.StartTime !== null) logEnd(store, job, state, info);
		if (job.robotId !== null) this.updateSession(store, job.robotId);
		this.owners.delete(job);
		if (state === 'Stopped') this.reportStopped(store, job);
		else this.webhooks.jobEvent(store, state === 'Successful' ? 'job.completed' : 'job.faulted', job);
	}

	private reportStopped(store: TenantStore, job: Job) {
		const request = this.stopRequests.get(job);
		this.stopRequests.delete(job);
		if (!request) return;
		request.waiting.delete(job);
		request.stopped.push(job);
		this.settle(store, request);
	}

	private settle(store: TenantStore, request: StopRequest) {
		if (request.waiting.size === 0) this.webhooks.jobsStopped(store, request.stopped);
	}

	private updateSession(store: TenantStore, robotId: number) {
		const busy = [...this.owners.keys()].some(
			(job) => job.robotId === robotId && (job.State === 'Running' || job.State === 'Stopping' || job.State === 'Terminating'),
		);
		for (const session of store.sessions.values()) {
			if (session.robotId === robotId) {
				session.State = busy ? 'Busy' : 'Available';
				session.ReportingTime = new Date().toISOString();
			}
		}
	}
}
