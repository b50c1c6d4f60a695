import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { parameterError, readFolder } from '../../helpers/parameters';
import { completeTask, getTask } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { readTaskData, readTaskRef, taskDataFields, taskIdField } from './fields';
import { readTaskWithData, servedType } from './task';

const show = { resource: ['task'], operation: ['complete'] };

const properties: INodeProperties[] = [
	folderLocator,
	taskIdField,
	{
		displayName: 'Action',
		name: 'taskAction',
		type: 'string',
		default: 'approve',
		required: true,
		placeholder: 'e.g. approve',
		description: 'The action taken, as the task\'s buttons name it (approve, reject, submit...)',
	},
	...taskDataFields({ show: {} }),
];

export const description = updateDisplayOptions({ show }, properties);

const ACTION = { label: 'Action', name: 'taskAction' };

/** Completes the task with the action and data, as the person's submit would; outputs the completed task with its data. */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const ref = readTaskRef(this, itemIndex);
	const action = String(this.getNodeParameter(ACTION.name, itemIndex, '') ?? '').trim();
	if (!action) throw parameterError(this, itemIndex, ACTION, 'is required', 'Name the action taken, e.g. approve or reject.');
	const data = readTaskData(this, itemIndex);
	const task = await getTask(this, credentialType, folder, ref);
	const type = servedType(this, itemIndex, task);
	await completeTask(this, credentialType, folder, type, { taskId: task.Id, action, ...(Object.keys(data).length > 0 ? { data } : {}) });
	return [await readTaskWithData(this, credentialType, folder, { id: task.Id }, itemIndex)];
}
