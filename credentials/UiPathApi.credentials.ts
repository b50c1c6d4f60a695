import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { obtainAccessToken } from './auth/accessToken';
import { CREDENTIAL_TYPES, DEFAULT_URLS, identityPresetOf, tenantHeaderOf } from './auth/endpoints';
import { n8nAuthHttp } from './auth/http';
import { DEFAULT_APPLICATION_SCOPE } from './auth/scopes';

const preset = '$credentials.identityPreset';
const base = `($credentials.baseUrl || "").trim()`;
/** The Orchestrator URL as an n8n expression: the same rules as resolveUiPathEndpoints, which a test keeps in step. */
export const ORCHESTRATOR_URL_EXPRESSION =
	`={{ ${preset} === "onPremises" ? ${base}.replace(/\\/+$/, "") : ` +
	`(${base} || (${preset} === "legacy2019" ? "${DEFAULT_URLS.legacyPlatform}" : "${DEFAULT_URLS.automationCloud}")).replace(/\\/+$/, "")` +
	` + "/" + ($credentials.organization || "").trim() + "/" + ($credentials.tenant || "").trim()` +
	` + (${preset} === "legacy2019" ? "" : "/orchestrator_") }}`;

const withAuthType = (...authType: string[]) => ({ show: { authType } });

export class UiPathApi implements ICredentialType {
	name = CREDENTIAL_TYPES.api;

	displayName = 'UiPath Orchestrator API';

	icon: Icon = { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' };

	documentationUrl = 'https://docs.uipath.com/automation-cloud/automation-cloud/latest/api-guide/accessing-uipath-resources-using-external-applications';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Refresh Token (Sign in with the Login Tool)',
					value: 'refreshToken',
					description: 'A user signs in once with PKCE (npm run login); n8n keeps the rotating refresh token',
				},
				{
					name: 'Client Credentials (Confidential External Application)',
					value: 'clientCredentials',
					description: 'App ID and App Secret of a confidential External Application with application scopes',
				},
				{
					name: 'Personal Access Token',
					value: 'personalAccessToken',
					description: 'A token created under Preferences > Personal Access Token',
				},
				{
					name: 'Username and Password (On-Premises)',
					value: 'password',
					description: 'Orchestrator on-premises sign-in through /api/Account/Authenticate',
				},
			],
			default: 'refreshToken',
		},
		{
			displayName: 'Identity Preset',
			name: 'identityPreset',
			type: 'options',
			options: [
				{
					name: 'Automation Cloud / Automation Suite',
					value: 'automationCloud',
					description: 'Today\'s identity at {base}/identity_ and Orchestrator at {base}/{organization}/{tenant}/orchestrator_',
				},
				{
					name: 'Retired 2019 Cloud Platform Flow (Account.uipath.com)',
					value: 'legacy2019',
					description:
						'UiPath\'s retired 2019 sign-in flow, kept for the original community guide and old installations: account.uipath.com/oauth/token and platform.uipath.com with the tenant header',
				},
				{
					name: 'On-Premises Orchestrator',
					value: 'onPremises',
					description: 'A standalone Orchestrator at its own address, identity at {base}/identity',
				},
			],
			default: 'automationCloud',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cloud.uipath.com',
			description:
				'Leave empty for https://cloud.uipath.com (2019 preset: https://platform.uipath.com). Set it for Automation Cloud for US public sector (https://govcloud.uipath.us), Automation Suite, or on-premises, where it is required.',
		},
		{
			displayName: 'Identity URL',
			name: 'identityUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cloud.uipath.com/identity_',
			description:
				'Optional. Overrides where tokens come from: {Base URL}/identity_ (Automation Cloud), https://account.uipath.com (2019 preset) or {Base URL}/identity (on-premises).',
		},
		{
			displayName: 'Organization',
			name: 'organization',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'The organization name as it appears in the URL after cloud.uipath.com/ (2019 preset: the account logical name)',
			displayOptions: { show: { identityPreset: ['automationCloud', 'legacy2019'] } },
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			placeholder: 'DefaultTenant',
			description: 'The tenant name as it appears in the Orchestrator URL (2019 preset: the tenant logical name)',
			displayOptions: { show: { identityPreset: ['automationCloud', 'legacy2019'] } },
		},
		{
			displayName: 'App ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description:
				'App ID of the External Application (Admin > External Applications). With the 2019 preset leave it empty to use the community guide\'s public client.',
			displayOptions: withAuthType('refreshToken', 'clientCredentials'),
		},
		{
			displayName: 'App Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Required for client credentials; leave empty for a non-confidential application signed in with PKCE',
			displayOptions: withAuthType('refreshToken', 'clientCredentials'),
		},
		{
			displayName: 'Scopes',
			name: 'scope',
			type: 'string',
			default: DEFAULT_APPLICATION_SCOPE,
			description: 'Application scopes granted to the External Application, separated by spaces',
			displayOptions: withAuthType('clientCredentials'),
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Printed by the login tool (npm run login). UiPath replaces it at every refresh; n8n stores the new one here.',
			displayOptions: withAuthType('refreshToken'),
		},
		{
			displayName: 'Personal Access Token',
			name: 'personalAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: withAuthType('personalAccessToken'),
		},
		{
			displayName: 'Tenancy Name',
			name: 'tenancyName',
			type: 'string',
			default: 'Default',
			description: 'The tenant shown on the Orchestrator sign-in page',
			displayOptions: withAuthType('password'),
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'admin',
			displayOptions: withAuthType('password'),
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: withAuthType('password'),
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'ID Token',
			name: 'idToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/** n8n calls this when accessToken is empty, after a 401, and on the credential test; it persists the result. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const http = n8nAuthHttp(async (options) => await this.helpers.httpRequest(options));
		const obtained = await obtainAccessToken(http, credentials);
		return { ...obtained };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The 2019 account service (/cloudrpa/api) takes the sign-in's id_token, not the access token.
		const accountService = identityPresetOf(credentials) === 'legacy2019' && /\/cloudrpa\/api\//i.test(requestOptions.url) && credentials.idToken;
		const token = accountService
			? credentials.idToken
			: credentials.authType === 'personalAccessToken'
				? credentials.personalAccessToken
				: credentials.accessToken;
		// The only place that sets authentication headers, for the node and for n8n's HTTP Request node alike.
		const headers: IDataObject = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(token ?? '')}`,
			...tenantHeaderOf(credentials),
		};
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: ORCHESTRATOR_URL_EXPRESSION,
			url: '/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser',
			// As for the node's requests: no token on a redirect to another origin.
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'UiPath did not accept the token: check Authentication (authType) and its fields, and that Organization (organization) and Tenant (tenant) are the ones it was issued for',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Signed in, but the token lacks a scope: grant OR.Users.Read and the node\'s other scopes to the External Application (or add them to Scopes (scope)), or give the user a role in this tenant',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Orchestrator at this address: check Organization (organization), Tenant (tenant), Base URL (baseUrl) and Identity Preset (identityPreset)',
				},
			},
		],
	};
}
