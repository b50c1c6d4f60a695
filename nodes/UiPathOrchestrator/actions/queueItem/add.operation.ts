import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { readFolder, readQueueName } from '../../helpers/parameters';
import { findQueueItemsByReference, uiPathApiRequest } from '../../transport';
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
	const queue = readQueueName(this, itemIndex);
	const { itemData, reference } = readQueueItemData(this, itemIndex, queue);
	// A re-run of the execution may already have added this item: its derived reference finds it.
	if (reference.mayBeRerun) {
		const earlier = (await findQueueItemsByReference(this, credentialType, folder, queue, [reference.reference])).get(reference.reference);
		if (earlier) return [withoutODataAnnotations(earlier)];
	}
	const added = await uiPathApiRequest(this, credentialType, {
		method: 'POST',
		path: ODATA.addQueueItem,
		folder,
		body: { itemData },
	});
	return [withoutODataAnnotations(added)];
}
