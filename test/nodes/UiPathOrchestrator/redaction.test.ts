import { randomBytes } from 'crypto';

import { CredentialStore } from '../../harness';
import { startRecordingOrigin, type ReceivedRequest, type RecordingOrigin } from '../../support/recordingOrigin';
import { credentialFor, locator, nodeError, startSuite, type Suite } from './sandboxSuite';

/** An API that echoes the token it was sent back in its error, in every encoding a message may carry it. */
function echoingError(request: ReceivedRequest) {
	const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
	const form = new URLSearchParams({ t: token }).toString().slice(2);
	return {
		status: 400,
		body: {
			message: `Not accepted: key ${token}; url ${encodeURIComponent(token)}; form ${form}; json ${JSON.stringify(token).slice(1, -1)}`,
			errorCode: 1001,
		},
	};
}

/** Redaction as defence in depth: the credential's actual secrets never reach an error, whatever their encoding. */
describe('secrets echoed by a server are redacted from errors', () => {
	let suite: Suite;
	let echo: RecordingOrigin;
	// Characters that URL and JSON encoding change, so each encoded form differs from the raw one.
	const personalAccessToken = `pat/${randomBytes(12).toString('hex')}+x=y"z\\w`;
	beforeAll(async () => {
		suite = await startSuite([]);
		echo = await startRecordingOrigin(echoingError);
		const credential = await credentialFor(suite.sandbox, 'personalAccessToken', { baseUrl: echo.url, personalAccessToken });
		suite.stores.set('personalAccessToken', new CredentialStore([credential]));
	});
	afterAll(async () => {
		await suite.close();
		await echo.close();
	});

	it('personal access token: raw, URL-, form- and JSON-encoded forms are all redacted', async () => {
		const result = await suite.run('personalAccessToken', { resource: 'release', operation: 'getAll', folder: locator('id', '1'), returnAll: true });
		const error = nodeError(result);
		expect(echo.received[0].headers.authorization).toBe(`Bearer ${personalAccessToken}`);
		expect(error.message).toContain('Not accepted: key [redacted]; url [redacted]; form [redacted]; json [redacted]');
		const shown = [error.message, String(error.description ?? ''), JSON.stringify(error), JSON.stringify(result.run)].join('\n');
		const forms = [personalAccessToken, encodeURIComponent(personalAccessToken), JSON.stringify(personalAccessToken).slice(1, -1)];
		expect(forms.filter((form) => shown.includes(form))).toEqual([]);
		expect(shown).not.toContain(personalAccessToken.slice(4, 28));
	});
});
