import { CONFIDENTIAL_CLIENT_ID, ORCHESTRATOR_SCOPES, ORGANIZATION, USER_EMAIL } from '../../../sandbox/fixtures';
import { startIdentityServer, type IdentityServer } from './identityServer';
import { jwtClaims, postForm } from './oauthClient';
import { tokenRequestViolations } from './tokenRequestContract';

let sandbox: IdentityServer;
beforeAll(async () => {
	sandbox = await startIdentityServer({ accessTokenTtlSeconds: 600 });
});
afterAll(() => sandbox.close());

function clientCredentials(overrides: Record<string, string> = {}): URLSearchParams {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: CONFIDENTIAL_CLIENT_ID,
		client_secret: sandbox.identity.secrets.clientSecret,
		scope: 'OR.Jobs OR.Folders.Read',
		...overrides,
	});
}

describe('client credentials (confidential External Application)', () => {
	it("gets a token with the requested scopes; the request conforms to UiPath's description", async () => {
		const form = clientCredentials();
		expect(await tokenRequestViolations(form)).toEqual([]);
		const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
		expect(status).toBe(200);
		expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'OR.Jobs OR.Folders.Read' });
		expect(body.refresh_token).toBeUndefined();
		expect(jwtClaims(body.access_token)).toMatchObject({ sub: CONFIDENTIAL_CLIENT_ID, sub_type: 'service.external' });
		expect(await sandbox.identity.verifyAccessToken(String(body.access_token))).toEqual({
			kind: 'client',
			clientId: CONFIDENTIAL_CLIENT_ID,
			subject: CONFIDENTIAL_CLIENT_ID,
			scopes: ['OR.Jobs', 'OR.Folders.Read'],
		});
	});

	it('accepts the credentials in a Basic header too, and under the organization', async () => {
		const form = clientCredentials();
		form.delete('client_id');
		form.delete('client_secret');
		const basic = Buffer.from(`${CONFIDENTIAL_CLIENT_ID}:${sandbox.identity.secrets.clientSecret}`).toString('base64');
		const { status } = await postForm(sandbox.url, `/${ORGANIZATION}/identity_/connect/token`, form, { Authorization: `Basic ${basic}` });
		expect(status).toBe(200);
	});

	it('grants every scope of the app when no scope is asked for', async () => {
		const form = clientCredentials();
		form.delete('scope');
		const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
		expect(status).toBe(200);
		expect(String(body.scope).split(' ').sort()).toEqual([...ORCHESTRATOR_SCOPES].sort());
	});

	it('answers invalid_client for a wrong secret and an unknown app, without echoing the secret', async () => {
		const wrongSecret = `${sandbox.identity.secrets.clientSecret}x`;
		for (const form of [
			clientCredentials({ client_secret: wrongSecret }),
			clientCredentials({ client_id: 'no-such-app', client_secret: wrongSecret }),
		]) {
			const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
			expect(status).toBe(401);
			expect(body.error).toBe('invalid_client');
			expect(JSON.stringify(body)).not.toContain(wrongSecret);
		}
	});

	it('answers invalid_scope for a scope the app was not granted or that does not exist', async () => {
		for (const scope of ['OR.Jobs OR.Machines', 'OR.Folders.Write', 'Foo.Bar']) {
			const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', clientCredentials({ scope }));
			expect(status).toBe(400);
			expect(body.error).toBe('invalid_scope');
		}
	});

	it('answers invalid_scope for offline_access and other user scopes, as UiPath does', async () => {
		for (const scope of ['OR.Jobs offline_access', 'openid OR.Jobs']) {
			const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', clientCredentials({ scope }));
			expect(status).toBe(400);
			expect(body.error).toBe('invalid_scope');
			expect(body.access_token).toBeUndefined();
		}
	});

	it('refuses grant types the app is not registered for', async () => {
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			clientCredentials({ grant_type: 'refresh_token', refresh_token: 'x' }),
		);
		expect(body.error).toBe('unauthorized_client');
	});

	it('works on the on-premises identity server path (no underscore)', async () => {
		const { status, body } = await postForm(sandbox.url, '/identity/connect/token', clientCredentials());
		expect(status).toBe(200);
		expect(await sandbox.identity.verifyAccessToken(String(body.access_token))).toMatchObject({ kind: 'client' });
	});
});

describe('verifyAccessToken', () => {
	it('knows the personal access token of the seeded user, with every Orchestrator scope', async () => {
		expect(await sandbox.identity.verifyAccessToken(sandbox.identity.secrets.personalAccessToken)).toEqual({
			kind: 'pat',
			subject: USER_EMAIL,
			scopes: [...ORCHESTRATOR_SCOPES],
		});
	});

	it('answers undefined for unknown, forged and non-access tokens', async () => {
		const { body } = await postForm(sandbox.url, '/identity_/connect/token', clientCredentials());
		const token = String(body.access_token);
		const [header, payload, signature] = token.split('.');
		const widened = Buffer.from(JSON.stringify({ ...jwtClaims(token), scope: 'OR.Administration' })).toString('base64url');
		const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
		for (const candidate of ['', 'nope', `${header}.${widened}.${signature}`, `${header}.${payload}.${flipped}`, `${token}x`]) {
			expect(await sandbox.identity.verifyAccessToken(candidate)).toBeUndefined();
		}
	});

	it('does not accept the tokens of another sandbox', async () => {
		const other = await startIdentityServer();
		try {
			const { body } = await postForm(
				other.url,
				'/identity_/connect/token',
				new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: CONFIDENTIAL_CLIENT_ID,
					client_secret: other.identity.secrets.clientSecret,
				}),
			);
			expect(await other.identity.verifyAccessToken(String(body.access_token))).toBeDefined();
			expect(await sandbox.identity.verifyAccessToken(String(body.access_token))).toBeUndefined();
			expect(await sandbox.identity.verifyAccessToken(other.identity.secrets.personalAccessToken)).toBeUndefined();
		} finally {
			await other.close();
		}
	});
});
