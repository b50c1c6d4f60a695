import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as addMany from './addMany.operation';
import * as deleteItem from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { add, addMany, deleteItem as delete, get, getAll };

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
			{ name: 'Add Many', value: 'addMany', description: 'Add every input item to a queue, up to 1,000 per request', action: 'Add many queue items' },
			{ name: 'Delete', value: 'delete', description: 'Delete a queue item that no robot has taken yet', action: 'Delete a queue item' },
			{ name: 'Get', value: 'get', description: 'Get a queue item with its status and output', action: 'Get a queue item' },
			{ name: 'Get Many', value: 'getAll', description: 'List queue items in a folder', action: 'Get many queue items' },
		],
	},
	...add.description,
	...addMany.description,
	...get.description,
	...getAll.description,
	...deleteItem.description,
];
