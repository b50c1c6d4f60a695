import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDate, readJsonObject, readReference } from '../../helpers/parameters';
import { startReference, type StartReference } from '../../helpers/reference';
import { priorityOptions } from '../../descriptions/common';

export const specificContentField: INodeProperties = {
	displayName: 'Specific Content',
	name: 'specificContent',
	type: 'json',
	default: '{}',
	description: 'The item\'s data as a JSON object, read by the robot as SpecificContent; expressions allowed',
};

/** Options of a new queue item, shared by Add and Add Many. */
export const itemDataOptions: INodeProperties[] = [
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
		description: 'Your reference for the item (at most 128 characters); queues can require it to be unique. Without one the node (version 1.2 and later) derives one per item from the execution, so that a re-run of the execution after a worker died does not add the item twice.',
	},
];

export interface QueueItemData {
	itemData: IDataObject;
	/** The item's Reference (the user's or the derived one) and whether an earlier run may have added it. */
	reference: StartReference;
}

/** UiPath's QueueItemDataDto for one input item: Specific Content and Options, checked. */
export function readQueueItemData(context: IExecuteFunctions, itemIndex: number, queue: string): QueueItemData {
	const specificContent = readJsonObject(context, itemIndex, { label: 'Specific Content', name: 'specificContent' });
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ownReference = readReference(context, itemIndex, options);
	// Items of node versions before 1.2 were added without a Reference unless the user gave one: saved workflows keep that.
	const reference: StartReference =
		ownReference || context.getNode().typeVersion >= 1.2 ? startReference(context, itemIndex, ownReference) : { reference: '', mayBeRerun: false };
	const itemData: IDataObject = {
		Name: queue,
		SpecificContent: specificContent,
		...(reference.reference ? { Reference: reference.reference } : {}),
		...(options.priority ? { Priority: String(options.priority) } : {}),
		...(options.deferDate ? { DeferDate: readDate(context, itemIndex, { label: 'Defer Date', name: 'options.deferDate' }, options.deferDate) } : {}),
		...(options.dueDate ? { DueDate: readDate(context, itemIndex, { label: 'Due Date', name: 'options.dueDate' }, options.dueDate) } : {}),
	};
	return { itemData, reference };
}
