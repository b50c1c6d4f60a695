import { createCodeChallenge } from '../../credentials/auth/pkce';
import { startSandbox, type Sandbox } from '../../sandbox';
import { LEGACY_CLIENT_ID, ORGANIZATION, PUBLIC_CLIENT_ID, TENANT, TENANTS } from '../../sandbox/fixtures';
import { fetchHttp } from '../../tools/login/fetchHttp';
import { parseCliOptions } from '../../tools/login/options';
import { credentialValuesJson, formatCredentialValues } from '../../tools/login/output';
import { runLogin, type LoginIo, type LoginOptions } from '../../tools/login/runLogin';
import { CREDENTIAL_ID, GET_CURRENT_USER, apiData, formOf, orchestratorUrl, runRequest, storeWith } from '../credentials/support';
import { atLegacyRedirect, followInBrowser } from './browser';

/** The login tool in-process, against the sandbox; the test plays the person and the browser through LoginIo. */
describe('login tool', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.state.clearRequests());

	const sandboxOptions = (...flags: string[]): LoginOptions =>
		parseCliOptions(['--sandbox', '--baseUrl', sandbox.url, '--timeout', '10', ...flags]).login;
	/** A person who signs in at whatever URL the tool shows and pastes back where the browser landed. */
	const person = (browse = (url: string) => followInBrowser(url, atLegacyRedirect)) => {
		const shown: string[] = [];
		let landedOn = '';
		const io: LoginIo = {
			progress: (line) => shown.push(line),
			openBrowser: async (url) => {
				landedOn = await browse(url);
			},
			readRedirect: async () => landedOn,
		};
		return { io, shown };
	};

	it('automates the PKCE sign-in on a loopback listener and prints values that work in uiPathApi', async () => {
		const { io, shown } = person();
		const result = await runLogin(sandboxOptions(), io, fetchHttp);

		expect(result.values).toEqual({
			authType: 'refreshToken',
			identityPreset: 'automationCloud',
			baseUrl: sandbox.url,
			identityUrl: undefined,
			organization: ORGANIZATION,
			tenant: TENANT,
			clientId: PUBLIC_CLIENT_ID,
			refreshToken: expect.any(String),
		});
		expect(result.reachable).toEqual([{ organization: ORGANIZATION, tenants: [...TENANTS] }]);

		// On the wire: S256 challenge and state in the authorize request, the matching verifier in the code exchange.
		const authorize = sandbox.state.requests.find((request) => request.path === '/identity_/connect/authorize');
		const exchange = formOf(sandbox.state.requests.find((request) => request.path === '/identity_/connect/token')?.body ?? '');
		expect(authorize?.query).toMatchObject({ code_challenge_method: 'S256', client_id: PUBLIC_CLIENT_ID, scope: expect.stringContaining('offline_access') });
		expect(exchange.grant_type).toBe('authorization_code');
		expect(createCodeChallenge(exchange.code_verifier)).toBe(authorize?.query.code_challenge);
		expect(exchange.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
		expect(shown.join('\n')).not.toContain(result.values.refreshToken);

		const store = storeWith(apiData(sandbox, 'automationCloud', { ...result.values, clientId: result.values.clientId ?? '' }));
		const run = await runRequest(store, `${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`);
		expect(run.error).toBeUndefined();
		expect(run.json('Request')[0]).toMatchObject({ UserName: 'robin.ops' });
		expect(store.data(CREDENTIAL_ID).refreshToken).not.toBe(result.values.refreshToken);
	});

	it('follows the 2019 guide with a pasted redirect, finds the account and tenants, and the token works with the tenant header', async () => {
		const { io, shown } = person();
		const result = await runLogin(sandboxOptions('--identityPreset', 'legacy2019'), io, fetchHttp);
		expect(shown.join('\n')).toMatch(/paste the address/);
		expect(result.values).toMatchObject({
			identityPreset: 'legacy2019',
			identityUrl: sandbox.url,
			organization: ORGANIZATION,
			tenant: TENANT,
			clientId: LEGACY_CLIENT_ID,
		});
		const legacyAuthorize = sandbox.state.requests.find((request) => request.path === '/authorize');
		expect(legacyAuthorize?.query).toMatchObject({ audience: 'https://orchestrator.cloud.uipath.com', redirect_uri: 'https://account.uipath.com/mobile' });
		expect(JSON.parse(sandbox.state.requests.find((request) => request.path === '/oauth/token')?.body ?? '{}')).toMatchObject({
			grant_type: 'authorization_code',
		});

		const store = storeWith(apiData(sandbox, 'legacy2019', { ...result.values, clientId: result.values.clientId ?? '' }));
		const run = await runRequest(store, `${orchestratorUrl(sandbox, 'legacy2019')}${GET_CURRENT_USER}`);
		expect(run.error).toBeUndefined();
	});

	it('puts the requested tenant in the values and lists every reachable pair', async () => {
		const result = await runLogin(sandboxOptions('--tenant', 'Staging', '--organization', ORGANIZATION), person().io, fetchHttp);
		expect(result.values).toMatchObject({ organization: ORGANIZATION, tenant: 'Staging' });
		const printed = formatCredentialValues(result);
		expect(printed).toMatch(/Tenant \(tenant\)\s+Staging/);
		expect(printed).toMatch(/Refresh Token \(refreshToken\)\s+\S+/);
		expect(printed).toContain('acme/DefaultTenant, acme/Staging');
		expect(JSON.parse(credentialValuesJson(result)).values).toEqual(
			Object.fromEntries(Object.entries(result.values).filter(([, value]) => value !== undefined)),
		);
	});

	it('fails with a clear message when UiPath refuses the sign-in', async () => {
		const { io } = person(async (url) => {
			const refused = new URL(url);
			const redirect = new URL(refused.searchParams.get('redirect_uri') ?? '');
			redirect.searchParams.set('error', 'access_denied');
			redirect.searchParams.set('state', refused.searchParams.get('state') ?? '');
			return await followInBrowser(redirect.toString());
		});
		await expect(runLogin(sandboxOptions(), io, fetchHttp)).rejects.toThrow(/UiPath refused the sign-in \(access_denied\)/);
	});

	it('answers forged callbacks (wrong or missing state) with 404 and goes on waiting for the real one', async () => {
		const forgedStatuses: number[] = [];
		const { io } = person(async (url) => {
			const callback = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
			const forged = (query: Record<string, string>) => {
				const forgedUrl = new URL(callback);
				forgedUrl.search = new URLSearchParams(query).toString();
				return forgedUrl;
			};
			for (const attempt of [
				forged({ code: 'a-code-from-elsewhere', state: 'someone-elses-state' }),
				forged({ error: 'access_denied', error_description: '\u001b[2J\u001b]0;pwned\u0007' }),
				forged({ code: 'a-code-without-state' }),
				new URL(`${callback.origin}/other-path?state=${new URL(url).searchParams.get('state') ?? ''}&code=x`),
			]) {
				const response = await fetch(attempt);
				await response.arrayBuffer();
				forgedStatuses.push(response.status);
			}
			return await followInBrowser(url, atLegacyRedirect);
		});
		const result = await runLogin(sandboxOptions(), io, fetchHttp);
		expect(forgedStatuses).toEqual([404, 404, 404, 404]);
		expect(result.values.refreshToken).toEqual(expect.any(String));
		const exchanges = sandbox.state.requests.filter((request) => request.path.endsWith('/token')).map((request) => formOf(request.body).code);
		expect(exchanges).toHaveLength(1);
		expect(exchanges[0]).not.toMatch(/a-code-/);
	});

	it('refuses a pasted address that belongs to another sign-in (state mismatch), before reading anything else from it', async () => {
		const { io } = person(async () => 'https://account.uipath.com/mobile?error=access_denied&code=c&state=someone-elses-state');
		await expect(runLogin(sandboxOptions('--identityPreset', 'legacy2019'), io, fetchHttp)).rejects.toThrow(/state does not match/);
		expect(sandbox.state.requests.filter((request) => request.path.endsWith('/token'))).toEqual([]);
	});

	it('listens only on the IP literal the redirect URI names (RFC 8252 §8.3), not on localhost', async () => {
		const options = { ...sandboxOptions(), redirectUri: 'http://localhost:0/callback' };
		await expect(runLogin(options, person().io, fetchHttp)).rejects.toThrow(/use http:\/\/127\.0\.0\.1:0\/callback \(or \[::1\]\)/);
	});

	it('gives up when no sign-in arrives in time', async () => {
		const options = { ...sandboxOptions(), timeoutMs: 300 };
		await expect(runLogin(options, person(async () => '').io, fetchHttp)).rejects.toThrow(/No sign-in arrived .* within 0.3 s/);
	});

	it('rejects a pasted address without a code', async () => {
		const { io } = person(async (url) => `https://account.uipath.com/mobile?state=${new URL(url).searchParams.get('state') ?? ''}`);
		await expect(runLogin(sandboxOptions('--identityPreset', 'legacy2019'), io, fetchHttp)).rejects.toThrow(/has no authorization code/);
	});

	it('needs an App ID outside the sandbox and the 2019 preset', () => {
		const options = parseCliOptions(['--baseUrl', sandbox.url]).login;
		return expect(runLogin(options, person().io, fetchHttp)).rejects.toThrow(/App ID \(--clientId\) is required/);
	});

	it('names the field when the code exchange is refused, without showing the code or verifier', async () => {
		const forged = 'forged-authorization-code-0123456789';
		const { io } = person(async (url) => {
			const landed = new URL(await followInBrowser(url, (at) => at.includes('/callback?')));
			// A code the identity server never issued reaches the listener with the right state.
			landed.searchParams.set('code', forged);
			return await followInBrowser(landed.toString());
		});
		const failure = await runLogin(sandboxOptions(), io, fetchHttp).then(
			() => new Error('the login succeeded'),
			(error: Error) => error,
		);
		expect(failure.message).toMatch(/refused the authorization code.*run the login again/);
		const exchange = formOf(sandbox.state.requests.find((request) => request.path === '/identity_/connect/token')?.body ?? '');
		expect(exchange.code).toBe(forged);
		expect(failure.message).not.toContain(forged);
		expect(failure.message).not.toContain(exchange.code_verifier);
	});
});
