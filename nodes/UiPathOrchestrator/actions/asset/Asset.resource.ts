import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		default: 'get',
		options: [
			{ name: 'Get', value: 'get', description: 'Get an asset\'s value by name or ID', action: 'Get an asset' },
			{ name: 'Get Many', value: 'getAll', description: 'List the assets of a folder', action: 'Get many assets' },
			{ name: 'Update', value: 'update', description: 'Set the value of a Text, Integer or Bool asset', action: 'Update an asset' },
		],
	},
	...get.description,
	...getAll.description,
	...update.description,
];
