import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { folderLocator } from '../actions/common.descriptions';

/** The same two credentials as the action node, chosen the same way. */
export const triggerCredentials: INodeCredentialDescription[] = [
	{ name: 'uiPathApi', required: true, displayOptions: { show: { authentication: ['uiPathApi'] } } },
	{ name: 'uiPathOAuth2Api', required: true, displayOptions: { show: { authentication: ['uiPathOAuth2Api'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API (Client Credentials, Token or On-Premises)', value: 'uiPathApi' },
		{ name: 'OAuth2 (Connect Button)', value: 'uiPathOAuth2Api' },
	],
	default: 'uiPathApi',
};

/** The action node's folder picker (list, ID or path), here as a filter that may stay empty. */
export const optionalFolderLocator: INodeProperties = {
	...folderLocator,
	required: false,
	description: 'Only events from this Orchestrator folder; leave empty for every folder',
};

export const processNameFilter: INodeProperties = {
	displayName: 'Process Name',
	name: 'processName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Invoice Echo',
	description: 'Only jobs of the process with this name (case-insensitive); leave empty for every process',
};
