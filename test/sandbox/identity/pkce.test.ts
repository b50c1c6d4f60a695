import { createCodeChallenge } from '../../../credentials/auth/pkce';
import { ORGANIZATION, ORGANIZATION_ID, PUBLIC_CLIENT_ID } from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox';
import {
	authorizationCode,
	authorize,
	codeExchange,
	jwtClaims,
	LOOPBACK_REDIRECT_URI,
	pkceParams,
	postForm,
	RFC7636_CHALLENGE,
	RFC7636_VERIFIER,
	USER_SCOPE,
} from './oauthClient';
import { orchestratorStatus } from './sandboxClient';
import { itConforms } from '../../support/uipathDescriptions';
import { tokenRequestViolations } from './tokenRequestContract';

const N8N_CALLBACK = 'https://n8n.example.test/rest/oauth2-credential/callback';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ redirectUris: [N8N_CALLBACK] });
});
afterAll(() => sandbox.close());

describe('authorization code with PKCE (non-confidential app)', () => {
	it('uses the RFC 7636 Appendix B pair the same way the package computes it', () => {
		expect(createCodeChallenge(RFC7636_VERIFIER)).toBe(RFC7636_CHALLENGE);
	});

	it('runs the full round trip: authorize redirects with code and state, the verifier gets tokens', async () => {
		const response = await authorize(sandbox.url, '/identity_/connect/authorize', pkceParams());
		expect([302, 303]).toContain(response.status);
		const location = new URL(response.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(LOOPBACK_REDIRECT_URI);
		expect(location.searchParams.get('state')).toBe('state-4711');
		const code = location.searchParams.get('code') ?? '';
		expect(code).not.toBe('');

		const form = codeExchange(code);
		const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
		expect(status).toBe(200);
		expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect(typeof body.access_token).toBe('string');
		expect(typeof body.refresh_token).toBe('string');
		expect(typeof body.id_token).toBe('string');
		expect(body.scope).toBe(USER_SCOPE);

		const claims = jwtClaims(body.access_token);
		expect(claims).toMatchObject({
			aud: 'UiPath.Orchestrator',
			client_id: PUBLIC_CLIENT_ID,
			prt_id: ORGANIZATION_ID,
			sub_type: 'user',
		});
		expect(claims.iss).toBe(`${sandbox.url}/identity_`);
		expect(String(claims.scope).split(' ').sort()).toEqual([
			'OR.Execution.Read',
			'OR.Folders.Read',
			'OR.Jobs',
		]);

		expect(await orchestratorStatus(sandbox, body.access_token)).toBe(200);
	});

	it('serves the same flow under the organization', async () => {
		const code = await authorizationCode(sandbox.url, pkceParams());
		const viaOrganization = await authorize(
			sandbox.url,
			`/${ORGANIZATION}/identity_/connect/authorize`,
			pkceParams(),
		);
		expect(viaOrganization.headers.get('location')).toContain('code=');
		const { status } = await postForm(
			sandbox.url,
			`/${ORGANIZATION}/identity_/connect/token`,
			codeExchange(code),
		);
		expect(status).toBe(200);
	});

	it('refuses an unknown organization', async () => {
		const response = await authorize(
			sandbox.url,
			'/globex/identity_/connect/authorize',
			pkceParams(),
		);
		expect(response.status).toBe(404);
	});

	it('answers invalid_grant for a wrong verifier', async () => {
		const code = await authorizationCode(sandbox.url);
		const wrong = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			codeExchange(code, { code_verifier: 'x'.repeat(43) }),
		);
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toBe('invalid_grant');
		expect(wrong.body.access_token).toBeUndefined();
	});

	it('answers invalid_grant when the verifier is missing', async () => {
		const code = await authorizationCode(sandbox.url);
		const form = codeExchange(code);
		form.delete('code_verifier');
		const { status, body } = await postForm(sandbox.url, '/identity_/connect/token', form);
		expect(status).toBe(400);
		expect(body.error).toBe('invalid_grant');
	});

	it('answers invalid_grant when a code is used twice', async () => {
		const code = await authorizationCode(sandbox.url);
		expect(
			(await postForm(sandbox.url, '/identity_/connect/token', codeExchange(code))).status,
		).toBe(200);
		const again = await postForm(sandbox.url, '/identity_/connect/token', codeExchange(code));
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	it('refuses a public client without a code challenge, and with the plain method', async () => {
		const {
			code_challenge: _challenge,
			code_challenge_method: _method,
			...withoutPkce
		} = pkceParams();
		for (const params of [
			withoutPkce,
			pkceParams({ code_challenge_method: 'plain', code_challenge: RFC7636_VERIFIER }),
		]) {
			const response = await authorize(sandbox.url, '/identity_/connect/authorize', params);
			const location = new URL(response.headers.get('location') ?? '');
			expect(location.searchParams.get('error')).toBe('invalid_request');
			expect(location.searchParams.get('code')).toBeNull();
		}
	});

	it('refuses a redirect URI the app did not register, without redirecting to it', async () => {
		for (const redirectUri of [
			'http://evil.example.test/callback',
			'http://127.0.0.1:53682/other',
			'https://127.0.0.1/callback',
		]) {
			const response = await authorize(
				sandbox.url,
				'/identity_/connect/authorize',
				pkceParams({ redirect_uri: redirectUri }),
			);
			expect(response.status).toBe(400);
			expect(response.headers.get('location')).toBeNull();
			expect(await response.json()).toMatchObject({ error: 'invalid_redirect_uri' });
		}
	});

	it('refuses a token request whose redirect URI differs from the authorize request', async () => {
		const code = await authorizationCode(sandbox.url);
		const { status, body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			codeExchange(code, { redirect_uri: 'http://127.0.0.1:53682/callback?x=1' }),
		);
		expect(status).toBe(400);
		expect(body.error).toBe('invalid_grant');
	});

	it("accepts the loopback callback on any port, n8n's OAuth callback and configured extra URIs", async () => {
		for (const redirectUri of [
			'http://127.0.0.1:1/callback',
			'http://127.0.0.1:65000/callback',
			'http://localhost:5678/rest/oauth2-credential/callback',
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
			N8N_CALLBACK,
		]) {
			const response = await authorize(
				sandbox.url,
				'/identity_/connect/authorize',
				pkceParams({ redirect_uri: redirectUri }),
			);
			const location = response.headers.get('location') ?? '';
			expect(location.startsWith(`${redirectUri}?`)).toBe(true);
			expect(new URL(location).searchParams.get('code')).toBeTruthy();
		}
	});

	it('refuses a scope the app was not granted', async () => {
		const response = await authorize(
			sandbox.url,
			'/identity_/connect/authorize',
			pkceParams({ scope: 'openid OR.Machines' }),
		);
		const location = new URL(response.headers.get('location') ?? '');
		expect(location.searchParams.get('error')).toBe('invalid_scope');
	});

	it('signs the seeded person in again without a person when the app asks for prompt=login', async () => {
		// prompt=login needs oidc-provider's interaction round trip, which a browser follows with its cookies.
		const cookies = new Map<string, string>();
		let response = await authorize(
			sandbox.url,
			'/identity_/connect/authorize',
			pkceParams({ prompt: 'login' }),
		);
		for (let hop = 0; hop < 5; hop++) {
			for (const cookie of response.headers.getSetCookie()) {
				const [pair] = cookie.split(';');
				cookies.set(pair.slice(0, pair.indexOf('=')), pair);
			}
			const location = new URL(response.headers.get('location') ?? '', sandbox.url);
			if (location.origin !== sandbox.url) break;
			response = await fetch(location, {
				redirect: 'manual',
				headers: { Cookie: [...cookies.values()].join('; ') },
			});
		}
		const location = new URL(response.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(LOOPBACK_REDIRECT_URI);
		const code = location.searchParams.get('code') ?? '';
		expect(
			(await postForm(sandbox.url, '/identity_/connect/token', codeExchange(code))).status,
		).toBe(200);
	});

	it('publishes the endpoints and S256 in its discovery document', async () => {
		const response = await fetch(`${sandbox.url}/identity_/.well-known/openid-configuration`);
		expect(response.status).toBe(200);
		const document = (await response.json()) as Record<string, unknown>;
		expect(document).toMatchObject({
			issuer: `${sandbox.url}/identity_`,
			authorization_endpoint: `${sandbox.url}/identity_/connect/authorize`,
			token_endpoint: `${sandbox.url}/identity_/connect/token`,
			code_challenge_methods_supported: ['S256'],
		});
	});

	itConforms("conforms to UiPath's token request description except for client_secret, which a PKCE app has none of", async () => {
		const code = await authorizationCode(sandbox.url);
		// identity.token.yaml marks client_secret required; non-confidential apps send none and UiPath accepts that.
		expect(await tokenRequestViolations(codeExchange(code))).toEqual([
			"/requestBody must have required property 'client_secret'",
		]);
	});
});
