/**
 * Runs the UiPath Orchestrator node through the embedded n8n-core runner against a sandbox of its own on
 * 127.0.0.1, with either credential: `uiPathApi` (client credentials or personal access token) or
 * `uiPathOAuth2Api` holding the token data of a real PKCE round trip against the sandbox's identity.
 */
import {
	CredentialStore,
	credentialsOf,
	manualWorkflow,
	runWorkflow,
	type CredentialInput,
	type WorkflowRunResult,
} from '../../harness';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createPkcePair, createState } from '../../../credentials/auth/pkce';
import { startSandbox, type RecordedRequest, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { ORCHESTRATOR_SCOPES, PUBLIC_CLIENT_ID } from '../../../sandbox/fixtures';
import { openApiValidator, orchestratorPath, type OpenApiValidator } from '../../support/openapi';
import { descriptionsAvailable } from '../../support/uipathDescriptions';

export const NODE_NAME = 'UiPath';
export const NODE_TYPE = 'n8n-nodes-uipath.uiPathOrchestrator';
/** n8n's own OAuth callback, registered for the sandbox's PKCE app. */
const N8N_CALLBACK = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export type CredentialKind = 'clientCredentials' | 'personalAccessToken' | 'oauth2';
/** A suite's stores: one per credential kind, plus any other credential a test adds under its own name. */
export type StoreName = CredentialKind | 'legacy2019' | 'onPremises' | 'folderUser';
export const CREDENTIAL_ID = 'uipath';

/** What n8n stores as `oauthTokenData` after its Connect button: the token answer of a PKCE code exchange. */
export async function oauthTokenDataByPkce(sandbox: Sandbox, scope = [...ORCHESTRATOR_SCOPES, 'offline_access'].join(' ')): Promise<IDataObject> {
	const pkce = createPkcePair();
	const state = createState();
	const authorize = new URL(`${sandbox.url}/identity_/connect/authorize`);
	authorize.search = new URLSearchParams({
		response_type: 'code',
		client_id: PUBLIC_CLIENT_ID,
		redirect_uri: N8N_CALLBACK,
		scope,
		state,
		code_challenge: pkce.codeChallenge,
		code_challenge_method: pkce.codeChallengeMethod,
	}).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const location = new URL(redirect.headers.get('location') ?? 'about:blank');
	if (location.searchParams.get('state') !== state || !location.searchParams.get('code')) {
		throw new Error(`authorize answered ${redirect.status} ${location.href}`);
	}
	const token = await fetch(`${sandbox.url}/identity_/connect/token`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code: location.searchParams.get('code') ?? '',
			redirect_uri: N8N_CALLBACK,
			client_id: PUBLIC_CLIENT_ID,
			code_verifier: pkce.codeVerifier,
		}),
	});
	const body = (await token.json()) as IDataObject;
	if (token.status !== 200 || typeof body.access_token !== 'string') throw new Error(`token answered ${token.status}`);
	return body;
}

export async function credentialFor(sandbox: Sandbox, kind: CredentialKind, overrides: IDataObject = {}): Promise<CredentialInput> {
	const { credentials } = sandbox.state;
	const site = { baseUrl: sandbox.url, organization: credentials.organization, tenant: credentials.tenant };
	if (kind === 'oauth2') {
		return {
			id: CREDENTIAL_ID,
			name: 'UiPath OAuth2',
			type: 'uiPathOAuth2Api',
			data: {
				environment: 'automationSuite',
				...site,
				clientId: PUBLIC_CLIENT_ID,
				scope: credentials.pkce.scope,
				oauthTokenData: await oauthTokenDataByPkce(sandbox),
				...overrides,
			} as CredentialInput['data'],
		};
	}
	const secrets: IDataObject =
		kind === 'clientCredentials'
			? {
					clientId: credentials.clientCredentials.clientId,
					clientSecret: credentials.clientCredentials.clientSecret,
					scope: credentials.clientCredentials.scope,
				}
			: { personalAccessToken: credentials.personalAccessToken };
	return {
		id: CREDENTIAL_ID,
		name: 'UiPath API',
		type: 'uiPathApi',
		data: { authType: kind, identityPreset: 'automationCloud', ...site, ...secrets, ...overrides } as CredentialInput['data'],
	};
}

export interface NodeRunOptions {
	/** Input items (default: the manual trigger's single empty item); `IDataObject`s become their `json`. */
	items?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	signal?: AbortSignal;
	/** The node's version as the workflow saved it (default 1). */
	typeVersion?: number;
	/** The same execution run again (a re-run) keeps its id, its node's id and when n8n created it. */
	executionId?: string;
	nodeId?: string;
	establishedAt?: number;
}

