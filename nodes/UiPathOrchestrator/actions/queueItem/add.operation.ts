import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { readFolder, readQueueName } from '../../helpers/parameters';
import { uiPathApiRequest } from '../../transport';
import { concurrencyOption, folderLocator, queueLocator } from '../../descriptions/common';
import { itemDataOptions, readQueueItemData, specificContentField } from './itemData';

const properties: INodeProperties[] = [
	folderLocator,
	queueLocator,
	specificContentField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyOption, ...itemDataOptions],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['queueItem'], operation: ['add'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const itemData = readQueueItemData(this, itemIndex, readQueueName(this, itemIndex));
	const added = await uiPathApiRequest(this, credentialType, {
		method: 'POST',
		path: ODATA.addQueueItem,
		folder,
		body: { itemData },
	});
	return [withoutODataAnnotations(added)];
}
