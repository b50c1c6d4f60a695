import { createHash } from 'crypto';

import type { TokenSet } from './tokenRequests';

/**
 * Token requests in flight in this process, keyed by a hash of what they spend; an entry lives until its
 * request settles, so two items or executions that need a token at the same moment send one request.
 */
const inFlight = new Map<string, Promise<TokenSet>>();

/**
 * Refresh tokens this process already spent, with what they were traded for. An execution that read the
 * credential just before another one rotated it still holds the spent token; replaying it would earn
 * `invalid_grant` (and may revoke the whole token family), so it gets the successor's result instead.
 * Entries are keyed by everything that authorizes the refresh, so another credential holding the same
 * token with another secret or identity server is never handed this one's result.
 */
const spent = new Map<string, { result: TokenSet; spentAt: number; accessTokenValidUntil: number }>();
/** The late reader read the credential before the rotation was saved and is here after one request (60 s timeout) answered 401. */
const LATE_READER_WINDOW_MS = 90_000;
const MAX_SPENT = 256;

export function flightKey(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Runs on every use of the token cache (no timers in credential code): nothing is kept past its window. */
function forgetExpired(now: number): void {
	for (const [key, entry] of spent) {
		if (now - entry.spentAt > LATE_READER_WINDOW_MS || spent.size > MAX_SPENT) spent.delete(key);
	}
}

/** Runs `request` unless an identical one is already in flight, whose result is then shared. */
export async function singleFlight(key: string, request: () => Promise<TokenSet>): Promise<TokenSet> {
	forgetExpired(Date.now());
	const running = inFlight.get(key);
	if (running) return await running;
	const flight = request().finally(() => inFlight.delete(key));
	inFlight.set(key, flight);
	return await flight;
}

/** Until when a freshly issued access token may be handed to a late reader: its lifetime less a margin. */
function validUntil(result: TokenSet, now: number): number {
	if (!result.expiresIn) return now;
	const lifetimeMs = result.expiresIn * 1000;
	return now + lifetimeMs - Math.min(30_000, lifetimeMs / 2);
}

/** What authorizes a refresh besides the token itself; the secret enters the cache key only through its hash. */
export interface RefreshAuthority {
	tokenUrl: string;
	clientId: string;
	clientSecret?: string;
}

/** Trades a single-use refresh token at most once in this process; `refresh` performs the actual request. */
export async function refreshOnce(
	authority: RefreshAuthority,
	refreshToken: string,
	refresh: (refreshToken: string) => Promise<TokenSet>,
): Promise<TokenSet> {
	const now = Date.now();
	forgetExpired(now);
	const key = flightKey(authority.tokenUrl, authority.clientId, flightKey(authority.clientSecret ?? ''), refreshToken);
	const previous = spent.get(key);
	if (previous) {
		if (previous.accessTokenValidUntil > now) return previous.result;
		// The successor's access token is stale too: refresh with the successor, which the store now holds.
		return await refreshOnce(authority, previous.result.refreshToken as string, refresh);
	}
	return await singleFlight(key, async () => {
		const result = await refresh(refreshToken);
		if (result.refreshToken && result.refreshToken !== refreshToken) {
			const spentAt = Date.now();
			spent.set(key, { result, spentAt, accessTokenValidUntil: validUntil(result, spentAt) });
		}
		return result;
	});
}
