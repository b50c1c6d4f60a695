import { refreshOnce, singleFlight } from '../../../credentials/auth/singleFlight';
import type { TokenSet } from '../../../credentials/auth/tokenRequests';

/**
 * The concurrency rules alone, with an in-memory identity server that behaves like UiPath's (single-use,
 * rotating refresh tokens); the same rules over real HTTP are in test/credentials/UiPathApi.refresh.test.ts.
 */
function rotatingIdentity(expiresIn: number) {
	let generation = 0;
	const valid = new Set(['rt-0']);
	const spent: string[] = [];
	const refresh = async (refreshToken: string): Promise<TokenSet> => {
		spent.push(refreshToken);
		await new Promise((resolve) => setTimeout(resolve, 20));
		if (!valid.delete(refreshToken)) throw new Error('invalid_grant');
		generation += 1;
		valid.add(`rt-${generation}`);
		return { accessToken: `at-${generation}`, refreshToken: `rt-${generation}`, expiresIn };
	};
	return { refresh, spent };
}

let scopeCounter = 0;
/** A token endpoint no other test uses, for a public client (no secret) unless one is given. */
const freshScope = (clientSecret?: string) => ({ tokenUrl: `https://identity.test/${++scopeCounter}/connect/token`, clientId: 'app', clientSecret });

describe('refreshOnce', () => {
	it('spends a refresh token once when several callers need a token at the same moment', async () => {
		const identity = rotatingIdentity(3600);
		const scope = freshScope();
		const results = await Promise.all(Array.from({ length: 5 }, async () => await refreshOnce(scope, 'rt-0', identity.refresh)));
		expect(identity.spent).toEqual(['rt-0']);
		expect(new Set(results.map((result) => result.accessToken))).toEqual(new Set(['at-1']));
	});

	it('gives a late reader of the spent token the successor instead of replaying it', async () => {
		const identity = rotatingIdentity(3600);
		const scope = freshScope();
		const first = await refreshOnce(scope, 'rt-0', identity.refresh);
		const late = await refreshOnce(scope, 'rt-0', identity.refresh);
		expect(late).toEqual(first);
		expect(identity.spent).toEqual(['rt-0']);
	});

	it('refreshes with the successor when the late reader would get an expired access token', async () => {
		const identity = rotatingIdentity(1);
		const scope = freshScope();
		await refreshOnce(scope, 'rt-0', identity.refresh);
		await new Promise((resolve) => setTimeout(resolve, 600));
		const late = await refreshOnce(scope, 'rt-0', identity.refresh);
		expect(identity.spent).toEqual(['rt-0', 'rt-1']);
		expect(late).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' });
	});

	it('shares a failure with every waiter and remembers nothing from it', async () => {
		const identity = rotatingIdentity(3600);
		const scope = freshScope();
		const attempts = await Promise.allSettled([
			refreshOnce(scope, 'rt-unknown', identity.refresh),
			refreshOnce(scope, 'rt-unknown', identity.refresh),
		]);
		expect(attempts.map((attempt) => attempt.status)).toEqual(['rejected', 'rejected']);
		expect(identity.spent).toEqual(['rt-unknown']);
		await expect(refreshOnce(scope, 'rt-unknown', identity.refresh)).rejects.toThrow('invalid_grant');
		expect(identity.spent).toEqual(['rt-unknown', 'rt-unknown']);
	});

	it('never hands one secret\'s result to a caller with another secret for the same refresh token', async () => {
		const identity = rotatingIdentity(3600);
		const right = freshScope('the-right-secret');
		const wrong = { ...right, clientSecret: 'a-wrong-secret' };
		const first = await refreshOnce(right, 'rt-0', identity.refresh);
		await expect(refreshOnce(wrong, 'rt-0', identity.refresh)).rejects.toThrow('invalid_grant');
		await expect(refreshOnce({ ...right, clientSecret: undefined }, 'rt-0', identity.refresh)).rejects.toThrow('invalid_grant');
		expect(identity.spent).toEqual(['rt-0', 'rt-0', 'rt-0']);
		expect(await refreshOnce(right, 'rt-0', identity.refresh)).toEqual(first);
	});

	it('forgets a spent token once the late-reader window is over, so nothing outlives the race it covers', async () => {
		const identity = rotatingIdentity(3600);
		const scope = freshScope();
		const start = Date.now();
		await refreshOnce(scope, 'rt-0', identity.refresh);
		const now = jest.spyOn(Date, 'now');
		try {
			now.mockReturnValue(start + 60_000);
			await refreshOnce(scope, 'rt-0', identity.refresh);
			expect(identity.spent).toEqual(['rt-0']);
			now.mockReturnValue(start + 5 * 60_000);
			await expect(refreshOnce(scope, 'rt-0', identity.refresh)).rejects.toThrow('invalid_grant');
			expect(identity.spent).toEqual(['rt-0', 'rt-0']);
		} finally {
			now.mockRestore();
		}
	});

	it('keeps identity servers and clients apart', async () => {
		const first = rotatingIdentity(3600);
		const second = rotatingIdentity(3600);
		await Promise.all([refreshOnce(freshScope(), 'rt-0', first.refresh), refreshOnce(freshScope(), 'rt-0', second.refresh)]);
		expect(first.spent).toEqual(['rt-0']);
		expect(second.spent).toEqual(['rt-0']);
	});
});

describe('singleFlight', () => {
	it('runs one request for concurrent callers and a new one after it settled', async () => {
		let calls = 0;
		const request = async (): Promise<TokenSet> => {
			calls += 1;
			await new Promise((resolve) => setTimeout(resolve, 10));
			return { accessToken: `at-${calls}` };
		};
		const [a, b] = await Promise.all([singleFlight('k', request), singleFlight('k', request)]);
		expect(a).toBe(b);
		expect((await singleFlight('k', request)).accessToken).toBe('at-2');
	});
});
