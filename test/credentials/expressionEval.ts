import { Workflow, type ICredentialDataDecryptedObject, type INode, type INodeParameters, type INodeTypes } from 'n8n-workflow';

import { UiPathApi } from '../../credentials/UiPathApi.credentials';
import { UiPathOAuth2Api } from '../../credentials/UiPathOAuth2Api.credentials';

/** The credentials' URL expressions evaluated by n8n-workflow's own engine, the way n8n evaluates them. */
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
export async function testRequestBaseUrl(data: ICredentialDataDecryptedObject): Promise<unknown> {
	const baseURL = new UiPathApi().test.request.baseURL as string;
	return await withWorkflow((workflow) =>
		workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', { $credentials: data } as never),
	);
}

/** How n8n's credentials helper resolves credential fields (defaults included): `$self` is the credential's own data. */
export async function oauthUrls(data: ICredentialDataDecryptedObject): Promise<{ authUrl: string; accessTokenUrl: string; scope: string }> {
	const defaults = Object.fromEntries(
		new UiPathOAuth2Api().properties.map((property) => [property.name, property.default]),
	) as ICredentialDataDecryptedObject;
	const full = { ...defaults, ...data };
	return (await withWorkflow((workflow) =>
		workflow.expression.getComplexParameterValue(node, full as INodeParameters, 'internal', {}, undefined, undefined, full),
	)) as unknown as { authUrl: string; accessTokenUrl: string; scope: string };
}
