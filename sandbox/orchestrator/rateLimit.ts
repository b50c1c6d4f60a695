/** Above `requests` per `perSeconds` (per tenant and route), `GET Jobs` and `GET QueueItems` answer 429. */
export interface RateLimitOptions {
	requests: number;
	perSeconds: number;
}

/** Sliding window of request times per key. */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();

	/** Records the request and returns undefined, or returns the seconds to wait when over the limit. */
	take(key: string, limit: RateLimitOptions, now = Date.now()): number | undefined {
		const windowMs = limit.perSeconds * 1000;
		const times = (this.windows.get(key) ?? []).filter((time) => time > now - windowMs);
		this.windows.set(key, times);
		if (times.length >= limit.requests) return Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
		times.push(now);
		return undefined;
	}

	reset(): void {
		this.windows.clear();
	}
}
