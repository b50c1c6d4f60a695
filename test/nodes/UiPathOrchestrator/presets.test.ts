/**
 * The other identity presets of `uiPathApi`: the 2019 cloud platform (account.uipath.com sign-in, Orchestrator at
 * /{account}/{tenant} with X-UIPATH-TenantName) and an on-premises Orchestrator (username and password).
 */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../harness';
import { createPkcePair } from '../../../credentials/auth/pkce';
import { LEGACY_CLIENT_ID, LEGACY_REDIRECT_URI, PROCESSES, TENANT } from '../../../sandbox/fixtures';
import { CREDENTIAL_ID, expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

/** The 2019 guide's sign-in, the test playing the browser: authorize, read the code off the fixed redirect, trade it (JSON body). */
async function legacyRefreshToken(baseUrl: string): Promise<string> {
	const pkce = createPkcePair();
	const authorize = new URL(`${baseUrl}/authorize`);
	authorize.search = new URLSearchParams({
		response_type: 'code',
		client_id: LEGACY_CLIENT_ID,
		redirect_uri: LEGACY_REDIRECT_URI,
		scope: 'openid profile email offline_access',
		code_challenge: pkce.codeChallenge,
		code_challenge_method: 'S256',
	}).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location') ?? 'about:blank').searchParams.get('code');
	if (!code) throw new Error(`authorize answered ${redirect.status}`);
	const token = await fetch(`${baseUrl}/oauth/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: LEGACY_REDIRECT_URI, code_verifier: pkce.codeVerifier, client_id: LEGACY_CLIENT_ID }),
	});
	const body = (await token.json()) as IDataObject;
	if (typeof body.refresh_token !== 'string') throw new Error(`token answered ${token.status}`);
	return body.refresh_token;
}

/** A `uiPathApi` credential on the 2019 preset, pointed at the suite's sandbox, holding a fresh 2019 refresh token. */
async function legacyStore(suite: Suite): Promise<CredentialStore> {
	const { credentials } = suite.sandbox.state;
	return new CredentialStore([
		{
			id: CREDENTIAL_ID,
			name: 'UiPath 2019',
			type: 'uiPathApi',
			data: {
				authType: 'refreshToken',
				identityPreset: 'legacy2019',
				baseUrl: suite.sandbox.url,
				identityUrl: suite.sandbox.url,
				organization: credentials.organization,
				tenant: credentials.tenant,
				refreshToken: await legacyRefreshToken(suite.sandbox.url),
			},
		},
	]);
}

describe('identity presets other than Automation Cloud', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite([], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it('2019 preset: Orchestrator at /{account}/{tenant} with X-UIPATH-TenantName, a job started and awaited', async () => {
		const { credentials } = suite.sandbox.state;
		suite.stores.set('legacy2019', await legacyStore(suite));
		const result = await suite.run('legacy2019', {
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.quick),
			inputArguments: '{"InvoiceId":"INV-2019"}',
			options: { waitForCompletion: true, pollInterval: 1 },
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ State: 'Successful', OutputArguments: expect.objectContaining({ InvoiceId: 'INV-2019' }) });
		const orchestrator = suite.apiRequests();
		expect(orchestrator.length).toBeGreaterThanOrEqual(2);
		for (const request of orchestrator) {
			expect(request.path.startsWith(`/${credentials.organization}/${TENANT}/odata/`)).toBe(true);
			expect(request.headers['x-uipath-tenantname']).toBe(TENANT);
		}
	});

	it('on-premises: Orchestrator at its own address, signed in with username and password', async () => {
		const { onPremises } = suite.sandbox.state.credentials;
		suite.stores.set(
			'onPremises',
			new CredentialStore([
				{
					id: CREDENTIAL_ID,
					name: 'UiPath on-premises',
					type: 'uiPathApi',
					data: {
						authType: 'password',
						identityPreset: 'onPremises',
						baseUrl: onPremises.url,
						tenancyName: onPremises.tenancyName,
						username: onPremises.username,
						password: onPremises.password,
					},
				},
			]),
		);
		const result = await suite.run('onPremises', { resource: 'release', operation: 'getAll', folder: SHARED, returnAll: true });
		expect(result.json(NODE_NAME).map((release) => release.Name)).toEqual(expect.arrayContaining([PROCESSES.quick, PROCESSES.slow]));
		expect(suite.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /odata/Releases']);
	});

	it('2019 preset: accounts and their service instances through /cloudrpa/api, with the id_token as Bearer', async () => {
		const { credentials } = suite.sandbox.state;
		const store = await legacyStore(suite);
		suite.stores.set('legacy2019', store);
		const accounts = await suite.run('legacy2019', { resource: 'account', operation: 'getAll' });
		expect(accounts.json(NODE_NAME)).toEqual([expect.objectContaining({ accountLogicalName: credentials.organization })]);
		const tenants = await suite.run('legacy2019', { resource: 'account', operation: 'getTenants', account: credentials.organization });
		expect(tenants.json(NODE_NAME).map((instance) => instance.serviceInstanceLogicalName)).toEqual([...credentials.tenants]);
		const idToken = String(store.data(CREDENTIAL_ID).idToken);
		const sent = suite.apiRequests().map((request) => `${request.method} ${request.path} ${request.headers.authorization === `Bearer ${idToken}` ? 'id_token' : 'other'}`);
		expect(sent).toEqual([
			'GET /cloudrpa/api/getAccountsForUser id_token',
			`GET /cloudrpa/api/account/${credentials.organization}/getAllServiceInstances id_token`,
		]);
	});
});
