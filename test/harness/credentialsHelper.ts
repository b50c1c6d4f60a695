import { getAdditionalKeys } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
	jsonParse,
	type CredentialInformation,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialsExpressionResolveValues,
	type IExecuteData,
	type IGetDecryptedCredentialsOptions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IWorkflowDataProxyAdditionalKeys,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore, StoredCredential } from './credentialStore';
import type { CredentialTypeRegistry } from './credentialTypes';

/*
 * A port of n8n 2.41's CredentialsHelper (packages/cli/src/credentialsHelper.ts, read from the published
 * `n8n` package's dist/credentials-helper.js) onto an in-memory store. Left out, because none of it exists
 * outside an n8n server: credential overwrites (none configured), dynamic (per-user) credential resolvers,
 * the AI gateway, external secrets and policy enforcement. Every stored credential is project-scoped.
 * The 401 retry and the OAuth2 refresh (with its single-flight lock) are n8n-core's, not this class's.
 */

/** Fields n8n pins to the credential type's hidden value instead of the stored one (oauth/dcr-managed-fields). */
const OAUTH_PINNED_FIELDS = ['useDynamicClientRegistration', 'authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'usePkce', 'requestTokenUrl', 'signatureMethod'];
const DCR_MANAGED_CREDENTIAL_FIELDS = ['authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'usePkce', 'clientId', 'clientSecret'];

/** The node n8n resolves credential expressions against when no workflow context is given. */
const mockNode: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
const mockNodeType = { description: { properties: [] } } as unknown as INodeType;
const mockNodeTypes: INodeTypes = {
	getKnownTypes: () => ({}),
	getByName: () => mockNodeType,
	getByNameAndVersion: (nodeType: string) => {
		if (nodeType !== 'mock') throw new UnexpectedError('Node not found', { tags: { nodeType } });
		return mockNodeType;
	},
};

const INVALID_JSON_VALUE = Symbol('invalidJsonValue');

/** n8n-core's Credentials, minus the encryption: `data` holds the JSON text (see CredentialStore for why). */
export class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		if (this.data === undefined) throw new UserError('No data is set so nothing can be returned.');
		return jsonParse<ICredentialDataDecryptedObject>(this.data);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject) {
		this.data = JSON.stringify(data);
	}

	async updateData(toUpdate: ICredentialDataDecryptedObject, toDelete: string[] = []) {
		const updated = { ...(await this.getData()), ...toUpdate };
		for (const key of toDelete) delete updated[key];
		await this.setData(updated);
	}
}

