import type { INodeProperties } from 'n8n-workflow';

import { folderLocator } from '../descriptions/common';

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
