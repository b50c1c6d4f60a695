import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { ORGANIZATION, PUBLIC_CLIENT_ID, TENANT } from '../../sandbox/fixtures';
import { resolveUiPathEndpoints } from '../../credentials/auth/endpoints';
import { createPkcePair, createState } from '../../credentials/auth/pkce';
import { DEFAULT_USER_SCOPE } from '../../credentials/auth/scopes';
import { CredentialStore, manualWorkflow, runWorkflow } from '../harness';
import { requestNode, testNodeTypes } from '../harness/fixtures';
import { followInBrowser } from '../tools/browser';
import { oauthUrls } from './expressionEval';
import { GET_CURRENT_USER, formOf, requestsTo, signInRequests } from './support';

/** n8n's own OAuth callback, which the sandbox's PKCE app has registered. */
const N8N_CALLBACK = 'http://localhost:5678/rest/oauth2-credential/callback';
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * uiPathOAuth2Api: n8n's "Connect" is played here as n8n 2.41's OAuth2 controller does it (the same
 * @n8n/client-oauth2 library, options built from the credential's resolved fields, PKCE S256, body
 * authentication); the token use and refresh then run in n8n-core. The real Connect button in a running
 * n8n is the end-to-end suite's.
 */
describe('uiPathOAuth2Api (n8n Connect with PKCE, refresh by n8n-core)', () => {
	let sandbox: Sandbox;
	let data: ICredentialDataDecryptedObject;
	beforeAll(async () => {
		sandbox = await startSandbox({ accessTokenTtlSeconds: 3 });
		data = { environment: 'automationSuite', baseUrl: sandbox.url, organization: ORGANIZATION, tenant: TENANT, clientId: PUBLIC_CLIENT_ID };
	});
	afterAll(async () => await sandbox.close());

	const connect = async (): Promise<IDataObject> => {
		const { authUrl, accessTokenUrl, scope } = await oauthUrls(data);
		const options = {
			clientId: PUBLIC_CLIENT_ID,
			clientSecret: '',
			accessTokenUri: accessTokenUrl,
			authorizationUri: authUrl,
			authentication: 'body' as const,
			redirectUri: N8N_CALLBACK,
			scopes: [scope],
			scopesSeparator: ' ' as const,
		};
		const pkce = createPkcePair();
		const uri = new ClientOAuth2({
			...options,
			state: createState(),
			query: { code_challenge: pkce.codeChallenge, code_challenge_method: 'S256' },
		}).code.getUri();
		const landedOn = await followInBrowser(uri, (url) => url.startsWith(N8N_CALLBACK));
		const token = await new ClientOAuth2({ ...options, clientSecret: undefined }).code.getToken(landedOn, {
			body: { code_verifier: pkce.codeVerifier, client_id: PUBLIC_CLIENT_ID },
		});
		return token.data as IDataObject;
	};

	it('resolves its URLs from the environment and asks for every scope the node needs plus offline_access', async () => {
		const urls = await oauthUrls(data);
		expect(urls.authUrl).toBe(`${sandbox.url}/identity_/connect/authorize`);
		expect(urls.accessTokenUrl).toBe(`${sandbox.url}/identity_/connect/token`);
		expect(urls.scope).toBe(DEFAULT_USER_SCOPE);
		expect(urls.scope.split(' ')).toContain('offline_access');
	});

	it('sends the connected token; once it expires n8n refreshes it, retries, and stores the rotated refresh token', async () => {
		const oauthTokenData = await connect();
		expect(typeof oauthTokenData.refresh_token).toBe('string');
		const store = new CredentialStore([{ id: 'o1', name: 'UiPath OAuth2', type: 'uiPathOAuth2Api', data: { ...data, oauthTokenData } }]);
		const url = `${resolveUiPathEndpoints('uiPathOAuth2Api', data).orchestratorUrl}${GET_CURRENT_USER}`;
		const run = async () =>
			await runWorkflow({
				workflow: manualWorkflow(requestNode({ credential: store.get('o1'), url })),
				credentials: store,
				nodeTypes: testNodeTypes(),
			});

		// Three-second tokens (one second was too short on a loaded machine: the refreshed token expired before the retry): the first run may already find the connected token expired and refresh it.
		const first = await run();
		expect(first.error).toBeUndefined();
		expect(first.json('Request')[0]).toMatchObject({ UserName: 'robin.ops' });
		const before = store.data('o1').oauthTokenData as IDataObject;

		await sleep(3500);
		sandbox.state.clearRequests();
		const second = await run();
		expect(second.error).toBeUndefined();
		const me = requestsTo(sandbox, new URL(url).pathname);
		expect(me.map((request) => `${request.status} ${request.headers.authorization}`)).toEqual([
			`401 Bearer ${String(before.access_token)}`,
			expect.stringMatching(/^200 Bearer /),
		]);
		expect(signInRequests(sandbox).map((request) => formOf(request.body))).toEqual([
			expect.objectContaining({ grant_type: 'refresh_token', refresh_token: before.refresh_token, client_id: PUBLIC_CLIENT_ID }),
		]);
		const stored = store.data('o1').oauthTokenData as IDataObject;
		expect(stored.refresh_token).not.toBe(before.refresh_token);
		expect(me[1].headers.authorization).toBe(`Bearer ${String(stored.access_token)}`);
	});
});
