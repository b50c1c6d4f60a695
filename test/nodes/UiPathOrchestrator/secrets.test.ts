import type { INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../../harness';
import { PROCESSES } from '../../../sandbox/fixtures';
import {
	credentialFor,
	CREDENTIAL_ID,
	expectConformingRequests,
	locator,
	nodeError,
	SHARED,
	startSuite,
	type CredentialKind,
	type Suite,
} from './sandboxSuite';

const START: INodeParameters = { resource: 'job', operation: 'start', folder: SHARED, release: locator('name', PROCESSES.quick) };

describe('no secret in any error', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials', 'personalAccessToken', 'oauth2'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	/** Every secret the sandbox generated, and every token the runs stored in the credentials. */
	function secrets(): string[] {
		const { credentials } = suite.sandbox.state;
		const found = [credentials.clientCredentials.clientSecret, credentials.personalAccessToken, credentials.onPremises.password];
		for (const store of suite.stores.values()) {
			const data = store.data(CREDENTIAL_ID);
			const token = data.oauthTokenData as Record<string, unknown> | undefined;
			for (const value of [data.accessToken, data.idToken, data.clientSecret, data.personalAccessToken, token?.access_token, token?.refresh_token, token?.id_token]) {
				if (typeof value === 'string' && value.length >= 8) found.push(value);
			}
		}
		return found;
	}

	/** Everything of a failed run that n8n shows or stores: message, description, stack, the error's own fields, the run data. */
	async function expectNoSecret(kind: CredentialKind, parameters: INodeParameters, expected: { httpCode?: string; message?: RegExp }) {
		const result = await suite.run(kind, parameters);
		const error = nodeError(result);
		if (expected.httpCode) expect(error.httpCode).toBe(expected.httpCode);
		if (expected.message) expect(`${error.message} ${error.description ?? ''}`).toMatch(expected.message);
		const shown = [error.message, String(error.description ?? ''), String(error.stack ?? ''), JSON.stringify(error), JSON.stringify(result.run)].join('\n');
		// Client secret, personal access token, password and at least one issued access token.
		expect(secrets().length).toBeGreaterThanOrEqual(4);
		const leaked = secrets().filter((secret) => shown.includes(secret));
		expect(leaked).toEqual([]);
		expect(shown).not.toMatch(/Bearer\s+[A-Za-z0-9._-]{8,}/);
	}

	it.each(['clientCredentials', 'personalAccessToken', 'oauth2'] as const)('unknown folder (1100) with %s', async (kind) => {
		await expectNoSecret(kind, { ...START, folder: locator('id', '999999') }, { httpCode: '400', message: /no role in it|assign the user or app/ });
	});

	it.each(['clientCredentials', 'personalAccessToken', 'oauth2'] as const)('unknown process (404) with %s', async (kind) => {
		await expectNoSecret(kind, { ...START, release: locator('name', 'No Such Process') }, { httpCode: '404' });
	});

	it('a missing scope (403) names the scope the operation needs', async () => {
		const narrow = new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope: 'OR.Folders.Read' })]);
		suite.stores.set('clientCredentials', narrow);
		await expectNoSecret('clientCredentials', START, { httpCode: '403', message: /OR\.Jobs or OR\.Jobs\.Write/ });
	});

	it('a wrong tenant answers a web page: the error points at organization and tenant', async () => {
		suite.stores.set('personalAccessToken', new CredentialStore([await credentialFor(suite.sandbox, 'personalAccessToken', { tenant: 'NoSuchTenant' })]));
		await expectNoSecret('personalAccessToken', START, { message: /organization and tenant/ });
	});

	it('a refused personal access token (401)', async () => {
		suite.stores.set('personalAccessToken', new CredentialStore([await credentialFor(suite.sandbox, 'personalAccessToken', { personalAccessToken: 'pat-that-was-revoked-0123456789' })]));
		await expectNoSecret('personalAccessToken', START, { httpCode: '401' });
		expect(JSON.stringify(nodeError(await suite.run('personalAccessToken', START)))).not.toContain('pat-that-was-revoked-0123456789');
	});

	it('a faulted job under continueOnFail: the output items carry no secret either', async () => {
		const result = await suite.run(
			'oauth2',
			{ ...START, release: locator('name', PROCESSES.faulting), options: { waitForCompletion: true, pollInterval: 1 } },
			{ continueOnFail: true },
		);
		const output = JSON.stringify(result.run);
		expect(secrets().filter((secret) => output.includes(secret))).toEqual([]);
	});
});
