import { redact, redactTokenShapes, secretsIn } from '../../../credentials/auth/redact';
import { describeSignInFailure } from '../../../credentials/auth/tokenErrors';

describe('redact', () => {
	const secret = 'my secret/+="\\';

	it('replaces a secret as is, URL-encoded, form-encoded and JSON-escaped', () => {
		const text = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)].join(' | ');
		expect(redact(text, [secret])).toBe('[redacted] | [redacted] | [redacted] | [redacted]');
	});

	it('replaces the longer of two overlapping secrets whole, and leaves values too short to be secrets', () => {
		expect(redact('abcdefgh abcd abc', ['abcd', 'abcdefgh', 'abc'])).toBe('[redacted] [redacted] abc');
	});

	it('a sign-in error that echoes the client secret URL-encoded shows none of it', () => {
		const message = describeSignInFailure({
			step: 'clientCredentials',
			url: 'https://cloud.uipath.com/identity_/connect/token',
			statusCode: 400,
			body: { error: 'invalid_request', error_description: `bad body client_secret%3D${encodeURIComponent(secret)}` },
			secrets: [secret],
		});
		expect(message).toContain('[redacted]');
		expect(message).not.toContain(encodeURIComponent(secret));
	});

	it('still removes token-shaped text whose value is not known', () => {
		expect(redactTokenShapes('Authorization: Bearer abc.def refresh_token=xyz')).toBe('Authorization: Bearer [redacted] refresh_token=[redacted]');
	});
});

describe('secretsIn', () => {
	it('finds the secrets of both credentials, nested token data included, and nothing else', () => {
		const apiCredential = { authType: 'personalAccessToken', personalAccessToken: 'pat-1', clientSecret: 'cs-1', refreshToken: 'rt-1', password: 'pw-1', accessToken: '', organization: 'acme' };
		const oauth2Credential = { clientId: 'app', oauthTokenData: { access_token: 'at-2', refresh_token: 'rt-2', token_type: 'Bearer', expires_in: 3600 } };
		expect(secretsIn(apiCredential)).toEqual(['pat-1', 'cs-1', 'rt-1', 'pw-1']);
		expect(secretsIn(oauth2Credential)).toEqual(['at-2', 'rt-2']);
	});

	it('finds the Secret of a webhook subscription body', () => {
		expect(secretsIn({ Url: 'https://n8n.example.com/webhook/x', Enabled: true, Secret: 'whsec-123', Events: [{ EventType: 'job.completed' }] })).toEqual(['whsec-123']);
	});
});
