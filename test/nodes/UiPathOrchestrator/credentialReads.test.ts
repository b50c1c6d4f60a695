/**
 * How often an execution reads the stored credential (in n8n a database read and a decryption each): n8n's
 * request helper reads it for every request it authenticates, and the node reads it once more per execution and
 * credential type, for the URLs. Counted on the harness's credential store, which n8n's credentials helper port
 * reads through `find`.
 */
import type { CredentialStore } from '../../harness';
import type { INodeParameters } from 'n8n-workflow';

import { PROCESSES } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, SHARED, startSuite, type CredentialKind, type Suite } from './sandboxSuite';

const START: INodeParameters = {
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	options: { concurrency: 4 },
};

describe.each(['clientCredentials', 'personalAccessToken'] as const)('credential reads with %s', (kind: CredentialKind) => {
	let suite: Suite;
	let reads = 0;
	beforeAll(async () => {
		suite = await startSuite([kind]);
		const store = suite.stores.get(kind) as CredentialStore;
		const find = store.find.bind(store);
		store.find = (id, type) => {
			reads++;
			return find(id, type);
		};
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it('one per request, plus one per execution for the endpoints', async () => {
		// A first run stores the access token, so the counted run signs in no more.
		await suite.run(kind, START);
		suite.sandbox.state.clearRequests();
		reads = 0;
		const result = await suite.run(kind, START, { items: Array.from({ length: 8 }, (_, n) => ({ n })) });
		expect(result.status).toBe('success');
		const requests = suite.apiRequests().length;
		expect(requests).toBe(8);
		expect(reads).toBe(requests + 1);
	});
});
