import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';

export { add, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queueItem'] } },
		default: 'add',
		options: [
			{ name: 'Add', value: 'add', description: 'Add an item to a queue', action: 'Add a queue item' },
			{ name: 'Get Many', value: 'getAll', description: 'List queue items in a folder', action: 'Get many queue items' },
		],
	},
	...add.description,
	...getAll.description,
];
