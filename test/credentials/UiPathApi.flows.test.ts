import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID, ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME, TENANT } from '../../sandbox/fixtures';
import type { IdentityPreset } from '../../credentials/auth/endpoints';
import { DEFAULT_APPLICATION_SCOPE } from '../../credentials/auth/scopes';
import {
	GET_CURRENT_USER,
	CREDENTIAL_ID,
	apiData,
	loginWithTool,
	orchestratorUrl,
	requestsTo,
	runRequest,
	signInRequests,
	storeWith,
} from './support';

/**
 * uiPathApi through n8n-core, against the sandbox over HTTP: for every Authentication type and Identity
 * Preset that UiPath offers together, a token is obtained, the request carries it, and n8n keeps it.
 */
describe('uiPathApi: each Authentication type with each Identity Preset', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.state.clearRequests());

	const fieldsFor = async (authType: string, preset: IdentityPreset): Promise<ICredentialDataDecryptedObject> => {
		const { credentials } = sandbox.state;
		switch (authType) {
			case 'refreshToken': {
				const values = await loginWithTool(sandbox, preset as 'automationCloud' | 'legacy2019');
				sandbox.state.clearRequests();
				return { authType, clientId: values.clientId ?? '', refreshToken: values.refreshToken };
			}
			case 'clientCredentials':
				return {
					authType,
					clientId: CONFIDENTIAL_CLIENT_ID,
					clientSecret: credentials.clientCredentials.clientSecret,
					scope: DEFAULT_APPLICATION_SCOPE,
				};
			case 'personalAccessToken':
				return { authType, personalAccessToken: credentials.personalAccessToken };
			default:
				return {
					authType,
					tenancyName: ON_PREMISES_TENANCY_NAME,
					username: ON_PREMISES_USERNAME,
					password: credentials.onPremises.password,
				};
		}
	};

	it.each<[string, IdentityPreset, string]>([
		['refreshToken', 'automationCloud', 'POST /identity_/connect/token'],
		['refreshToken', 'legacy2019', 'POST /oauth/token'],
		['clientCredentials', 'automationCloud', 'POST /identity_/connect/token'],
		['clientCredentials', 'onPremises', 'POST /identity/connect/token'],
		['password', 'onPremises', 'POST /api/Account/Authenticate'],
	])('%s with %s: signs in once, sends the token, and n8n stores it', async (authType, preset, signIn) => {
		const store = storeWith(apiData(sandbox, preset, await fieldsFor(authType, preset)));
		const url = `${orchestratorUrl(sandbox, preset)}${GET_CURRENT_USER}`;

		const first = await runRequest(store, url);
		expect(first.error).toBeUndefined();
		expect(first.json('Request')[0]).toHaveProperty('UserName');
		const stored = store.data(CREDENTIAL_ID);
		expect(typeof stored.accessToken).toBe('string');
		expect(String(stored.accessToken).length).toBeGreaterThan(10);

		const second = await runRequest(store, url);
		expect(second.error).toBeUndefined();
		expect(signInRequests(sandbox).map((request) => `${request.method} ${request.path}`)).toEqual([signIn]);
		const sent = requestsTo(sandbox, new URL(url).pathname);
		expect(sent.map((request) => request.headers.authorization)).toEqual([`Bearer ${stored.accessToken}`, `Bearer ${stored.accessToken}`]);
		expect(sent.map((request) => request.status)).toEqual([200, 200]);
		expect(sent[0].headers['x-uipath-tenantname']).toBe(preset === 'legacy2019' ? TENANT : undefined);
	});

	it.each<IdentityPreset>(['automationCloud', 'legacy2019', 'onPremises'])(
		'personalAccessToken with %s: sends the token as it is, with no sign-in request and nothing stored',
		async (preset) => {
			const store = storeWith(apiData(sandbox, preset, await fieldsFor('personalAccessToken', preset)));
			const url = `${orchestratorUrl(sandbox, preset)}${GET_CURRENT_USER}`;
			const result = await runRequest(store, url);
			expect(result.error).toBeUndefined();
			expect(result.json('Request')[0]).toHaveProperty('UserName');
			expect(signInRequests(sandbox)).toEqual([]);
			const [sent] = requestsTo(sandbox, new URL(url).pathname);
			expect(sent.headers.authorization).toBe(`Bearer ${sandbox.state.credentials.personalAccessToken}`);
			expect(sent.headers['x-uipath-tenantname']).toBe(preset === 'legacy2019' ? TENANT : undefined);
			expect(store.writes).toEqual([]);
		},
	);

	it.each<[string, IdentityPreset, RegExp]>([
		['clientCredentials', 'legacy2019', /Client credentials \(authType\).*Identity Preset \(identityPreset\)/],
		['password', 'automationCloud', /Username and password \(authType\).*on-premises Identity Preset \(identityPreset\)/],
	])('%s with %s is refused with a message naming the fields to change', async (authType, preset, message) => {
		const store = storeWith(apiData(sandbox, preset, await fieldsFor(authType, preset)));
		const result = await runRequest(store, `${orchestratorUrl(sandbox, preset)}${GET_CURRENT_USER}`);
		expect(result.error?.message).toMatch(message);
		expect(sandbox.state.requests).toEqual([]);
	});
});
