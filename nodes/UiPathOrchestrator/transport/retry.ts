import { sleep } from 'n8n-workflow';

import { UiPathApiError } from './errors';

export interface RetryPolicy {
	/** Retries after 429; the request was refused, so any method may be resent. */
	rateLimitRetries: number;
	/** Longest wait for one Retry-After, so a huge value cannot stall the run. */
	maxRetryAfterMs: number;
	/** Wait when a 429 carries no Retry-After. */
	defaultRetryAfterMs: number;
	/** Waits before each resend after a 5xx or a network error (idempotent requests only). */
	serverErrorBackoffMs: number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	rateLimitRetries: 5,
	maxRetryAfterMs: 30_000,
	defaultRetryAfterMs: 1_000,
	serverErrorBackoffMs: [500, 1_500, 4_000],
};

/** Sends until success, resending only what cannot do harm twice; the last failure is thrown as it is. Only UiPathApiErrors are retried. */
export async function withRetries<T>(
	send: () => Promise<T>,
	options: { idempotent: boolean; signal?: AbortSignal; policy?: RetryPolicy },
): Promise<T> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	let rateLimited = 0;
	let serverErrors = 0;
	for (;;) {
		let failure: unknown;
		try {
			return await send();
		} catch (error) {
			failure = error;
		}
		if (!(failure instanceof UiPathApiError)) throw failure;
		const { status, networkCode } = failure;
		const transient = (status !== undefined && status >= 500) || (status === undefined && networkCode !== undefined);
		let wait: number | undefined;
		if (options.signal?.aborted) wait = undefined;
		else if (status === 429 && rateLimited < policy.rateLimitRetries) {
			rateLimited++;
			wait = Math.min(failure.retryAfterMs ?? policy.defaultRetryAfterMs, policy.maxRetryAfterMs);
		} else if (options.idempotent && transient && serverErrors < policy.serverErrorBackoffMs.length) {
			wait = policy.serverErrorBackoffMs[serverErrors++];
		}
		if (wait === undefined) throw failure;
		await sleep(wait, options.signal);
	}
}