/** A preAuthentication may only reach the domains the credential allows, as in n8n. */
function restrictToCredentialDomains(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: CredentialTypeRegistry,
		readonly store: CredentialStore,
	) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (typeof authenticate !== 'object') return requestOptions;
		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		requestOptions.headers ??= {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
					target[outerKey] ??= {};
					target[outerKey][String(keyResolved)] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		// n8n's credential test runs through a temporary No Operation node: it always re-authenticates.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirableProperty.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;

		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		if (output[expirableProperty.name] === undefined) return undefined;
		if (!node.credentials) return undefined;

		const nodeCredentials = node.credentials[credentialType.name];
		const storedData = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
		const dataToPersist = { ...storedData };
		for (const [key, value] of Object.entries(output)) {
			// A field the user set to an expression stays an expression; everything else takes the new value.
			if (key === expirableProperty.name || !isExpression(storedData[key])) dataToPersist[key] = value as CredentialInformation;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	private resolveValue(parameterValue: unknown, additionalKeys: IWorkflowDataProxyAdditionalKeys, workflow: Workflow, node: INode): unknown {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(node, parameterValue, 'internal', additionalKeys, undefined, '');
		if (!returnValue) return '';
		return returnValue.toString();
	}

	getParentTypes(typeName: string): string[] {
		return this.credentialTypes.getParentTypes(typeName);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		if (!this.credentialTypes.getByName(credentialType).restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails | undefined, type: string): Promise<ICredentials> {
		const entity = this.getCredentialsEntity(nodeCredentials, type);
		return new PlainCredentials({ id: entity.id, name: entity.name }, entity.type, JSON.stringify(entity.data));
	}

	private getCredentialsEntity(nodeCredentials: INodeCredentialsDetails | undefined, type: string): StoredCredential {
		if (!nodeCredentials?.id) {
			throw new UnexpectedError('Found credential with no ID.', {
				extra: { credentialName: nodeCredentials?.name },
				tags: { credentialType: type },
			});
		}
		const entity = this.store.find(nodeCredentials.id, type);
		if (!entity) throw new UserError(`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`);
		return entity;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.credentialTypes.getByName(type);
		if (credentialTypeData.extends === undefined) {
			// n8n stores OAuth tokens on the base types, so their property list carries the token field.
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}
		const combineProperties: INodeProperties[] = [];
		for (const parentType of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(parentType));
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
		_options?: IGetDecryptedCredentialsOptions,
	): Promise<ICredentialDataDecryptedObject> {
		const entity = this.getCredentialsEntity(nodeCredentials, type);
		const decryptedDataOriginal = entity.data;
		if (raw === true) return decryptedDataOriginal;
		return await this.applyDefaults(additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues);
	}

	private async applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);
		const storedData = { ...decryptedDataOriginal };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (credentialsProperties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		}
		// Only displayed fields survive, each with its default when not stored.
		let decryptedData = NodeHelpers.getNodeParameters(credentialsProperties, storedData as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		if (decryptedData.allowedHttpRequestDomains === undefined && decryptedDataOriginal.allowedHttpRequestDomains !== undefined) {
			decryptedData.allowedHttpRequestDomains = decryptedDataOriginal.allowedHttpRequestDomains;
		}
		if (decryptedData.allowedDomains === undefined && decryptedDataOriginal.allowedDomains !== undefined) {
			decryptedData.allowedDomains = decryptedDataOriginal.allowedDomains;
		}
		if (decryptedData.useDynamicClientRegistration) {
			for (const field of DCR_MANAGED_CREDENTIAL_FIELDS) decryptedData[field] = decryptedDataOriginal[field];
		}
		const parsedJsonLeaves = this.parseJsonLeafExpressionFields(credentialsProperties, decryptedData);
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = this.resolveCredentialExpressions(workflow, credentialsProperties, decryptedData, mode, additionalKeys);
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		for (const [propertyName, originalValue] of parsedJsonLeaves) {
			decryptedData[propertyName] = JSON.stringify(decryptedData[propertyName]) ?? originalValue;
		}
		return decryptedData;
	}

	private resolveCredentialExpressions(
		workflow: Workflow,
		credentialsProperties: INodeProperties[],
		decryptedData: ICredentialDataDecryptedObject,
		mode: WorkflowExecuteMode,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
	): ICredentialDataDecryptedObject {
		try {
			return workflow.expression.getComplexParameterValue(mockNode, decryptedData as INodeParameters, mode, additionalKeys, undefined, undefined, decryptedData) as ICredentialDataDecryptedObject;
		} catch (originalError) {
			// Resolve field by field, so a field marked ignoreCredentialExpressionResolveError can be dropped.
			const propertiesByName = new Map(credentialsProperties.map((property) => [property.name, property]));
			const resolvedData: ICredentialDataDecryptedObject = {};
			for (const [propertyName, propertyValue] of Object.entries(decryptedData)) {
				try {
					const resolved = workflow.expression.getComplexParameterValue(
						mockNode,
						{ [propertyName]: propertyValue } as INodeParameters,
						mode,
						additionalKeys,
						undefined,
						undefined,
						decryptedData,
					) as ICredentialDataDecryptedObject;
					if (Object.prototype.hasOwnProperty.call(resolved, propertyName)) resolvedData[propertyName] = resolved[propertyName];
				} catch {
					if (propertiesByName.get(propertyName)?.typeOptions?.ignoreCredentialExpressionResolveError === true) continue;
					throw originalError;
				}
			}
			return resolvedData;
		}
	}

	/** JSON fields marked resolveCredentialJsonLeaves get expressions resolved inside their values. */
	private parseJsonLeafExpressionFields(credentialsProperties: INodeProperties[], decryptedData: ICredentialDataDecryptedObject) {
		const parsedFields = new Map<string, string>();
		for (const property of credentialsProperties) {
			if (!property.typeOptions?.resolveCredentialJsonLeaves) continue;
			const value = decryptedData[property.name];
			if (typeof value !== 'string' || value === '') continue;
			const parsed = jsonParse<ICredentialDataDecryptedObject | typeof INVALID_JSON_VALUE>(value, { fallbackValue: INVALID_JSON_VALUE });
			if (parsed === INVALID_JSON_VALUE) continue;
			parsedFields.set(property.name, value);
			decryptedData[property.name] = parsed;
		}
		return parsedFields;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.setData(data);
		this.store.write(credentials.id!, type, await credentials.getData(), 'updateCredentials');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
		_additionalData: IWorkflowExecuteAdditionalData,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		// Only the token data changes: the rest of what the node saw (defaults, resolved expressions) is not stored.
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
		this.store.write(credentials.id!, type, await credentials.getData(), 'updateCredentialsOauthTokenData');
	}
}
