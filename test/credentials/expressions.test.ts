import { Workflow, type ICredentialDataDecryptedObject, type INode, type INodeParameters, type INodeTypes } from 'n8n-workflow';

import { resolveUiPathEndpoints } from '../../credentials/auth/endpoints';
import { UiPathApi } from '../../credentials/UiPathApi.credentials';
import { UiPathOAuth2Api } from '../../credentials/UiPathOAuth2Api.credentials';

/**
 * The credentials carry URLs as n8n expressions (the OAuth2 URLs, the test request's base URL), which cannot
 * call code; these tests evaluate them with n8n-workflow's own expression engine, as n8n does, and hold them
 * to the resolver's rules.
 */
const node: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
const nodeTypes = { getByNameAndVersion: () => ({ description: { properties: [] } }) } as unknown as INodeTypes;

async function withWorkflow<T>(evaluate: (workflow: Workflow) => T): Promise<T> {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	await workflow.expression.acquireIsolate();
	try {
		return evaluate(workflow);
	} finally {
		await workflow.expression.releaseIsolate();
	}
}

/** How n8n's RoutingNode resolves a credential test request: `$credentials` is the decrypted data. */
async function testRequestBaseUrl(data: ICredentialDataDecryptedObject): Promise<unknown> {
	const baseURL = new UiPathApi().test.request.baseURL as string;
	return await withWorkflow((workflow) =>
		workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', { $credentials: data } as never),
	);
}

/** How n8n's credentials helper resolves credential fields: `$self` is the credential's own data. */
async function oauthUrls(data: ICredentialDataDecryptedObject): Promise<{ authUrl: string; accessTokenUrl: string }> {
	const defaults = Object.fromEntries(
		new UiPathOAuth2Api().properties.map((property) => [property.name, property.default]),
	) as ICredentialDataDecryptedObject;
	const full = { ...defaults, ...data };
	return (await withWorkflow((workflow) =>
		workflow.expression.getComplexParameterValue(node, full as INodeParameters, 'internal', {}, undefined, undefined, full),
	)) as unknown as { authUrl: string; accessTokenUrl: string };
}

describe('uiPathApi test request base URL', () => {
	it.each<[string, ICredentialDataDecryptedObject]>([
		['Automation Cloud default', { identityPreset: 'automationCloud', baseUrl: '', organization: 'acme', tenant: 'DefaultTenant' }],
		['Automation Cloud override', { identityPreset: 'automationCloud', baseUrl: ' http://127.0.0.1:4100/ ', organization: 'acme', tenant: 'Staging' }],
		['2019 default', { identityPreset: 'legacy2019', baseUrl: '', organization: 'acmeaccount', tenant: 'AcmeDefault' }],
		['2019 override', { identityPreset: 'legacy2019', baseUrl: 'http://127.0.0.1:4100', organization: 'acme', tenant: 'DefaultTenant' }],
		['on-premises', { identityPreset: 'onPremises', baseUrl: 'https://orchestrator.acme.test//', organization: '', tenant: '' }],
	])('%s matches resolveUiPathEndpoints', async (_, data) => {
		expect(await testRequestBaseUrl(data)).toBe(resolveUiPathEndpoints('uiPathApi', data).orchestratorUrl);
	});
});

describe('uiPathOAuth2Api authorization and token URLs', () => {
	it.each<[string, ICredentialDataDecryptedObject]>([
		['cloud', { environment: 'cloud', organization: 'acme', tenant: 'DefaultTenant' }],
		['govCloud', { environment: 'govCloud', organization: 'acme', tenant: 'DefaultTenant' }],
		['automationSuite', { environment: 'automationSuite', baseUrl: 'http://127.0.0.1:4100/', organization: 'acme', tenant: 'DefaultTenant' }],
		['standalone', { environment: 'standalone', baseUrl: 'https://orch.acme.test' }],
	])('%s matches resolveUiPathEndpoints', async (_, data) => {
		const endpoints = resolveUiPathEndpoints('uiPathOAuth2Api', data);
		expect(await oauthUrls(data)).toMatchObject({ authUrl: endpoints.authorizeUrl, accessTokenUrl: endpoints.tokenUrl });
	});
});
