import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { readFolder, readQueueItemId } from '../../helpers/parameters';
import { uiPathApiRequest } from '../../transport';
import { folderLocator, queueItemIdField } from '../../descriptions/common';

const properties: INodeProperties[] = [folderLocator, queueItemIdField];

export const description = updateDisplayOptions({ show: { resource: ['queueItem'], operation: ['get'] } }, properties);

/** The item as UiPath keeps it: Status, and once processed its Output or ProcessingException. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const id = readQueueItemId(this, itemIndex);
	const item = await uiPathApiRequest(this, credentialType, { path: ODATA.queueItem(id), folder });
	return [withoutODataAnnotations(item)];
}
