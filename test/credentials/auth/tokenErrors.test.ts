import { networkFailureReason, parseBody } from '../../../credentials/auth/authHttp';
import { redact } from '../../../credentials/auth/redact';
import { describeSignInFailure } from '../../../credentials/auth/tokenErrors';

const url = 'https://cloud.uipath.com/identity_/connect/token';
const describe_ = (statusCode: number, body: unknown, step: 'refreshToken' | 'clientCredentials' = 'clientCredentials') =>
	describeSignInFailure({ step, url, statusCode, body, secrets: ['s3cret-value'], usedClientSecret: true });

describe('sign-in failure messages', () => {
	it.each<[string, number, unknown, RegExp]>([
		['unsupported_grant_type', 400, { error: 'unsupported_grant_type' }, /does not support this sign-in method.*Identity Preset \(identityPreset\)/],
		['unauthorized_client', 400, { error: 'unauthorized_client' }, /External Application \(clientId\) is not allowed/],
		['a 2xx without a token', 200, { ok: true }, /answered without an access token.*Base URL \(baseUrl\)/],
		['a 405', 405, '', /Nothing answers sign-in requests at .*\(HTTP 405\)/],
		['an unknown error code', 500, { error: 'temporarily_unavailable', error_description: 'try later' }, /failed \(temporarily_unavailable, HTTP 500\) \(UiPath said: try later\)/],
		['an HTML page', 502, '<html><body>Bad gateway</body></html>', /answered with an HTML page \(HTTP 502\)/],
	])('%s', (_, statusCode, body, message) => {
		const text = describe_(statusCode, body);
		expect(text).toMatch(message);
		expect(text).not.toContain('\n');
	});

	it('redacts every secret the request carried from what the server said, and keeps it to one short line', () => {
		const text = describe_(400, { error: 'invalid_client', error_description: `bad secret s3cret-value\n${'x'.repeat(400)}` });
		expect(text).not.toContain('s3cret-value');
		expect(text).toContain('[redacted]');
		expect(text).not.toContain('\n');
		expect(text.length).toBeLessThan(400);
		expect(redact('x abcd y', ['abcd'])).toBe('x [redacted] y');
	});
});

describe('transport helpers', () => {
	it('parses JSON bodies and leaves anything else as text', () => {
		expect(parseBody('{"a":1}')).toEqual({ a: 1 });
		expect(parseBody(' <html>')).toBe(' <html>');
		expect(parseBody('{broken')).toBe('{broken');
		expect(parseBody({ a: 1 })).toEqual({ a: 1 });
	});

	it('names network failures in plain words, which n8n does not replace', () => {
		expect(networkFailureReason(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('connection refused');
		expect(networkFailureReason(new TypeError('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ENOTFOUND' }) }))).toBe('host name not found');
		expect(networkFailureReason(new Error('request to https://x?refresh_token=abc failed'))).toBe('no response');
	});
});
