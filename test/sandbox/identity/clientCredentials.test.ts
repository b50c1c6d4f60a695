import {
	CONFIDENTIAL_CLIENT_ID,
	ORCHESTRATOR_SCOPES,
	ORGANIZATION,
} from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { orchestratorStatus } from './sandboxClient';
import { jwtClaims, postForm } from './oauthClient';
import { tokenRequestViolations } from './tokenRequestContract';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ accessTokenTtlSeconds: 600 });
});
afterAll(() => sandbox.close());

function clientCredentials(overrides: Record<string, string> = {}): URLSearchParams {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: CONFIDENTIAL_CLIENT_ID,
		client_secret: sandbox.state.credentials.clientCredentials.clientSecret,
		scope: 'OR.Jobs OR.Folders.Read',
		...overrides,
	});
}

describe('client credentials (confidential External Application)', () => {
	it("gets a token with the requested scopes; the request conforms to UiPath's description", async () => {
		const form = clientCredentials();
		// Without UiPath's descriptions on this machine only the form check is skipped.
		expect((await tokenRequestViolations(form)) ?? []).toEqual([]);
		const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
		expect(status).toBe(200);
		expect(body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 600,
			scope: 'OR.Jobs OR.Folders.Read',
		});
		expect(body.refresh_token).toBeUndefined();
		expect(jwtClaims(body.access_token)).toMatchObject({
			sub: CONFIDENTIAL_CLIENT_ID,
			sub_type: 'service.external',
		});
		expect(await orchestratorStatus(sandbox, body.access_token)).toBe(200);
	});

	it('accepts the credentials in a Basic header too, and under the organization', async () => {
		const form = clientCredentials();
		form.delete('client_id');
		form.delete('client_secret');
		const basic = Buffer.from(
			`${CONFIDENTIAL_CLIENT_ID}:${sandbox.state.credentials.clientCredentials.clientSecret}`,
		).toString('base64');
		const { status } = await postForm(
			sandbox.url,
			`/${ORGANIZATION}/identity_/connect/token`,
			form,
			{ Authorization: `Basic ${basic}` },
		);
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
		const wrongSecret = `${sandbox.state.credentials.clientCredentials.clientSecret}x`;
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
		for (const scope of ['OR.Jobs OR.Machines', 'OR.Settings.Write', 'Foo.Bar']) {
			const { status, body } = await postForm(
				sandbox.url,
				'/identity_/connect/token',
				clientCredentials({ scope }),
			);
			expect(status).toBe(400);
			expect(body.error).toBe('invalid_scope');
		}
	});

	it('answers invalid_scope for offline_access and other user scopes, as UiPath does', async () => {
		for (const scope of ['OR.Jobs offline_access', 'openid OR.Jobs']) {
			const { status, body } = await postForm(
				sandbox.url,
				'/identity_/connect/token',
				clientCredentials({ scope }),
			);
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
		const { status, body } = await postForm(
			sandbox.url,
			'/identity/connect/token',
			clientCredentials(),
		);
		expect(status).toBe(200);
		expect(await orchestratorStatus(sandbox, body.access_token)).toBe(200);
	});
});

describe('Bearer tokens as Orchestrator sees them', () => {
	it('accepts the personal access token of the seeded user', async () => {
		expect(await orchestratorStatus(sandbox, sandbox.state.credentials.personalAccessToken)).toBe(
			200,
		);
	});

	it('grants only the scopes asked for: a token without OR.Folders gets 403 on Folders', async () => {
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			clientCredentials({ scope: 'OR.Jobs' }),
		);
		expect(await orchestratorStatus(sandbox, body.access_token)).toBe(403);
	});

	it('refuses unknown and forged tokens (401)', async () => {
		const { body } = await postForm(sandbox.url, '/identity_/connect/token', clientCredentials());
		const token = String(body.access_token);
		const [header, payload, signature] = token.split('.');
		const widened = Buffer.from(
			JSON.stringify({ ...jwtClaims(token), scope: 'OR.Administration' }),
		).toString('base64url');
		const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
		for (const candidate of [
			'',
			'nope',
			`${header}.${widened}.${signature}`,
			`${header}.${payload}.${flipped}`,
			`${token}x`,
		]) {
			expect(await orchestratorStatus(sandbox, candidate)).toBe(401);
		}
	});

	it('does not accept the tokens of another sandbox', async () => {
		const other = await startSandbox();
		try {
			const { body } = await postForm(
				other.url,
				'/identity_/connect/token',
				new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: CONFIDENTIAL_CLIENT_ID,
					client_secret: other.state.credentials.clientCredentials.clientSecret,
				}),
			);
			expect(await orchestratorStatus(other, body.access_token)).toBe(200);
			expect(await orchestratorStatus(sandbox, body.access_token)).toBe(401);
			expect(await orchestratorStatus(sandbox, other.state.credentials.personalAccessToken)).toBe(
				401,
			);
		} finally {
			await other.close();
		}
	});
});
