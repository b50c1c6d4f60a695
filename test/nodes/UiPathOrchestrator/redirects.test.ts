import { startRecordingOrigin, type RecordingOrigin } from '../../support/recordingOrigin';
import { CREDENTIAL_ID, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

const LIST_RELEASES = { resource: 'release', operation: 'getAll', folder: SHARED, returnAll: true };

/** A redirect from Orchestrator to another origin must not carry the token there (n8n re-adds it by default). */
describe('redirects of Orchestrator requests', () => {
	let suite: Suite;
	let other: RecordingOrigin;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials', 'personalAccessToken', 'oauth2']);
		other = await startRecordingOrigin();
	});
	afterAll(async () => {
		await suite.close();
		await other.close();
	});
	beforeEach(() => {
		other.received.length = 0;
		suite.sandbox.state.faults = [];
	});

	/** The credential's own secrets and every token the runs stored. */
	function secrets(): string[] {
		const { credentials } = suite.sandbox.state;
		const found = [credentials.clientCredentials.clientSecret, credentials.personalAccessToken];
		for (const store of suite.stores.values()) {
			const data = store.data(CREDENTIAL_ID);
			const token = data.oauthTokenData as Record<string, unknown> | undefined;
			for (const value of [data.accessToken, token?.access_token, token?.refresh_token]) {
				if (typeof value === 'string' && value.length >= 8) found.push(value);
			}
		}
		return found;
	}

	it.each(['clientCredentials', 'personalAccessToken', 'oauth2'] as const)(
		'%s: a 302 to another origin is followed without the Authorization header',
		async (kind) => {
			suite.sandbox.state.faults = [
				{ method: 'GET', path: '/odata/Releases', redirect: { status: 302, location: `${other.url}/odata/Releases` } },
			];
			const result = await suite.run(kind, LIST_RELEASES);
			expect(result.error).toBeUndefined();
			expect(other.received.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /odata/Releases']);
			expect(other.received[0].headers.authorization).toBeUndefined();
			const reached = JSON.stringify(other.received);
			expect(secrets().filter((secret) => reached.includes(secret))).toEqual([]);
		},
	);

	it('keeps the token on a redirect within the same origin', async () => {
		const { organization, tenant, personalAccessToken } = suite.sandbox.state.credentials;
		const sameUrl = `${suite.sandbox.url}/${organization}/${tenant}/orchestrator_/odata/Releases`;
		suite.sandbox.state.faults = [{ method: 'GET', path: '/odata/Releases', times: 1, redirect: { status: 302, location: sameUrl } }];
		suite.sandbox.state.clearRequests();
		const result = await suite.run('personalAccessToken', LIST_RELEASES);
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_NAME).length).toBeGreaterThan(0);
		const releases = suite.sandbox.state.requests.filter((request) => request.path.endsWith('/odata/Releases'));
		expect(releases.map((request) => request.status)).toEqual([302, 200]);
		expect(releases[1].headers.authorization).toBe(`Bearer ${personalAccessToken}`);
		expect(other.received).toEqual([]);
	});
});
