import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_WAIT_TIMEOUT_SECONDS, FAILED_JOB_STATES } from '../../helpers/constants';
import type { FolderRef, Job, UiPathCredentialType } from '../../helpers/interfaces';
import { JobFailedError } from '../../helpers/jobFailure';
import { toJob } from '../../helpers/output';
import { readPositiveInteger } from '../../helpers/parameters';
import { waitForJob } from '../../transport';

export interface WaitOptions {
	timeoutMs: number;
	pollIntervalMs: number;
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
	return { timeoutMs: timeout * 1000, pollIntervalMs: poll * 1000 };
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
	const deadline = Date.now() + wait.timeoutMs;
	const finished: Job[] = [];
	for (const job of jobs) {
		const done = toJob(await waitForJob(context, credentialType, folder, job, { ...wait, deadline }));
		if (FAILED_JOB_STATES.includes(done.State)) throw new JobFailedError(context.getNode(), done, itemIndex);
		finished.push(done);
	}
	return finished;
}
