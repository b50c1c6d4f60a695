import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { readDate, readFolder, readJsonObject, readQueueName, readReference } from '../../helpers/parameters';
import { uiPathApiRequest } from '../../transport';
import { concurrencyOption, folderLocator, priorityOptions, queueLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator,
	queueLocator,
	{
		displayName: 'Specific Content',
		name: 'specificContent',
		type: 'json',
		default: '{}',
		description: 'The item\'s data as a JSON object, read by the robot as SpecificContent; expressions allowed',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			concurrencyOption,
			{
				displayName: 'Defer Date',
				name: 'deferDate',
				type: 'dateTime',
				default: '',
				description: 'The earliest time a robot may process the item',
			},
			{
				displayName: 'Due Date',
				name: 'dueDate',
				type: 'dateTime',
				default: '',
				description: 'The latest time the item should be processed',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'Normal',
				options: priorityOptions,
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your reference for the item (at most 128 characters); queues can require it to be unique',
			},
		],
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
	const specificContent = readJsonObject(this, itemIndex, { label: 'Specific Content', name: 'specificContent' });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const reference = readReference(this, itemIndex, options);
	const itemData: IDataObject = {
		Name: queue,
		SpecificContent: specificContent,
		...(reference ? { Reference: reference } : {}),
		...(options.priority ? { Priority: String(options.priority) } : {}),
		...(options.deferDate ? { DeferDate: readDate(this, itemIndex, { label: 'Defer Date', name: 'options.deferDate' }, options.deferDate) } : {}),
		...(options.dueDate ? { DueDate: readDate(this, itemIndex, { label: 'Due Date', name: 'options.dueDate' }, options.dueDate) } : {}),
	};
	const added = await uiPathApiRequest(this, credentialType, {
		method: 'POST',
		path: ODATA.addQueueItem,
		folder,
		body: { itemData },
	});
	return [withoutODataAnnotations(added)];
}
