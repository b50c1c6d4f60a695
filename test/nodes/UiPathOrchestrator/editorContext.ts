import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { CredentialStore, HarnessCredentialsHelper, loadPackageTypes } from '../../harness';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { NodeTypeRegistry } from '../../harness/node-types';
import { OAuth2Api } from '../../harness/stand-ins/OAuth2Api.credentials';
import { CREDENTIAL_ID, NODE_NAME, NODE_TYPE } from './sandboxSuite';

/**
 * What n8n's DynamicNodeParametersService builds for a list search or a resource mapping request: n8n-core's
 * LoadOptionsContext with the node's current parameters and the harness's credentials helper.
 */
export function editorContext(store: CredentialStore, parameters: INodeParameters, path = 'parameters.release'): LoadOptionsContext {
	const packageTypes = loadPackageTypes();
	const nodeTypes = new NodeTypeRegistry(packageTypes.nodeTypes);
	const credentialTypes = new CredentialTypeRegistry([new OAuth2Api(), ...packageTypes.credentialTypes], nodeTypes);
	const credential = store.get(CREDENTIAL_ID);
	const node: INode = {
		id: 'editor',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: credential.type, ...parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new HarnessCredentialsHelper(credentialTypes, store),
		currentNodeParameters: node.parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
