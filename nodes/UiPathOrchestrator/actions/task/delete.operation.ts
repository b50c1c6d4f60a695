import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readFolder } from '../../helpers/parameters';
import { deleteTask, getTask } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { readTaskRef, taskIdField } from './fields';
import { taskRefused } from './task';

const properties: INodeProperties[] = [folderLocator, taskIdField];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['delete'] } }, properties);

/** Deletes the task from Action Center (DeleteTasks). */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const ref = readTaskRef(this, itemIndex);
	const taskId = 'id' in ref ? ref.id : (await getTask(this, credentialType, folder, ref)).Id;
	const [refused] = await deleteTask(this, credentialType, folder, taskId);
	if (refused) throw taskRefused(this, itemIndex, `Task ${taskId} was not deleted`, refused.ErrorMessage, folder);
	return [{ Id: taskId, deleted: true }];
}
