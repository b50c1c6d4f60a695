import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['release'] } },
		default: 'getAll',
		options: [
			{ name: 'Get', value: 'get', description: 'Get a process by key or name', action: 'Get a process' },
			{ name: 'Get Many', value: 'getAll', description: 'List the processes of a folder', action: 'Get many processes' },
		],
	},
	...get.description,
	...getAll.description,
];
