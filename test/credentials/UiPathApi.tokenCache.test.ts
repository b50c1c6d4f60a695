import { startSandbox, type Sandbox } from '../../sandbox';
import { PUBLIC_CLIENT_ID } from '../../sandbox/fixtures';
import { CREDENTIAL_ID, GET_CURRENT_USER, apiData, formOf, loginWithTool, orchestratorUrl, runRequest, signInRequests, storeWith } from './support';

/**
 * The memory of spent refresh tokens (for executions that read a credential just before another rotated it)
 * must never cross credentials: one holding the same spent refresh token with another App Secret is sent to
 * the identity server, which refuses it, instead of being handed the first credential's new tokens.
 */
describe('uiPathApi: the spent-refresh-token memory is keyed by everything that authorizes a refresh', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());

	it('a second credential with the same spent refresh token and a wrong secret is refused by the identity server', async () => {
		const { refreshToken } = await loginWithTool(sandbox, 'automationCloud');
		const fields = { authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken };
		const meUrl = `${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`;
		const owner = storeWith(apiData(sandbox, 'automationCloud', fields));
		expect((await runRequest(owner, meUrl)).error).toBeUndefined();
		const rotated = owner.data(CREDENTIAL_ID);

		sandbox.state.clearRequests();
		const intruder = storeWith(apiData(sandbox, 'automationCloud', { ...fields, clientSecret: 'not-the-app-secret' }));
		const result = await runRequest(intruder, meUrl);
		expect(result.error?.message).toMatch(/UiPath refused/);
		const grants = signInRequests(sandbox);
		expect(grants.map((request) => [formOf(request.body).refresh_token, formOf(request.body).client_secret])).toEqual([[refreshToken, 'not-the-app-secret']]);
		expect(grants[0].status).toBeGreaterThanOrEqual(400);
		expect(intruder.data(CREDENTIAL_ID).accessToken).not.toBe(rotated.accessToken);
		expect(intruder.data(CREDENTIAL_ID).refreshToken).not.toBe(rotated.refreshToken);
	});
});
