import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['storageBucket'] } },
		default: 'getAll',
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'List the storage buckets of a folder', action: 'Get many storage buckets' },
		],
	},
	...getAll.description,
];
