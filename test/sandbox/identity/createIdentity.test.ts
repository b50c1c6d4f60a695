import { createIdentity } from '../../../sandbox/identity';

describe('createIdentity', () => {
	it('generates fresh secrets at each start', async () => {
		const [first, second] = await Promise.all([
			createIdentity({ baseUrl: 'http://127.0.0.1:1' }),
			createIdentity({ baseUrl: 'http://127.0.0.1:2' }),
		]);
		for (const key of ['clientSecret', 'personalAccessToken', 'password'] as const) {
			expect(first.secrets[key].length).toBeGreaterThanOrEqual(16);
			expect(first.secrets[key]).not.toBe(second.secrets[key]);
		}
		expect(first.secrets.personalAccessToken).toMatch(/^rt_/);
	});

	it('refuses, at start, an extra redirect URI the PKCE app cannot have', async () => {
		await expect(
			createIdentity({
				baseUrl: 'http://127.0.0.1:1',
				redirectUris: ['http://n8n.internal:5678/rest/oauth2-credential/callback'],
			}),
		).rejects.toThrow(/sandbox-pkce-app \(redirectUris\?\): redirect_uris for native clients/);
	});
});
