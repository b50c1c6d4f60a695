import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readFolder } from '../../helpers/parameters';
import { folderLocator } from '../../descriptions/common';
import { readTaskRef, taskIdField } from './fields';
import { readTaskWithData } from './task';

const properties: INodeProperties[] = [folderLocator, taskIdField];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties);

/** The task by Id or Key: its status, assignee, the action taken, and its data. */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	return [await readTaskWithData(this, credentialType, folder, readTaskRef(this, itemIndex), itemIndex)];
}
