import {
	LEGACY_CLIENT_ID,
	LEGACY_REDIRECT_URI,
	ORGANIZATION,
	TENANTS,
	USER_EMAIL,
} from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { orchestratorStatus } from './sandboxClient';
import { authorize, postJson, RFC7636_CHALLENGE, RFC7636_VERIFIER } from './oauthClient';

let sandbox: Sandbox;
beforeAll(async () => {
	// The 2019 flow keeps its own day-long lifetime whatever the current endpoints use.
	sandbox = await startSandbox({ accessTokenTtlSeconds: 60 });
});
afterAll(() => sandbox.close());

/** Step 1.2 of the 2019 guide: the browser goes to account.uipath.com/authorize and lands on /mobile?code=... */
async function legacyCode(): Promise<string> {
	const response = await authorize(sandbox.url, '/authorize', {
		response_type: 'code',
		nonce: 'b0f368cbc59c6b99ccc8e9b66a30b4a6',
		state: '47441df4d0f0a89da08d43b6dfdc4be2',
		code_challenge: RFC7636_CHALLENGE,
		code_challenge_method: 'S256',
		scope: 'openid profile offline_access email',
		audience: 'https://orchestrator.cloud.uipath.com',
		client_id: LEGACY_CLIENT_ID,
		redirect_uri: LEGACY_REDIRECT_URI,
	});
	const location = new URL(response.headers.get('location') ?? '');
	expect(`${location.origin}${location.pathname}`).toBe(LEGACY_REDIRECT_URI);
	expect(location.searchParams.get('state')).toBe('47441df4d0f0a89da08d43b6dfdc4be2');
	return location.searchParams.get('code') ?? '';
}

function codeBody(code: string, verifier = RFC7636_VERIFIER) {
	return {
		grant_type: 'authorization_code',
		code,
		redirect_uri: LEGACY_REDIRECT_URI,
		code_verifier: verifier,
		client_id: LEGACY_CLIENT_ID,
	};
}

async function getJson(path: string, token: unknown): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${sandbox.url}${path}`, {
		headers: { Authorization: `Bearer ${String(token)}` },
	});
	return { status: response.status, body: await response.json() };
}

describe('the 2019 community flow (account.uipath.com, platform.uipath.com)', () => {
	it('runs end to end: code, JSON token exchange, refresh, accounts, service instances, Orchestrator token', async () => {
		const exchanged = await postJson(sandbox.url, '/oauth/token', codeBody(await legacyCode()));
		expect(exchanged.status).toBe(200);
		expect(exchanged.body).toMatchObject({
			access_token: expect.any(String),
			refresh_token: expect.any(String),
			id_token: expect.any(String),
			expires_in: 86400,
			token_type: 'Bearer',
		});
		expect(String(exchanged.body.scope).split(' ').sort()).toEqual([
			'email',
			'offline_access',
			'openid',
			'profile',
		]);

		const refresh = {
			grant_type: 'refresh_token',
			client_id: LEGACY_CLIENT_ID,
			refresh_token: exchanged.body.refresh_token,
		};
		const refreshed = await postJson(sandbox.url, '/oauth/token', refresh);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body).toMatchObject({
			access_token: expect.any(String),
			id_token: expect.any(String),
			expires_in: 86400,
		});
		// The guide stores one refresh token for good: the answer has none and the same one works again.
		expect(refreshed.body.refresh_token).toBeUndefined();
		expect((await postJson(sandbox.url, '/oauth/token', refresh)).status).toBe(200);

		const accounts = await getJson('/cloudrpa/api/getAccountsForUser', refreshed.body.id_token);
		expect(accounts).toEqual({
			status: 200,
			body: {
				userEmail: USER_EMAIL,
				accounts: [{ accountName: ORGANIZATION, accountLogicalName: ORGANIZATION }],
			},
		});

		const instances = await getJson(
			`/cloudrpa/api/account/${ORGANIZATION}/getAllServiceInstances`,
			refreshed.body.id_token,
		);
		expect(instances.status).toBe(200);
		expect(instances.body).toEqual(
			TENANTS.map((tenant) => ({
				serviceInstanceName: tenant,
				serviceInstanceLogicalName: tenant,
				serviceType: 'ORCHESTRATOR',
				serviceUrl: sandbox.url,
			})),
		);

		// Orchestrator as the guide calls it: /{account}/{serviceInstanceLogicalName}/odata with X-UIPATH-TenantName.
		const [instance] = instances.body as Array<{ serviceInstanceLogicalName: string }>;
		const status = await orchestratorStatus(
			sandbox,
			refreshed.body.access_token,
			`/${ORGANIZATION}/${instance.serviceInstanceLogicalName}/odata/Folders`,
			{
				'X-UIPATH-TenantName': instance.serviceInstanceLogicalName,
			},
		);
		expect(status).toBe(200);
	});

	it('answers invalid_grant for a wrong verifier, in OAuth shape', async () => {
		const { status, body } = await postJson(
			sandbox.url,
			'/oauth/token',
			codeBody(await legacyCode(), 'y'.repeat(43)),
		);
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: 'invalid_grant', error_description: expect.any(String) });
	});

	it('refuses a body that is not JSON and an unknown refresh token', async () => {
		const response = await fetch(`${sandbox.url}/oauth/token`, {
			method: 'POST',
			body: 'grant_type=refresh_token',
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ error: 'invalid_request' });
		const unknown = await postJson(sandbox.url, '/oauth/token', {
			grant_type: 'refresh_token',
			client_id: LEGACY_CLIENT_ID,
			refresh_token: 'nope',
		});
		expect(unknown.body.error).toBe('invalid_grant');
	});

	it('wants the id_token on the cloudrpa API: the access token, no token and an unknown account are refused', async () => {
		const { body } = await postJson(sandbox.url, '/oauth/token', codeBody(await legacyCode()));
		expect((await getJson('/cloudrpa/api/getAccountsForUser', body.access_token)).status).toBe(401);
		expect((await fetch(`${sandbox.url}/cloudrpa/api/getAccountsForUser`)).status).toBe(401);
		expect(
			(await getJson('/cloudrpa/api/account/globex/getAllServiceInstances', body.id_token)).status,
		).toBe(404);
	});

	it('redirects only to the registered /mobile URI', async () => {
		const response = await authorize(sandbox.url, '/authorize', {
			response_type: 'code',
			code_challenge: RFC7636_CHALLENGE,
			code_challenge_method: 'S256',
			scope: 'openid offline_access',
			client_id: LEGACY_CLIENT_ID,
			redirect_uri: 'https://evil.example.test/mobile',
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('location')).toBeNull();
	});
});
