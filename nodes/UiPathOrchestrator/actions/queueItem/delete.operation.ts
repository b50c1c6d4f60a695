import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readFolder, readQueueItemId } from '../../helpers/parameters';
import { uiPathApiRequest } from '../../transport';
import { folderLocator, queueItemIdField } from '../../descriptions/common';

const properties: INodeProperties[] = [folderLocator, queueItemIdField];

export const description = updateDisplayOptions({ show: { resource: ['queueItem'], operation: ['delete'] } }, properties);

/** Orchestrator deletes only items no robot has taken yet (status New); the item stays with status Deleted. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const id = readQueueItemId(this, itemIndex);
	await uiPathApiRequest(this, credentialType, { method: 'DELETE', path: ODATA.queueItem(id), folder });
	return [{ Id: id, deleted: true }];
}
