import type { ICredentialType, INodeProperties } from 'n8n-workflow';

const staticClient = { useDynamicClientRegistration: [false] };
const interactiveGrant = { grantType: ['authorizationCode', 'pkce'], ...staticClient };
const clientCredentialsBody = { grantType: ['clientCredentials'], authentication: ['body'], ...staticClient };

/**
 * Stand-in for n8n-nodes-base's `oAuth2Api` (n8n-nodes-base is not a dependency). Same property names,
 * types, defaults, display conditions and `doNotInherit` flags as n8n-nodes-base 2.41.1, because n8n fills
 * an extending credential's data from them (only displayed fields survive) before n8n-core's OAuth2 code
 * reads grantType, accessTokenUrl, clientId, clientSecret, clientCredentialType, scope and authentication.
 * The JWE key-publishing fields (jwksUri, inlineJwks) only serve n8n's editor and are left out.
 */
export class OAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	documentationUrl = 'httprequest';

	genericAuth = true;

	properties: INodeProperties[] = [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: { show: staticClient },
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [true] } },
			default: '',
			required: true,
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', displayOptions: { show: interactiveGrant }, default: '', required: true },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', displayOptions: { show: staticClient }, default: '', required: true },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', displayOptions: { show: staticClient }, default: '', required: true },
		{ displayName: 'Authentication', name: 'clientCredentialType', type: 'hidden', default: 'clientSecret' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			displayOptions: { show: staticClient },
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{ displayName: 'Private Key', name: 'privateKey', type: 'hidden', default: '' },
		{ displayName: 'Certificate', name: 'certificate', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', displayOptions: { show: staticClient }, default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', displayOptions: { show: interactiveGrant }, default: '' },
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: { show: staticClient },
			options: [
				{ name: 'Body', value: 'body', description: 'Send credentials in body' },
				{ name: 'Header', value: 'header', description: 'Send credentials as Basic Auth header' },
			],
			default: 'header',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
			displayOptions: { show: clientCredentialsBody },
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			displayOptions: { show: { ...clientCredentialsBody, sendAdditionalBodyProperties: [true] } },
			default: '',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
		{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'number', default: 401, doNotInherit: true },
		{ displayName: 'Encrypted Tokens (JWE)', name: 'jweEnabled', type: 'boolean', default: false, doNotInherit: true },
	];
}
