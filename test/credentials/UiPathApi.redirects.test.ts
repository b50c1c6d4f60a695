import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID, ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME, PUBLIC_CLIENT_ID } from '../../sandbox/fixtures';
import type { IdentityPreset } from '../../credentials/auth/endpoints';
import { DEFAULT_APPLICATION_SCOPE } from '../../credentials/auth/scopes';
import { fetchHttp } from '../../tools/login/fetchHttp';
import { parseCliOptions } from '../../tools/login/options';
import { runLogin } from '../../tools/login/runLogin';
import { startRecordingOrigin, type RecordingOrigin } from '../support/recordingOrigin';
import { followInBrowser } from '../tools/browser';
import { GET_CURRENT_USER, apiData, loginWithTool, orchestratorUrl, runRequest, signInRequests, storeWith } from './support';

/**
 * Sign-in requests carry the client secret, refresh token or password in their body, which a 307/308 would
 * resend to the address it names: through n8n-core (preAuthentication) and in the login tool, a redirect is
 * an error naming that address, and the other origin receives nothing.
 */
describe('sign-in requests follow no redirect', () => {
	let sandbox: Sandbox;
	let other: RecordingOrigin;
	beforeAll(async () => {
		sandbox = await startSandbox();
		other = await startRecordingOrigin();
	});
	afterAll(async () => {
		await sandbox.close();
		await other.close();
	});
	beforeEach(() => {
		other.received.length = 0;
		sandbox.state.faults = [];
		sandbox.state.clearRequests();
	});

	const redirectSignIn = (path: string, status: 307 | 308) => {
		sandbox.state.faults = [{ method: 'POST', path, redirect: { status, location: `${other.url}/stolen?via=redirect` } }];
	};

	const cases: Array<{ name: string; preset: IdentityPreset; path: string; fields: () => Promise<ICredentialDataDecryptedObject> }> = [
		{
			name: 'refresh token',
			preset: 'automationCloud',
			path: '/identity_/connect/token',
			fields: async () => ({ authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken: (await loginWithTool(sandbox, 'automationCloud')).refreshToken }),
		},
		{
			name: 'client credentials',
			preset: 'automationCloud',
			path: '/identity_/connect/token',
			fields: async () => ({
				authType: 'clientCredentials',
				clientId: CONFIDENTIAL_CLIENT_ID,
				clientSecret: sandbox.state.credentials.clientCredentials.clientSecret,
				scope: DEFAULT_APPLICATION_SCOPE,
			}),
		},
		{
			name: 'username and password',
			preset: 'onPremises',
			path: '/api/Account/Authenticate',
			fields: async () => ({
				authType: 'password',
				tenancyName: ON_PREMISES_TENANCY_NAME,
				username: ON_PREMISES_USERNAME,
				password: sandbox.state.credentials.onPremises.password,
			}),
		},
	];

	it.each(cases.flatMap((entry) => [307, 308].map((status) => ({ ...entry, status: status as 307 | 308 }))))(
		'$name: a $status is an error naming the address, and nothing reaches it',
		async ({ preset, path, fields, status }) => {
			const data = apiData(sandbox, preset, await fields());
			sandbox.state.clearRequests();
			redirectSignIn(path, status);
			const result = await runRequest(storeWith(data), `${orchestratorUrl(sandbox, preset)}${GET_CURRENT_USER}`);
			expect(result.error?.message).toContain(`answered with a redirect (HTTP ${status} to ${other.url}/stolen)`);
			expect(result.error?.message).toContain(`${sandbox.url}${path}`);
			expect(signInRequests(sandbox).map((request) => request.status)).toEqual([status]);
			expect(other.received).toEqual([]);
		},
	);

	it('login tool: a redirected code exchange fails naming the address, and nothing reaches it', async () => {
		const options = parseCliOptions(['--sandbox', '--baseUrl', sandbox.url, '--timeout', '10']).login;
		redirectSignIn('/identity_/connect/token', 307);
		const login = runLogin(options, { progress: () => undefined, openBrowser: async (url) => void (await followInBrowser(url)), readRedirect: async () => '' }, fetchHttp);
		await expect(login).rejects.toThrow(`answered with a redirect (HTTP 307 to ${other.url}/stolen)`);
		expect(other.received).toEqual([]);
	});
});
