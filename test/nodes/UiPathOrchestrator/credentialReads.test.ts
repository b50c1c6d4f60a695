/**
 * How often an execution reads the stored credential (in n8n a database read and a decryption each): the node
 * reads it once, for the URLs, and hands that read to n8n's request helper for the requests that follow within
 * CREDENTIAL_REUSE_MS; a request after a longer pause reads again and authenticates with what is stored then.
 * Counted on the harness's credential store, which n8n's credentials helper port reads through `find`.
 */
import type { CredentialStore } from '../../harness';
import type { INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_REUSE_MS } from '../../../nodes/UiPathOrchestrator/transport/credentialData';
import { PROCESSES } from '../../../sandbox/fixtures';
import { CREDENTIAL_ID, expectConformingRequests, locator, SHARED, startSuite, type CredentialKind, type Suite } from './sandboxSuite';

const START: INodeParameters = {
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	options: { concurrency: 4 },
};

/** Counts the reads of n8n's credentials helper on the suite's store for this kind. */
function countReads(suite: Suite, kind: CredentialKind): { reads: number } {
	const counter = { reads: 0 };
	const store = suite.stores.get(kind) as CredentialStore;
	const find = store.find.bind(store);
	store.find = (id, type) => {
		counter.reads++;
		return find(id, type);
	};
	return counter;
}

describe.each(['clientCredentials', 'personalAccessToken'] as const)('credential reads with %s', (kind: CredentialKind) => {
	let suite: Suite;
	let counter: { reads: number };
	beforeAll(async () => {
		suite = await startSuite([kind]);
		counter = countReads(suite, kind);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it('one per execution for a batch of requests: n8n authenticates each with the node\'s read', async () => {
		// A first run stores the access token, so the counted run signs in no more.
		await suite.run(kind, START);
		suite.sandbox.state.clearRequests();
		counter.reads = 0;
		const startedAt = Date.now();
		const result = await suite.run(kind, START, { items: Array.from({ length: 8 }, (_, n) => ({ n })) });
		const tookMs = Date.now() - startedAt;
		expect(result.status).toBe('success');
		const requests = suite.apiRequests().length;
		expect(requests).toBe(8);
		// One read, and one more for each CREDENTIAL_REUSE_MS the run took (a loaded machine can stretch it).
		expect(counter.reads).toBeGreaterThanOrEqual(1);
		expect(counter.reads).toBeLessThanOrEqual(1 + Math.floor(tookMs / CREDENTIAL_REUSE_MS));
		expect(counter.reads).toBeLessThan(requests);
	});
});

describe('credential read again after a pause', () => {
	let suite: Suite;
	let counter: { reads: number };
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials']);
		counter = countReads(suite, 'clientCredentials');
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	/** What another execution's sign-in would store: a token the sandbox issued outside this execution. */
	async function tokenFromAnotherExecution(): Promise<string> {
		const { credentials } = suite.sandbox.state;
		const response = await fetch(credentials.clientCredentials.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: credentials.clientCredentials.clientId,
				client_secret: credentials.clientCredentials.clientSecret,
				scope: credentials.clientCredentials.scope,
			}),
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { access_token: string }).access_token;
	}

	it('a poll after more than CREDENTIAL_REUSE_MS uses the token another execution stored meanwhile', async () => {
		await suite.run('clientCredentials', START);
		const store = suite.stores.get('clientCredentials') as CredentialStore;
		const firstToken = String(store.data(CREDENTIAL_ID).accessToken);
		suite.sandbox.state.clearRequests();
		counter.reads = 0;
		const pollIntervalSeconds = Math.ceil(CREDENTIAL_REUSE_MS / 1000) + 1;
		const running = suite.run('clientCredentials', {
			...START,
			options: { waitForCompletion: true, pollInterval: pollIntervalSeconds, timeout: 60 },
		});
		// Once the start is in, another execution stores a new token; the first poll comes a poll interval later.
		while (!suite.apiRequests().some((request) => request.method === 'POST' && request.status !== 0)) await new Promise((resolve) => setTimeout(resolve, 20));
		const newerToken = await tokenFromAnotherExecution();
		store.write(CREDENTIAL_ID, 'uiPathApi', { ...store.data(CREDENTIAL_ID), accessToken: newerToken }, 'updateCredentials');

		const result = await running;
		expect(result.status).toBe('success');
		const [start, ...polls] = suite.apiRequests();
		expect(start.method).toBe('POST');
		expect(start.headers.authorization).toBe(`Bearer ${firstToken}`);
		expect(polls.length).toBeGreaterThan(0);
		for (const poll of polls) expect(poll.headers.authorization).toBe(`Bearer ${newerToken}`);
		// One read for the start, one more for each poll (each comes after the window).
		expect(counter.reads).toBe(1 + polls.length);
	});
});