/** A sandbox and one credential store per kind, shared by a suite's tests as n8n shares a saved credential. */
export interface Suite {
	sandbox: Sandbox;
	stores: Map<StoreName, CredentialStore>;
	run(kind: StoreName, parameters: INodeParameters, options?: NodeRunOptions): Promise<WorkflowRunResult>;
	/** Orchestrator and portal requests (not sign-in) received since the last `clearRequests()`. */
	apiRequests(): RecordedRequest[];
	/**
	 * Checks every Orchestrator request received since the last check against UiPath's orchestrator.yaml
	 * (operation described, parameters, headers and body valid), then clears the record. Without the
	 * descriptions on this machine only this check is skipped (`checked` is 0).
	 */
	checkRequests(): Promise<ConformanceReport>;
	close(): Promise<void>;
}

export interface ConformanceReport {
	/** Orchestrator requests validated. */
	checked: number;
	/** One line per request that does not conform. */
	problems: string[];
}

/** Orchestrator in every preset: /{org}/{tenant}/orchestrator_/odata, /{account}/{tenant}/odata, /odata (on-premises sign-in excluded). */
function isOrchestratorRequest(path: string): boolean {
	return orchestratorPath(path) !== undefined && !/\/portal_\/|\/cloudrpa\/|\/api\/Account\/Authenticate/i.test(path);
}

/** What the node sends: Orchestrator, the portal and the 2019 account service (not sign-in). */
function isApiRequest(path: string): boolean {
	return isOrchestratorRequest(path) || /\/portal_\/api\/|\/cloudrpa\/api\//i.test(path);
}

/** Items with binary data are passed as they are; plain objects become an item's `json`. */
function toExecutionData(item: IDataObject | INodeExecutionData): INodeExecutionData {
	return 'binary' in item && 'json' in item ? (item as INodeExecutionData) : { json: item as IDataObject };
}

export async function startSuite(kinds: CredentialKind[], options: SandboxOptions = {}): Promise<Suite> {
	const sandbox = await startSandbox(options);
	const stores = new Map<StoreName, CredentialStore>();
	for (const kind of kinds) stores.set(kind, new CredentialStore([await credentialFor(sandbox, kind)]));
	return {
		sandbox,
		stores,
		async run(kind, parameters, runOptions = {}) {
			const store = stores.get(kind);
			if (!store) throw new Error(`the suite has no ${kind} credential`);
			const credential = store.get(CREDENTIAL_ID);
			const authentication = credential.type;
			return await runWorkflow({
				workflow: manualWorkflow({
					name: NODE_NAME,
					type: NODE_TYPE,
					parameters: { authentication, ...parameters },
					credentials: credentialsOf(credential),
					...(runOptions.typeVersion ? { typeVersion: runOptions.typeVersion } : {}),
					...(runOptions.nodeId ? { id: runOptions.nodeId } : {}),
					...(runOptions.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				}),
				credentials: store,
				...(runOptions.items
					? { mode: 'trigger' as const, startData: runOptions.items.map(toExecutionData) }
					: {}),
				signal: runOptions.signal,
				executionId: runOptions.executionId,
				establishedAt: runOptions.establishedAt,
			});
		},
		apiRequests: () => sandbox.state.requests.filter((request) => isApiRequest(request.path)),
		async checkRequests() {
			const orchestrator = descriptionsAvailable ? sandbox.state.requests.filter((request) => isOrchestratorRequest(request.path)) : [];
			const validator = descriptionsAvailable ? await openApiValidator() : undefined;
			const problems: string[] = [];
			for (const request of orchestrator) {
				const conformance = (validator as OpenApiValidator).validateRequest(request);
				if (!conformance.operationId) problems.push(`${request.method} ${request.path}: not in orchestrator.yaml`);
				else if (!conformance.valid) problems.push(`${request.method} ${request.path} (${conformance.operationId}): ${conformance.errors.join('; ')}`);
			}
			sandbox.state.clearRequests();
			return { checked: orchestrator.length, problems };
		},
		close: async () => await sandbox.close(),
	};
}

/** A resource locator value as n8n stores it. */
export function locator(mode: string, value: string): INodeParameters {
	return { __rl: true, mode, value };
}

export const SHARED = locator('path', 'Shared');

/** The error of the node's run: the execution error n8n reports. */
export function nodeError(result: WorkflowRunResult): Error & { description?: string | null; httpCode?: string | null; context?: IDataObject } {
	const error = result.error ?? result.runData[NODE_NAME]?.[0]?.error;
	if (!error) throw new Error(`the run did not fail (status ${result.status})`);
	return error as Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
}

/** For afterEach: every Orchestrator request of the test conforms to UiPath's description. */
export async function expectConformingRequests(suite: Suite): Promise<void> {
	const report = await suite.checkRequests();
	expect(report.problems).toEqual([]);
}
