import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPES, DEFAULT_URLS } from './auth/endpoints';
import { DEFAULT_USER_SCOPE } from './auth/scopes';

const environment = '$self["environment"]';
/** The environment's base URL as an n8n expression body: the same rules as resolveUiPathEndpoints. */
const base =
	`(${environment} === "govCloud" ? "${DEFAULT_URLS.govCloud}" : ${environment} === "cloud" ? "${DEFAULT_URLS.automationCloud}" : ` +
	`($self["baseUrl"] || "").trim().replace(/\\/+$/, ""))`;
const identity = `${base} + (${environment} === "standalone" ? "/identity" : "/identity_")`;

export const AUTHORIZATION_URL_EXPRESSION = `={{ ${identity} + "/connect/authorize" }}`;
export const ACCESS_TOKEN_URL_EXPRESSION = `={{ ${identity} + "/connect/token" }}`;

const hostedOnly = { show: { environment: ['cloud', 'govCloud', 'automationSuite'] } };

export class UiPathOAuth2Api implements ICredentialType {
	name = CREDENTIAL_TYPES.oauth2;

	extends = ['oAuth2Api'];

	displayName = 'UiPath OAuth2 API';

	icon: Icon = { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' };

	documentationUrl = 'https://docs.uipath.com/automation-cloud/automation-cloud/latest/api-guide/accessing-uipath-resources-using-external-applications';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'pkce',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Automation Cloud', value: 'cloud', description: 'https://cloud.uipath.com' },
				{
					name: 'Automation Cloud for US Public Sector',
					value: 'govCloud',
					description: 'https://govcloud.uipath.us',
				},
				{
					name: 'Automation Suite',
					value: 'automationSuite',
					description: 'Your own installation: identity at {Base URL}/identity_',
				},
				{
					name: 'Standalone Orchestrator',
					value: 'standalone',
					description: 'An on-premises Orchestrator: identity at {Base URL}/identity, API at {Base URL}',
				},
			],
			default: 'cloud',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://uipath.example.com',
			required: true,
			displayOptions: { show: { environment: ['automationSuite', 'standalone'] } },
		},
		{
			displayName: 'Organization',
			name: 'organization',
			type: 'string',
			default: '',
			placeholder: 'acme',
			required: true,
			description: 'The organization name as it appears in the URL after cloud.uipath.com/',
			displayOptions: hostedOnly,
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			placeholder: 'DefaultTenant',
			required: true,
			description: 'The tenant name as it appears in the Orchestrator URL',
			displayOptions: hostedOnly,
		},
		{
			displayName: 'App ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'App ID of a non-confidential External Application (Admin > External Applications) whose redirect URL is the OAuth Redirect URL shown above',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Scopes',
			name: 'scope',
			type: 'string',
			default: DEFAULT_USER_SCOPE,
			description:
				'User scopes granted to the External Application, separated by spaces; keep offline_access so n8n can refresh the token',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: AUTHORIZATION_URL_EXPRESSION,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: ACCESS_TOKEN_URL_EXPRESSION,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
