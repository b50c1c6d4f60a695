import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID, ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME, PUBLIC_CLIENT_ID } from '../../sandbox/fixtures';
import type { IdentityPreset } from '../../credentials/auth/endpoints';
import { DEFAULT_APPLICATION_SCOPE } from '../../credentials/auth/scopes';
import type { WorkflowRunResult } from '../harness';
import { GET_CURRENT_USER, apiData, loginWithTool, orchestratorUrl, runRequest, storeWith } from './support';

/** Everything a failed run exposes: the error n8n shows, its description and stack, and the whole run data. */
function everythingShown(result: WorkflowRunResult, logged: string[]): string {
	const { error } = result;
	return [error?.message, error?.description, error?.stack, JSON.stringify(result.run), ...logged].join('\n');
}

interface FailureCase {
	name: string;
	preset?: IdentityPreset;
	fields: () => Promise<ICredentialDataDecryptedObject> | ICredentialDataDecryptedObject;
	message: RegExp;
}

/**
 * Every way sign-in fails, forced against the sandbox through n8n-core: each gives a one-line error that
 * names the field to fix, and no secret the credential used appears in anything the run shows or logs.
 */
describe('uiPathApi: bad input and secrets', () => {
	let sandbox: Sandbox;
	let closedPortUrl: string;
	const logged: string[] = [];
	beforeAll(async () => {
		sandbox = await startSandbox();
		const closed = await startSandbox();
		closedPortUrl = closed.url;
		await closed.close();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		logged.length = 0;
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				logged.push(args.map(String).join(' '));
			});
		}
	});
	afterEach(() => jest.restoreAllMocks());

	const secrets = () => sandbox.state.credentials;
	const confidential = (fields: ICredentialDataDecryptedObject) => ({
		authType: 'clientCredentials',
		clientId: CONFIDENTIAL_CLIENT_ID,
		clientSecret: secrets().clientCredentials.clientSecret,
		scope: DEFAULT_APPLICATION_SCOPE,
		...fields,
	});
	const onPremises = (fields: ICredentialDataDecryptedObject) => ({
		authType: 'password',
		tenancyName: ON_PREMISES_TENANCY_NAME,
		username: ON_PREMISES_USERNAME,
		password: secrets().onPremises.password,
		...fields,
	});
	/** A refresh token that was good once and has been spent elsewhere (another n8n, a script). */
	const spentRefreshToken = async () => {
		const { refreshToken } = await loginWithTool(sandbox, 'automationCloud');
		const spent = await fetch(`${sandbox.url}/identity_/connect/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: PUBLIC_CLIENT_ID }),
		});
		expect(spent.status).toBe(200);
		return { authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken };
	};

	const cases: FailureCase[] = [
		{
			name: 'invalid_client (wrong App Secret)',
			fields: () => confidential({ clientSecret: 'not-the-secret-0123456789abcdef' }),
			message: /refused the App ID \(clientId\) or App Secret \(clientSecret\)/,
		},
		{
			name: 'invalid_client (unknown App ID)',
			fields: () => confidential({ clientId: 'no-such-app' }),
			message: /App ID \(clientId\)/,
		},
		{
			name: 'invalid_scope (a scope the application was not granted)',
			fields: () => confidential({ scope: 'OR.Jobs OR.Settings' }),
			message: /refused the requested scopes \(scope\)/,
		},
		{
			name: 'offline_access with client credentials',
			fields: () => confidential({ scope: 'OR.Jobs offline_access' }),
			message: /Scopes \(scope\) must not contain offline_access/,
		},
		{
			name: 'invalid_grant (refresh token already spent)',
			fields: spentRefreshToken,
			message: /Refresh Token \(refreshToken\).*sign in again with the login tool/,
		},
		{
			name: 'invalid_grant (refresh token never issued)',
			fields: () => ({ authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken: 'made-up-refresh-token-123456' }),
			message: /Refresh Token \(refreshToken\).*sign in again with the login tool/,
		},
		{
			name: 'an identity URL that answers HTML',
			fields: () => confidential({ identityUrl: `${sandbox.url}/acme/not-the-identity` }),
			message: /answered with an HTML page.*Identity URL \(identityUrl\)/,
		},
		{
			name: 'an identity server that does not answer',
			fields: () => confidential({ baseUrl: closedPortUrl }),
			message: /Could not reach the identity server at .*Base URL \(baseUrl\)/,
		},
		{
			name: 'a malformed base URL',
			fields: () => confidential({ baseUrl: 'cloud.uipath.com/acme' }),
			message: /Base URL \(baseUrl\) is not a valid URL/,
		},
		{
			name: 'an empty organization',
			fields: () => confidential({ organization: '' }),
			message: /Organization \(organization\) is required/,
		},
		{
			name: 'a tenant with a slash',
			fields: () => confidential({ tenant: 'DefaultTenant/orchestrator_' }),
			message: /Tenant \(tenant\) "DefaultTenant\/orchestrator_" is not valid/,
		},
		{
			name: 'an empty App Secret',
			fields: () => confidential({ clientSecret: '' }),
			message: /App Secret \(clientSecret\) is required/,
		},
		{
			name: 'an empty refresh token',
			fields: () => ({ authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken: '' }),
			message: /Refresh Token \(refreshToken\) is required.*login tool/,
		},
		{
			name: 'an empty personal access token',
			fields: () => ({ authType: 'personalAccessToken', personalAccessToken: ' ' }),
			message: /Personal Access Token \(personalAccessToken\) is required/,
		},
		{
			name: 'a wrong password (on-premises)',
			preset: 'onPremises',
			fields: () => onPremises({ password: 'wrong-password-4567' }),
			message: /Tenancy Name \(tenancyName\), Username \(username\) and Password \(password\)/,
		},
		{
			name: 'an unknown tenancy (on-premises)',
			preset: 'onPremises',
			fields: () => onPremises({ tenancyName: 'Elsewhere' }),
			message: /Tenancy Name \(tenancyName\)/,
		},
		{
			name: 'an empty on-premises Orchestrator URL',
			preset: 'onPremises',
			fields: () => onPremises({ baseUrl: '' }),
			message: /Orchestrator URL \(baseUrl\) is required/,
		},
	];

	it.each(cases)('$name: one line naming the field, no secret shown', async ({ preset = 'automationCloud', fields, message }) => {
		const data = apiData(sandbox, preset, await fields());
		const result = await runRequest(storeWith(data), `${orchestratorUrl(sandbox, preset)}${GET_CURRENT_USER}`);

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).not.toContain('\n');
		const shown = everythingShown(result, logged);
		const used = [
			data.clientSecret,
			data.refreshToken,
			data.password,
			data.personalAccessToken,
			secrets().clientCredentials.clientSecret,
			secrets().personalAccessToken,
			secrets().onPremises.password,
		].filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= 8);
		for (const secret of used) expect(shown).not.toContain(secret);
	});

	it('a refused personal access token fails the request without showing the token', async () => {
		const pat = 'pat-that-was-revoked-0123456789';
		const result = await runRequest(
			storeWith(apiData(sandbox, 'automationCloud', { authType: 'personalAccessToken', personalAccessToken: pat })),
			`${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`,
		);
		expect(result.error?.message).toMatch(/Authorization failed/);
		expect(everythingShown(result, logged)).not.toContain(pat);
	});

	it('a rejected sign-in that echoes what it was sent still shows no secret', async () => {
		// The sandbox does not echo; this server's error_description repeats the form it received, as a careless proxy might.
		const { createServer } = await import('http');
		const echo = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				res.writeHead(400, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: 'invalid_client', error_description: `rejected ${decodeURIComponent(body)}` }));
			});
		});
		await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
		try {
			const address = echo.address() as { port: number };
			const secret = 'echoed-secret-value-0123456789';
			const data = apiData(sandbox, 'automationCloud', confidential({ clientSecret: secret, identityUrl: `http://127.0.0.1:${address.port}` }));
			const result = await runRequest(storeWith(data), `${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`);
			expect(result.error?.message).toMatch(/App Secret \(clientSecret\).*\[redacted\]/);
			expect(everythingShown(result, logged)).not.toContain(secret);
		} finally {
			await new Promise<void>((resolve) => echo.close(() => resolve()));
		}
	});
});
