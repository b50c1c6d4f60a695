import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID } from '../../sandbox/fixtures';
import type { IdentityPreset } from '../../credentials/auth/endpoints';
import { DEFAULT_APPLICATION_SCOPE } from '../../credentials/auth/scopes';
import { UiPathApi } from '../../credentials/UiPathApi.credentials';
import { credentialsOf, manualWorkflow, runWorkflow, type WorkflowRunResult } from '../harness';
import { NoOp } from '../harness/stand-ins/NoOp.node';
import { startRecordingOrigin } from '../support/recordingOrigin';
import { CREDENTIAL_ID, GET_CURRENT_USER, apiData, requestsTo, signInRequests, storeWith } from './support';

const credentialType = new UiPathApi();

/**
 * The node n8n's CredentialsTester builds for a credential's `test` (n8n 2.41 credentials-tester.service):
 * a copy of No Operation whose one parameter `temp` routes the test request, run declaratively by n8n-core.
 * n8n re-authenticates on every test because of that node's type and `temp: ''`.
 */
function credentialTestNode(): INodeType {
	const noOp = new NoOp();
	return {
		description: {
			...noOp.description,
			credentials: [{ name: 'uiPathApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credentialType.test.request }, default: '' }],
		},
	};
}

/** What n8n shows for a failed test: the rule message for the status, else the error message. */
function testVerdict(result: WorkflowRunResult): string {
	if (!result.error) return 'Connection successful!';
	// n8n matches rules on the response status; the run data keeps it as the error's httpCode.
	const status = Number((result.error as { httpCode?: string }).httpCode);
	const rule = credentialType.test.rules?.find(
		(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
	);
	return rule ? String(rule.properties.message) : result.error.message;
}

describe('uiPathApi credential test (the current user, as n8n runs it)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.state.clearRequests());

	const runTest = async (preset: IdentityPreset, fields: ICredentialDataDecryptedObject) => {
		const store = storeWith(apiData(sandbox, preset, fields));
		const result = await runWorkflow({
			workflow: manualWorkflow({
				name: 'Temp-Node',
				type: 'n8n-nodes-base.noOp',
				parameters: { temp: '' },
				credentials: credentialsOf(store.get(CREDENTIAL_ID)),
			}),
			credentials: store,
			nodeTypes: [{ name: 'n8n-nodes-base.noOp', type: credentialTestNode() }],
		});
		return { result, store, verdict: testVerdict(result) };
	};
	const confidential = (fields: ICredentialDataDecryptedObject = {}) => ({
		authType: 'clientCredentials',
		clientId: CONFIDENTIAL_CLIENT_ID,
		clientSecret: sandbox.state.credentials.clientCredentials.clientSecret,
		scope: DEFAULT_APPLICATION_SCOPE,
		...fields,
	});

	it('signs in afresh (even with a stored token), asks Orchestrator who it is, and keeps the new token', async () => {
		const { result, store, verdict } = await runTest('automationCloud', confidential({ accessToken: 'stored-earlier' }));
		expect(verdict).toBe('Connection successful!');
		expect(signInRequests(sandbox)).toHaveLength(1);
		const [me] = requestsTo(sandbox, '/acme/DefaultTenant/orchestrator_/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser');
		expect(me.status).toBe(200);
		expect(me.headers.authorization).toBe(`Bearer ${store.data(CREDENTIAL_ID).accessToken}`);
		expect(result.status).toBe('success');
	});

	it('follows a redirect to another origin without the token', async () => {
		const other = await startRecordingOrigin();
		try {
			sandbox.state.faults = [{ path: GET_CURRENT_USER, redirect: { status: 302, location: `${other.url}${GET_CURRENT_USER}` } }];
			const { personalAccessToken } = sandbox.state.credentials;
			await runTest('automationCloud', { authType: 'personalAccessToken', personalAccessToken });
			expect(other.received).toHaveLength(1);
			expect(other.received[0].headers.authorization).toBeUndefined();
			expect(JSON.stringify(other.received)).not.toContain(personalAccessToken);
		} finally {
			sandbox.state.faults = [];
			await other.close();
		}
	});

	it.each<IdentityPreset>(['legacy2019', 'onPremises'])('works with the %s preset', async (preset) => {
		const { verdict } = await runTest(preset, { authType: 'personalAccessToken', personalAccessToken: sandbox.state.credentials.personalAccessToken });
		expect(verdict).toBe('Connection successful!');
	});

	it.each<[string, IdentityPreset, () => ICredentialDataDecryptedObject, RegExp]>([
		['a refused token', 'automationCloud', () => ({ authType: 'personalAccessToken', personalAccessToken: 'revoked-token-0123456789' }), /Authentication \(authType\)/],
		['a missing scope', 'automationCloud', () => confidential({ scope: 'OR.Jobs' }), /OR\.Users\.Read.*Scopes \(scope\)/],
		['a wrong tenant', 'automationCloud', () => confidential({ tenant: 'NoSuchTenant' }), /Organization \(organization\), Tenant \(tenant\)/],
		['a wrong organization', 'legacy2019', () => ({ authType: 'personalAccessToken', personalAccessToken: sandbox.state.credentials.personalAccessToken, organization: 'nobody' }), /Organization \(organization\)/],
		['a wrong App Secret', 'automationCloud', () => confidential({ clientSecret: 'wrong-secret-0123456789' }), /App Secret \(clientSecret\)/],
	])('says what to fix for %s', async (_, preset, fields, message) => {
		const { verdict } = await runTest(preset, fields());
		expect(verdict).toMatch(message);
		expect(verdict).not.toContain(sandbox.state.credentials.clientCredentials.clientSecret);
	});
});
