import { NodeOperationError, sleep } from 'n8n-workflow';

import { FINAL_JOB_STATES, GUID, JOB_EXPAND, ODATA } from '../helpers/constants';
import type { FolderRef, Job, ODataPage, StartInfo, UiPathCredentialType } from '../helpers/interfaces';
import { cancelSignalOf, type UiPathContext } from './callerContext';
import { UiPathApiError, type ErrorHints } from './errors';
import { describeFolder } from './folder';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';

export async function findJobsByReference(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	reference: string,
	createdSince?: Date,
): Promise<Job[]> {
	const since = createdSince ? ` and CreationTime ge ${createdSince.toISOString()}` : '';
	const response = await uiPathApiRequest<ODataPage<Job>>(context, credentialType, {
		path: ODATA.jobs,
		folder,
		qs: { $filter: `Reference eq ${odataString(reference)}${since}`, $orderby: 'Id asc' },
	});
	return response.value ?? [];
}

/** Clocks of n8n and UiPath differ; a reference lookup accepts jobs created this long before the start. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Pause between the two reference lookups after an ambiguous start. */
const SETTLE_MS = 2_000;
/** StartJobs answers within seconds; past this the answer counts as lost and the reference lookup decides. */
const START_TIMEOUT_MS = 30_000;

interface StartRequest {
	context: UiPathContext;
	credentialType: UiPathCredentialType;
	folder: FolderRef;
	startInfo: StartInfo;
	options: { timeoutMs?: number; hints?: ErrorHints };
}

async function sendStart({ context, credentialType, folder, startInfo, options }: StartRequest): Promise<Job[]> {
	const response = await uiPathApiRequest<ODataPage<Job>>(context, credentialType, {
		method: 'POST',
		path: ODATA.startJobs,
		folder,
		body: { startInfo },
		idempotent: false,
		timeoutMs: options.timeoutMs ?? START_TIMEOUT_MS,
		hints: options.hints,
	});
	return response.value ?? [];
}

/** The jobs a start created although its answer was lost; any other failure means no job was created, and is thrown. */
async function recoverStart(start: StartRequest, createdSince: Date, error: unknown): Promise<{ found: Job[]; failure: UiPathApiError }> {
	if (!(error instanceof UiPathApiError) || !error.ambiguous) throw error;
	const { context, credentialType, folder, startInfo } = start;
	let found = await findJobsByReference(context, credentialType, folder, startInfo.Reference, createdSince);
	if (found.length === 0) {
		// A start still being processed when the answer was lost may not be visible yet: look once more.
		await sleep(SETTLE_MS, cancelSignalOf(context));
		found = await findJobsByReference(context, credentialType, folder, startInfo.Reference, createdSince);
	}
	return { found, failure: error };
}

/**
 * Starts jobs so that a robot runs once even when the answer is lost: StartJobs is never resent blindly.
 * After an ambiguous failure (no answer, or 5xx) the jobs are looked up by `startInfo.Reference`; only
 * when none exists is the start sent again, once. `lookUpFirst` (a re-run of the execution may already have
 * started them) looks the reference up before the first start, at any age, and returns the jobs it finds.
 */
export async function startJobsExactlyOnce(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	startInfo: StartInfo,
	options: { timeoutMs?: number; hints?: ErrorHints; lookUpFirst?: boolean } = {},
): Promise<Job[]> {
	if (options.lookUpFirst) {
		const earlier = await findJobsByReference(context, credentialType, folder, startInfo.Reference);
		if (earlier.length > 0) return earlier;
	}
	const createdSince = new Date(Date.now() - CLOCK_SKEW_MS);
	const start: StartRequest = { context, credentialType, folder, startInfo, options };
	try {
		return await sendStart(start);
	} catch (firstError) {
		const { found } = await recoverStart(start, createdSince, firstError);
		if (found.length > 0) return found;
	}
	try {
		return await sendStart(start);
	} catch (secondError) {
		const { found, failure } = await recoverStart(start, createdSince, secondError);
		if (found.length > 0) return found;
		throw failure;
	}
}

/** A job by its numeric Id or its Key (GUID). */
export async function getJob(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	jobId: string | number,
): Promise<Job> {
	const id = String(jobId).trim();
	if (/^\d+$/.test(id)) {
		return await uiPathApiRequest<Job>(context, credentialType, { path: ODATA.job(Number(id)), folder, qs: { $expand: JOB_EXPAND } });
	}
	if (!GUID.test(id)) {
		throw new NodeOperationError(context.getNode(), `Job ID "${id}" is neither a numeric Id nor a Key (GUID)`);
	}
	const response = await uiPathApiRequest<ODataPage<Job>>(context, credentialType, {
		path: ODATA.jobs,
		folder,
		qs: { $filter: `Key eq ${id}`, $top: 1, $expand: JOB_EXPAND },
	});
	const job = response.value?.[0];
	if (!job) {
		throw new NodeOperationError(context.getNode(), `No job with Key ${id} in ${describeFolder(folder)}`, {
			description: 'Check the job Key and the folder the job ran in.',
		});
	}
	return job;
}

export function isFinal(job: Job): boolean {
	return FINAL_JOB_STATES.includes(job.State);
}

/** Polls a job until it reaches a final state, the deadline passes (error naming the job and its last state), or the execution is cancelled. */
export async function waitForJob(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	job: Job,
	options: { timeoutMs: number; pollIntervalMs: number; deadline?: number },
): Promise<Job> {
	const deadline = options.deadline ?? Date.now() + options.timeoutMs;
	const signal = cancelSignalOf(context);
	let current = job;
	while (!isFinal(current)) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Job ${current.Id}${current.ReleaseName ? ` (${current.ReleaseName})` : ''} did not finish within ${Math.round(options.timeoutMs / 1000)} s; its last state was ${current.State}`,
				{
					description: `Job Key ${current.Key}. Raise the Timeout option, or use the Wait operation later with this job's Id.`,
				},
			);
		}
		try {
			await sleep(Math.min(options.pollIntervalMs, remaining), signal);
		} catch {
			throw new NodeOperationError(context.getNode(), `Stopped waiting for job ${current.Id}: the execution was cancelled`, {
				description: `The job keeps running in UiPath (last state ${current.State}).`,
			});
		}
		current = await uiPathApiRequest<Job>(context, credentialType, { path: ODATA.job(current.Id), folder });
	}
	return current;
}
