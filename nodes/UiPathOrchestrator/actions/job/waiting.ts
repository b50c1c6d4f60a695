import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_WAIT_TIMEOUT_SECONDS, FAILED_JOB_STATES } from '../../helpers/constants';
import type { FolderRef, Job, UiPathCredentialType } from '../../helpers/interfaces';
import { JobFailedError, type FaultLogs } from '../../helpers/jobFailure';
import { toJob } from '../../helpers/outputItems';
import { readPositiveInteger } from '../../helpers/parameters';
import { lastErrorLogs, waitForJob, withOutputFile } from '../../transport';

export interface WaitOptions {
	timeoutMs: number;
	pollIntervalMs: number;
	/** Wait Mode "Release the Execution Until the Job Ends". */
	release?: boolean;
	/** Read each job once against this deadline instead of one computed from the timeout. */
	deadline?: number;
}

/**
 * Wait Mode as set, or the default of the node's version (1.2 releases, 1.1 polls). As an AI agent's tool (type
 * `…Tool`) the node always polls: a tool call must answer within the agent's run.
 */
export function releasesExecution(options: IDataObject, node: Pick<INode, 'type' | 'typeVersion'>): boolean {
	if (node.type.endsWith('Tool')) return false;
	return (options.waitMode ?? (node.typeVersion >= 1.2 ? 'release' : 'poll')) === 'release';
}

/** Timeout and Poll Interval (seconds) from an operation's options. */
export function readWaitOptions(context: IExecuteFunctions, itemIndex: number, options: IDataObject): WaitOptions {
	const timeout = readPositiveInteger(context, itemIndex, { label: 'Timeout', name: 'options.timeout' }, options.timeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS);
	const poll = readPositiveInteger(
		context,
		itemIndex,
		{ label: 'Poll Interval', name: 'options.pollInterval' },
		options.pollInterval ?? DEFAULT_POLL_INTERVAL_SECONDS,
	);
	return { timeoutMs: timeout * 1000, pollIntervalMs: poll * 1000, release: releasesExecution(options, context.getNode()) };
}

/** A faulted job's last error lines; a failure to read them (e.g. no OR.Monitoring scope) must not hide the fault. */
async function faultLogs(context: IExecuteFunctions, credentialType: UiPathCredentialType, folder: FolderRef, job: Job): Promise<FaultLogs | undefined> {
	if (job.State !== 'Faulted') return undefined;
	try {
		return { lines: await lastErrorLogs(context, credentialType, folder, job.Key) };
	} catch (error) {
		const description = (error as { description?: unknown }).description;
		return { unreadable: `${(error as Error).message}${typeof description === 'string' && description ? ` (${description})` : ''}` };
	}
}

/** The jobs once finished, under one deadline; a Faulted or Stopped job fails the item. */
export async function finishedJobs(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	jobs: Job[],
	wait: WaitOptions,
	itemIndex: number,
): Promise<Job[]> {
	const deadline = wait.deadline ?? Date.now() + wait.timeoutMs;
	const finished: Job[] = [];
	for (const job of jobs) {
		const ended = await waitForJob(context, credentialType, folder, job, { ...wait, deadline });
		const done = toJob(await withOutputFile(context, credentialType, folder, ended));
		if (FAILED_JOB_STATES.includes(done.State)) {
			throw new JobFailedError(context.getNode(), done, itemIndex, await faultLogs(context, credentialType, folder, done));
		}
		finished.push(done);
	}
	return finished;
}
