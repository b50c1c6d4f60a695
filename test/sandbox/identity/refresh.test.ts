import { DEFAULT_USER_SCOPE } from '../../../credentials/auth/scopes';
import { LEGACY_CLIENT_ID, PUBLIC_CLIENT_ID } from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { orchestratorStatus } from './sandboxClient';
import { authorizationCode, codeExchange, pkceParams, postForm, sleep } from './oauthClient';

function refreshForm(refreshToken: unknown, extra: Record<string, string> = {}): URLSearchParams {
	return new URLSearchParams({
		grant_type: 'refresh_token',
		refresh_token: String(refreshToken),
		client_id: PUBLIC_CLIENT_ID,
		...extra,
	});
}

async function signIn(sandbox: Sandbox, scope?: string): Promise<Record<string, unknown>> {
	const code = await authorizationCode(sandbox.url, pkceParams(scope ? { scope } : {}));
	const { status, body } = await postForm(
		sandbox.url,
		'/identity_/connect/token',
		codeExchange(code),
	);
	expect(status).toBe(200);
	return body;
}

describe('refresh tokens', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('rotate: each refresh answers a new refresh token and a working access token', async () => {
		const first = await signIn(sandbox);
		const second = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(first.refresh_token),
		);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).toEqual(expect.any(String));
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		expect(second.body.access_token).not.toBe(first.access_token);
		expect(await orchestratorStatus(sandbox, second.body.access_token)).toBe(200);

		const third = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(second.body.refresh_token),
		);
		expect(third.status).toBe(200);
	});

	it('are single use: a reused one answers invalid_grant, the one rotated from it keeps working', async () => {
		const first = await signIn(sandbox);
		const rotated = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(first.refresh_token),
		);
		expect(rotated.status).toBe(200);

		const reused = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(first.refresh_token),
		);
		expect(reused.status).toBe(400);
		expect(reused.body.error).toBe('invalid_grant');
		expect(JSON.stringify(reused.body)).not.toContain(String(first.refresh_token));

		const next = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(rotated.body.refresh_token),
		);
		expect(next.status).toBe(200);
	});

	it('answers invalid_grant for a token it never issued and for another client', async () => {
		const unknown = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm('not-a-refresh-token'),
		);
		expect(unknown.body.error).toBe('invalid_grant');
		const first = await signIn(sandbox);
		const otherClient = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(first.refresh_token, { client_id: LEGACY_CLIENT_ID }),
		);
		expect(otherClient.body.error).toBe('invalid_grant');
	});

	it('keep the scopes of the sign-in and refuse to widen them', async () => {
		const first = await signIn(sandbox, 'openid offline_access OR.Jobs.Read');
		const narrowed = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(first.refresh_token),
		);
		expect(narrowed.body.scope).toBe('openid offline_access OR.Jobs.Read');
		const widened = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(narrowed.body.refresh_token, { scope: 'OR.Jobs.Read OR.Queues' }),
		);
		expect(widened.status).toBe(400);
		expect(widened.body.error).toBe('invalid_scope');
	});

	it("are issued for the package's default user scope, which has offline_access but not openid", async () => {
		const tokens = await signIn(sandbox, DEFAULT_USER_SCOPE);
		expect(tokens.refresh_token).toEqual(expect.any(String));
		expect(tokens.id_token).toBeUndefined();
		const refreshed = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(tokens.refresh_token),
		);
		expect(refreshed.status).toBe(200);
		expect(String(refreshed.body.scope).split(' ').sort()).toEqual(
			DEFAULT_USER_SCOPE.split(' ').sort(),
		);
	});

	it('are issued only when offline_access is asked for', async () => {
		const withoutOffline = await signIn(sandbox, 'openid OR.Jobs');
		expect(withoutOffline.refresh_token).toBeUndefined();
		expect(withoutOffline.access_token).toEqual(expect.any(String));
	});
});

describe('access-token lifetime', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ accessTokenTtlSeconds: 1 });
	});
	afterAll(() => sandbox.close());

	it('follows accessTokenTtlSeconds: a 1 s token is valid, then unknown after it expired; refresh gets a fresh one', async () => {
		const tokens = await signIn(sandbox);
		expect(tokens.expires_in).toBe(1);
		expect(await orchestratorStatus(sandbox, tokens.access_token)).toBe(200);

		await sleep(2100);
		expect(await orchestratorStatus(sandbox, tokens.access_token)).toBe(401);

		const refreshed = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			refreshForm(tokens.refresh_token),
		);
		expect(refreshed.status).toBe(200);
		expect(await orchestratorStatus(sandbox, refreshed.body.access_token)).toBe(200);
	});
});
