import { startSandbox, type Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID, LEGACY_CLIENT_ID, ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME, PUBLIC_CLIENT_ID } from '../../sandbox/fixtures';
import { DEFAULT_APPLICATION_SCOPE } from '../../credentials/auth/scopes';
import { CredentialStore } from '../harness';
import {
	CREDENTIAL_ID,
	GET_CURRENT_USER,
	apiData,
	formOf,
	loginWithTool,
	orchestratorUrl,
	requestsTo,
	runRequest,
	signInRequests,
	storeWith,
} from './support';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Expiry, rotation and concurrency of uiPathApi through n8n-core against a sandbox whose access tokens live
 * two seconds. n8n tracks no expiry: an expired token is answered 401, n8n-core calls preAuthentication once
 * more and resends once.
 */
describe('uiPathApi: expired tokens, rotating refresh tokens, concurrent use', () => {
	let sandbox: Sandbox;
	let meUrl: string;
	let mePath: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ accessTokenTtlSeconds: 2 });
		meUrl = `${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`;
		mePath = new URL(meUrl).pathname;
	});
	afterAll(async () => await sandbox.close());

	const signedIn = async () => {
		const { refreshToken } = await loginWithTool(sandbox, 'automationCloud');
		sandbox.state.clearRequests();
		return { refreshToken, data: apiData(sandbox, 'automationCloud', { authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken }) };
	};
	const refreshGrants = () => signInRequests(sandbox).map((request) => formOf(request.body).refresh_token);
	/** What the identity server says about a refresh token now (spending it when it is still good). */
	const identityAccepts = async (refreshToken: string) => {
		const response = await fetch(`${sandbox.url}/identity_/connect/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: PUBLIC_CLIENT_ID }),
		});
		return response.status === 200;
	};

	it('refreshToken: refreshes an expired token once, retries the request, and persists the rotated refresh token', async () => {
		const { refreshToken: signInToken, data } = await signedIn();
		const store = storeWith(data);
		expect((await runRequest(store, meUrl)).error).toBeUndefined();
		const afterFirst = store.data(CREDENTIAL_ID);
		expect(afterFirst.refreshToken).not.toBe(signInToken);

		await sleep(2500);
		sandbox.state.clearRequests();
		const result = await runRequest(store, meUrl);
		expect(result.error).toBeUndefined();
		expect(result.json('Request')[0]).toHaveProperty('UserName');

		const stored = store.data(CREDENTIAL_ID);
		expect(refreshGrants()).toEqual([afterFirst.refreshToken]);
		expect(requestsTo(sandbox, mePath).map((request) => `${request.status} ${request.headers.authorization}`)).toEqual([
			`401 Bearer ${afterFirst.accessToken}`,
			`200 Bearer ${stored.accessToken}`,
		]);
		expect(stored.refreshToken).not.toBe(afterFirst.refreshToken);
		expect(store.writes.at(-1)?.data).toMatchObject({ accessToken: stored.accessToken, refreshToken: stored.refreshToken });
		// The persisted one is the live one; the one it replaced is spent.
		expect(await identityAccepts(String(afterFirst.refreshToken))).toBe(false);
	});

	it('refreshToken: items sent at once spend the refresh token once', async () => {
		const { refreshToken, data } = await signedIn();
		const store = storeWith(data);
		const result = await runRequest(store, meUrl, { items: 5, concurrent: true });
		expect(result.error).toBeUndefined();
		expect(result.json('Request')).toHaveLength(5);
		expect(refreshGrants()).toEqual([refreshToken]);
		expect(requestsTo(sandbox, mePath).map((request) => request.status)).toEqual([200, 200, 200, 200, 200]);
	});

	it('refreshToken: after expiry, concurrent items that all got 401 refresh once and all retry', async () => {
		const { data } = await signedIn();
		const store = storeWith(data);
		expect((await runRequest(store, meUrl)).error).toBeUndefined();
		const before = store.data(CREDENTIAL_ID);
		await sleep(2500);
		sandbox.state.clearRequests();

		const result = await runRequest(store, meUrl, { items: 4, concurrent: true });
		expect(result.error).toBeUndefined();
		expect(refreshGrants()).toEqual([before.refreshToken]);
		const statuses = requestsTo(sandbox, mePath).map((request) => request.status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(4);
		expect(statuses.filter((status) => status === 200)).toHaveLength(4);
	});

	it('refreshToken: two executions at once share one credential and spend its refresh token once', async () => {
		const { refreshToken, data } = await signedIn();
		const store = storeWith(data);
		const results = await Promise.all([
			runRequest(store, meUrl, { items: 2, concurrent: true }),
			runRequest(store, meUrl, { items: 2, concurrent: true }),
		]);
		expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
		expect(refreshGrants()).toEqual([refreshToken]);
		expect(await identityAccepts(String(store.data(CREDENTIAL_ID).refreshToken))).toBe(true);
	});

	it('refreshToken: an execution that read the credential before another rotated it gets the successor, not invalid_grant', async () => {
		const { refreshToken, data } = await signedIn();
		// Two reads of the same credential: one before and one after the first execution rotated it.
		const early = storeWith(data);
		const late = storeWith(data);
		expect((await runRequest(early, meUrl)).error).toBeUndefined();
		const rotated = early.data(CREDENTIAL_ID);

		const result = await runRequest(late, meUrl);
		expect(result.error).toBeUndefined();
		expect(refreshGrants()).toEqual([refreshToken]);
		expect(late.data(CREDENTIAL_ID)).toMatchObject({ accessToken: rotated.accessToken, refreshToken: rotated.refreshToken });
	});

	it('clientCredentials: fetches a new token when the old one expired, and concurrent items fetch one', async () => {
		const store = storeWith(
			apiData(sandbox, 'automationCloud', {
				authType: 'clientCredentials',
				clientId: CONFIDENTIAL_CLIENT_ID,
				clientSecret: sandbox.state.credentials.clientCredentials.clientSecret,
				scope: DEFAULT_APPLICATION_SCOPE,
			}),
		);
		sandbox.state.clearRequests();
		expect((await runRequest(store, meUrl, { items: 3, concurrent: true })).error).toBeUndefined();
		expect(signInRequests(sandbox).map((request) => formOf(request.body).grant_type)).toEqual(['client_credentials']);
		const first = store.data(CREDENTIAL_ID).accessToken;

		await sleep(2500);
		expect((await runRequest(store, meUrl)).error).toBeUndefined();
		expect(signInRequests(sandbox)).toHaveLength(2);
		expect(store.data(CREDENTIAL_ID).accessToken).not.toBe(first);
	});

	it('password (on-premises): signs in again when Orchestrator no longer accepts the stored token', async () => {
		const store = storeWith(
			apiData(sandbox, 'onPremises', {
				authType: 'password',
				tenancyName: ON_PREMISES_TENANCY_NAME,
				username: ON_PREMISES_USERNAME,
				password: sandbox.state.credentials.onPremises.password,
				accessToken: 'a-token-orchestrator-forgot',
			}),
		);
		sandbox.state.clearRequests();
		const url = `${orchestratorUrl(sandbox, 'onPremises')}${GET_CURRENT_USER}`;
		const result = await runRequest(store, url);
		expect(result.error).toBeUndefined();
		expect(signInRequests(sandbox)).toHaveLength(1);
		expect(requestsTo(sandbox, new URL(url).pathname).map((request) => request.status)).toEqual([401, 200]);
		expect(store.data(CREDENTIAL_ID).accessToken).not.toBe('a-token-orchestrator-forgot');
	});

	it('refreshToken with the 2019 preset: refreshes a refused token and keeps the refresh token, which that flow does not rotate', async () => {
		const { refreshToken } = await loginWithTool(sandbox, 'legacy2019');
		const store = new CredentialStore([
			{
				id: CREDENTIAL_ID,
				name: 'UiPath 2019',
				type: 'uiPathApi',
				data: apiData(sandbox, 'legacy2019', { authType: 'refreshToken', clientId: LEGACY_CLIENT_ID, refreshToken, accessToken: 'expired-yesterday' }),
			},
		]);
		sandbox.state.clearRequests();
		const url = `${orchestratorUrl(sandbox, 'legacy2019')}${GET_CURRENT_USER}`;
		const result = await runRequest(store, url);
		expect(result.error).toBeUndefined();
		expect(signInRequests(sandbox).map((request) => JSON.parse(request.body).grant_type)).toEqual(['refresh_token']);
		expect(requestsTo(sandbox, new URL(url).pathname).map((request) => request.status)).toEqual([401, 200]);
		expect(store.data(CREDENTIAL_ID).refreshToken).toBe(refreshToken);
	});
});
