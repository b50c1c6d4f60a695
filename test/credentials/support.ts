import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore, runWorkflow, manualWorkflow, type WorkflowRunResult } from '../harness';
import { requestNode, testNodeTypes } from '../harness/fixtures';
import type { Sandbox } from '../../sandbox';
import { LEGACY_CLIENT_ID, ORGANIZATION, PUBLIC_CLIENT_ID, TENANT } from '../../sandbox/fixtures';
import type { IdentityPreset } from '../../credentials/auth/endpoints';
import { fetchHttp } from '../../tools/login/fetchHttp';
import { runLogin, type CredentialValues } from '../../tools/login/runLogin';
import { atLegacyRedirect, followInBrowser } from '../tools/browser';

export const GET_CURRENT_USER = '/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser';
export const CREDENTIAL_ID = 'u1';

/** Where the sandbox serves Orchestrator for each preset. */
export function orchestratorUrl(sandbox: Sandbox, preset: IdentityPreset): string {
	if (preset === 'onPremises') return sandbox.url;
	if (preset === 'legacy2019') return `${sandbox.url}/${ORGANIZATION}/${TENANT}`;
	return `${sandbox.url}/${ORGANIZATION}/${TENANT}/orchestrator_`;
}

/** uiPathApi data pointed at the sandbox (baseUrl, and identityUrl for the 2019 preset, which is on the same host). */
export function apiData(sandbox: Sandbox, preset: IdentityPreset, fields: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const hosted: ICredentialDataDecryptedObject = preset === 'onPremises' ? {} : { organization: ORGANIZATION, tenant: TENANT };
	return {
		identityPreset: preset,
		baseUrl: sandbox.url,
		identityUrl: preset === 'legacy2019' ? sandbox.url : '',
		...hosted,
		accessToken: '',
		...fields,
	};
}

export function storeWith(data: ICredentialDataDecryptedObject): CredentialStore {
	return new CredentialStore([{ id: CREDENTIAL_ID, name: 'UiPath', type: 'uiPathApi', data }]);
}

/** Runs Manual Trigger → Authenticated Request (one request per item) with the uiPathApi credential. */
export async function runRequest(
	store: CredentialStore,
	url: string,
	options: { items?: number; concurrent?: boolean } = {},
): Promise<WorkflowRunResult> {
	return await runWorkflow({
		workflow: manualWorkflow(requestNode({ credential: store.get(CREDENTIAL_ID), url, concurrent: options.concurrent })),
		credentials: store,
		nodeTypes: testNodeTypes(),
		mode: options.items ? 'trigger' : 'manual',
		startData: options.items ? Array.from({ length: options.items }, (_, i) => ({ json: { i } })) : undefined,
	});
}

/** Signs the seeded user in with the login tool, the test playing the browser; returns the values it prints. */
export async function loginWithTool(sandbox: Sandbox, preset: 'automationCloud' | 'legacy2019'): Promise<CredentialValues> {
	const legacy = preset === 'legacy2019';
	let landedOn = '';
	const result = await runLogin(
		{
			identityPreset: preset,
			baseUrl: sandbox.url,
			identityUrl: legacy ? sandbox.url : undefined,
			clientId: legacy ? LEGACY_CLIENT_ID : PUBLIC_CLIENT_ID,
			redirectUri: legacy ? 'https://account.uipath.com/mobile' : 'http://127.0.0.1:0/callback',
			timeoutMs: 10_000,
		},
		{
			progress: () => undefined,
			openBrowser: async (url) => {
				landedOn = await followInBrowser(url, atLegacyRedirect);
			},
			readRedirect: async () => landedOn,
		},
		fetchHttp,
	);
	return result.values;
}

/** The token and sign-in requests the sandbox received, in order. */
export function signInRequests(sandbox: Sandbox) {
	return sandbox.state.requests.filter((request) =>
		/\/connect\/token$|^\/oauth\/token$|\/api\/Account\/Authenticate$/i.test(request.path),
	);
}

/** Orchestrator requests to one route, with the Authorization header each carried. */
export function requestsTo(sandbox: Sandbox, path: string) {
	return sandbox.state.requests.filter((request) => request.path === path);
}

export const formOf = (body: string) => Object.fromEntries(new URLSearchParams(body));
