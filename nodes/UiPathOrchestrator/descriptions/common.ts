import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../../../credentials/auth/endpoints';
import { GUID_PATTERN } from '../helpers/constants';

const { api, oauth2 } = CREDENTIAL_TYPES;

/** The action node and both triggers sign in with either credential, chosen by the Authentication parameter (whose values are the credential type names). */
export const uiPathCredentials: INodeCredentialDescription[] = [
	{ name: api, required: true, displayOptions: { show: { authentication: [api] } } },
	{ name: oauth2, required: true, displayOptions: { show: { authentication: [oauth2] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API (Client Credentials, Token or On-Premises)', value: api },
		{ name: 'OAuth2 (Connect Button)', value: oauth2 },
	],
	default: api,
};

/** Folder-scoped operations run in this folder: X-UIPATH-OrganizationUnitId (list, ID) or X-UIPATH-FolderPath-Encoded (path). */
export const folderLocator: INodeProperties = {
	displayName: 'Folder',
	name: 'folder',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Orchestrator folder the operation runs in',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchFolders', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4521',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A folder ID is a number' } }],
		},
		{
			displayName: 'By Path',
			name: 'path',
			type: 'string',
			placeholder: 'e.g. Finance/Invoices',
			hint: 'The full path, with / between folder names',
		},
	],
};

export const releaseLocator: INodeProperties = {
	displayName: 'Process',
	name: 'release',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The process (release) in the folder',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchReleases', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'key',
			type: 'string',
			placeholder: 'e.g. 3f1d9b2e-6c1a-4a4e-9b8f-2d7c5e0a1b34',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID_PATTERN}\\s*$`,
						errorMessage: 'A process key is a GUID',
					},
				},
			],
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Invoice Echo',
		},
	],
};

export const queueLocator: INodeProperties = {
	displayName: 'Queue',
	name: 'queue',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The queue in the folder',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchQueues', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Invoices',
		},
	],
};

/** An optional queue picker (filters, triggers); a workflow saved when it was a text field holds a plain string, which still works. */
export const queueNameLocator: INodeProperties = {
	...queueLocator,
	displayName: 'Queue Name',
	name: 'queueName',
	required: false,
	description: 'Only items of this queue; leave empty for every queue in the folder',
};

export const jobIdField: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 81734 or 0c6e4f6a-9d0b-4a4f-8a53-7d2b1e6f9c10',
	description: 'The job\'s numeric ID or its key (GUID), for example the ID in the output of a Start operation',
};

export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const odataFilterField: INodeProperties = {
	displayName: 'OData Filter',
	name: 'odataFilter',
	type: 'string',
	default: '',
	placeholder: "e.g. contains(Name, 'Invoice')",
	description: 'A raw OData $filter expression, combined with the other filters by "and"',
};

const waitModeChoices: INodePropertyOptions[] = [
	{
		name: 'Poll in This Execution',
		value: 'poll',
		description: 'The execution stays running and asks Orchestrator for the job\'s state every Poll Interval; for short jobs',
	},
	{
		name: 'Release the Execution Until the Job Ends',
		value: 'release',
		description: 'The execution waits in n8n\'s database, holding no memory or worker, and resumes when UiPath reports the job\'s end (needs OR.Webhooks)',
	},
];

/** Node version 1.2 made releasing the default; saved 1.1 workflows keep polling. */
export const waitModeOptions: INodeProperties[] = [
	{
		displayName: 'Wait Mode',
		name: 'waitMode',
		type: 'options',
		default: 'poll',
		options: waitModeChoices,
		description: 'How the node waits for the job to end',
		displayOptions: { show: { '@version': [{ _cnd: { lt: 1.2 } }] } },
	},
	{
		displayName: 'Wait Mode',
		name: 'waitMode',
		type: 'options',
		default: 'release',
		options: waitModeChoices,
		description: 'How the node waits for the job to end',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } },
	},
];

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description: 'How long to wait for the job to finish before the item fails',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'How often to ask Orchestrator for the job\'s state',
	},
];

/** Items run side by side only where the user asks: Orchestrator's rate limits are per tenant. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 64 },
	default: 1,
	description: 'How many items this node works on at the same time (1 = one after the other). A 429 from Orchestrator is waited out as it asks.',
};

/** Orchestrator's three priorities, the same for jobs and queue items. */
export const priorityOptions: INodePropertyOptions[] = [
	{ name: 'High', value: 'High' },
	{ name: 'Low', value: 'Low' },
	{ name: 'Normal', value: 'Normal' },
];

export const queueItemIdField: INodeProperties = {
	displayName: 'Queue Item ID',
	name: 'queueItemId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 700003',
	description: 'The queue item\'s numeric ID, for example the ID in the output of Get Many',
};
