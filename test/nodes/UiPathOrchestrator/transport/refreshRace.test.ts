import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore, credentialsOf, manualWorkflow, runWorkflow, type WorkflowRunResult } from '../../../harness';
import { startSandbox, type Sandbox } from '../../../../sandbox';
import { PUBLIC_CLIENT_ID } from '../../../../sandbox/fixtures';
import { apiData, formOf, loginWithTool, signInRequests } from '../../../credentials/support';
import { NODE_NAME, NODE_TYPE, SHARED } from '../sandboxSuite';

const CREDENTIAL_ID = 'shared-in-the-database';

/**
 * The invalid_grant race of n8n's queue mode, through n8n-core and the node's transport: two workers read
 * the same uiPathApi credential, one trades its single-use refresh token first and stores the successor,
 * the other's refresh is refused. Here the workflow under test is one worker; the test plays the other.
 * That stands in for a second process because the CredentialStore is what both workers share (n8n's
 * database: every getCredentials reads it again, every preAuthentication writes it), and the other worker's
 * trade goes over real HTTP to the sandbox outside this process's single flight, exactly as another
 * process's would. What a real second process adds (timing) is exercised by `npm run e2e -- --queue`.
 */
describe('uiPathApi refresh token traded by another worker first (queue mode race)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ accessTokenTtlSeconds: 60 });
	});
	afterAll(async () => await sandbox.close());

	/** A store holding a refresh token from a real sign-in and an access token Orchestrator no longer takes. */
	async function expiredCredential(): Promise<{ store: CredentialStore; data: ICredentialDataDecryptedObject; refreshToken: string }> {
		const { refreshToken } = await loginWithTool(sandbox, 'automationCloud');
		const data = apiData(sandbox, 'automationCloud', { authType: 'refreshToken', clientId: PUBLIC_CLIENT_ID, refreshToken, accessToken: 'expired-access-token' });
		sandbox.state.clearRequests();
		return { store: new CredentialStore([{ id: CREDENTIAL_ID, name: 'UiPath', type: 'uiPathApi', data }]), data, refreshToken };
	}

	/** What the other worker's preAuthentication sends: the same refresh token, straight to the identity server. */
	async function otherWorkerTrades(refreshToken: string): Promise<{ accessToken: string; refreshToken: string }> {
		const response = await fetch(`${sandbox.url}/identity_/connect/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: PUBLIC_CLIENT_ID }),
		});
		const body = (await response.json()) as { access_token: string; refresh_token: string };
		expect(response.status).toBe(200);
		return { accessToken: body.access_token, refreshToken: body.refresh_token };
	}

	const listProcesses = async (store: CredentialStore): Promise<WorkflowRunResult> =>
		await runWorkflow({
			workflow: manualWorkflow({
				name: NODE_NAME,
				type: NODE_TYPE,
				parameters: { authentication: 'uiPathApi', resource: 'release', operation: 'getAll', folder: SHARED, limit: 5 },
				credentials: credentialsOf(store.get(CREDENTIAL_ID)),
			}),
			credentials: store,
		});

	const refreshesWith = () => signInRequests(sandbox).map((request) => ({ token: formOf(request.body).refresh_token, status: request.status }));

	/** Resolves once the sandbox has refused a refresh with this token (the moment the race is lost). */
	async function refusalOf(refreshToken: string): Promise<void> {
		while (!refreshesWith().some((entry) => entry.token === refreshToken && entry.status === 400)) {
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}

	it('is not an error: the request is sent again with the refresh token the other worker stored', async () => {
		const { store, data, refreshToken } = await expiredCredential();
		const successor = await otherWorkerTrades(refreshToken);
		// The winner stores its tokens just after the loser's refresh was refused, as a slower database write would.
		const winnerStores = refusalOf(refreshToken).then(() =>
			store.write(CREDENTIAL_ID, 'uiPathApi', { ...data, ...successor }, 'updateCredentials'),
		);

		const result = await listProcesses(store);
		await winnerStores;
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_NAME).length).toBeGreaterThan(0);
		// The refused token was sent once (by this worker, after the other's trade) and never again.
		expect(refreshesWith()).toEqual([
			{ token: refreshToken, status: 200 },
			{ token: refreshToken, status: 400 },
		]);
		const releases = sandbox.state.requests.filter((request) => request.path.endsWith('/odata/Releases'));
		expect(releases.map((request) => `${request.status} ${request.headers.authorization}`)).toEqual([
			'401 Bearer expired-access-token',
			`200 Bearer ${successor.accessToken}`,
		]);
		expect(store.data(CREDENTIAL_ID).refreshToken).toBe(successor.refreshToken);
	});

	it('fails the item with "sign in again" when the stored refresh token is still the refused one', async () => {
		const { store, refreshToken } = await expiredCredential();
		// Spent elsewhere, and nobody stored the successor (a revoked sign-in looks the same).
		await otherWorkerTrades(refreshToken);

		const result = await listProcesses(store);
		const error = result.error ?? result.runData[NODE_NAME]?.[0]?.error;
		expect(error?.message).toMatch(/Refresh Token \(refreshToken\).*sign in again with the login tool/);
		expect(error?.message).not.toContain(refreshToken);
		// The refused token is not sent again while waiting for a successor.
		expect(refreshesWith()).toEqual([
			{ token: refreshToken, status: 200 },
			{ token: refreshToken, status: 400 },
		]);
		expect(store.data(CREDENTIAL_ID).refreshToken).toBe(refreshToken);
	});
});
