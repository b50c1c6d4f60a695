import type { INodeProperties } from 'n8n-workflow';

import * as assign from './assign.operation';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as deleteTask from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { assign, complete, create, deleteTask as delete, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		default: 'create',
		options: [
			{ name: 'Assign', value: 'assign', description: 'Assign, reassign or unassign a task', action: 'Assign a task' },
			{ name: 'Complete', value: 'complete', description: 'Complete a task with an action and data', action: 'Complete a task' },
			{ name: 'Create', value: 'create', description: 'Create an Action Center task for a person', action: 'Create a task' },
			{ name: 'Delete', value: 'delete', description: 'Delete a task', action: 'Delete a task' },
			{ name: 'Get', value: 'get', description: 'Get a task with its data and the action taken', action: 'Get a task' },
			{ name: 'Get Many', value: 'getAll', description: 'List the tasks of a folder', action: 'Get many tasks' },
		],
	},
	...create.description,
	...get.description,
	...getAll.description,
	...assign.description,
	...complete.description,
	...deleteTask.description,
];
