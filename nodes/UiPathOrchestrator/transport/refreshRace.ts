import { sleep } from 'n8n-workflow';

import { refreshTokenHash } from '../../../credentials/auth/tokenErrors';
import type { UiPathCredentialType } from '../helpers/interfaces';
import { cancelSignalOf, type UiPathContext } from './callerContext';
import { rereadCredential } from './credentialData';
import { inspectFailure } from './errors';

/**
 * Waits before each look at the stored credential after a refused refresh: another worker stores its rotated
 * token milliseconds after trading it, so a few seconds in all cover a slow database. Each wait gets jitter
 * so that the executions of one worker that lost the race together do not resend together.
 */
export const REFRESH_RACE_WAITS_MS = [150, 300, 600, 1_200, 2_000];
/** Resends of a request refused 401 after n8n re-authenticated; each one signs in again first. */
const UNAUTHORIZED_RESENDS = 3;

/** The hash a refused refresh carries, found anywhere in the cause chain n8n wraps it in. */
export function refusedRefreshTokenHash(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
		const level = current as { name?: unknown; refusedTokenHash?: unknown; cause?: unknown };
		// By name, not instanceof: n8n may load the credential and the node from separate module copies.
		if (level.name === 'RefreshTokenRefusedError' && typeof level.refusedTokenHash === 'string') return level.refusedTokenHash;
		current = level.cause;
	}
	return undefined;
}

/** Reads the stored credential again, which the resend then uses. */
async function storedRefreshTokenHash(context: UiPathContext, credentialType: UiPathCredentialType): Promise<string> {
	const stored = await rereadCredential(context, credentialType);
	return typeof stored.refreshToken === 'string' && stored.refreshToken ? refreshTokenHash(stored.refreshToken) : '';
}

/**
 * Sends, and when the credential's refresh answered invalid_grant, looks again at the credential n8n has
 * stored: if another n8n process (a queue-mode worker) has stored a newer refresh token, the request is
 * sent again with that one. Only while the stored token is still the refused one does the
 * refusal stand, after the last wait, with the credential's "sign in again" message.
 * A 401 that survived n8n's own re-authentication is sent again, UNAUTHORIZED_RESENDS times at most: the
 * token another process had just stored can expire before the resend arrives, and UiPath acts on no request
 * it answered 401.
 */
export async function withRefreshRaceRecovery<T>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	send: () => Promise<T>,
): Promise<T> {
	let races = 0;
	let wait = 0;
	let unauthorizedResends = 0;
	for (;;) {
		let failure: unknown;
		try {
			const value = await send();
			if (races > 0) context.logger.info(`UiPath refresh race recovered after ${races} resend(s)`);
			return value;
		} catch (error) {
			failure = error;
		}
		if (unauthorizedResends < UNAUTHORIZED_RESENDS && inspectFailure(failure).status === 401) {
			unauthorizedResends++;
			// The resend authenticates with what is stored now, as a request of its own would.
			await rereadCredential(context, credentialType);
			continue;
		}
		const refused = credentialType === 'uiPathApi' ? refusedRefreshTokenHash(failure) : undefined;
		if (refused === undefined) throw failure;
		let moved = false;
		while (!moved && wait < REFRESH_RACE_WAITS_MS.length) {
			const base = REFRESH_RACE_WAITS_MS[wait++];
			await sleep(base / 2 + Math.random() * base, cancelSignalOf(context));
			moved = (await storedRefreshTokenHash(context, credentialType)) !== refused;
		}
		if (!moved) throw failure;
		races++;
		context.logger.info('UiPath refresh race: another n8n process had already traded the refresh token; resending with the one it stored');
	}
}
