import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { ODATA, QUEUE_ITEM_STATUSES } from '../../helpers/constants';
import type { FolderRef, ODataPage, QueueDefinition, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { combineFilters, readFolder } from '../../helpers/parameters';
import { describeFolder, odataString, uiPathApiRequest, uiPathApiRequestAllItems } from '../../transport';
import { folderLocator, odataFilterField, returnAllOrLimit } from '../common.descriptions';
import { rawFilter, readFilters, readLimit } from '../listing';

const properties: INodeProperties[] = [
	folderLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			odataFilterField,
			{
				displayName: 'Queue Name',
				name: 'queueName',
				type: 'string',
				default: '',
				description: 'Only items of the queue with this name',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Only items with this reference',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: QUEUE_ITEM_STATUSES.map((status) => ({ name: status, value: status })),
				description: 'Only items in one of these statuses',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['queueItem'], operation: ['getAll'] } }, properties);

async function queueIdByName(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	name: string,
	itemIndex: number,
): Promise<number> {
	const response = await uiPathApiRequest<ODataPage<QueueDefinition>>(context, credentialType, {
		path: ODATA.queueDefinitions,
		folder,
		qs: { $filter: `Name eq ${odataString(name)}`, $top: 1, $select: 'Id,Name' },
	});
	const queue = response.value?.[0];
	if (!queue) {
		throw new NodeOperationError(context.getNode(), `No queue named "${name}" in ${describeFolder(folder)}`, {
			itemIndex,
			description: 'Check Filters > Queue Name and the folder.',
		});
	}
	return queue.Id;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = readFilters(this, itemIndex);
	const statuses = Array.isArray(filters.statuses) ? (filters.statuses as string[]) : [];
	const queueName = String(filters.queueName ?? '').trim();
	const queueId = queueName ? await queueIdByName(this, credentialType, folder, queueName, itemIndex) : undefined;
	const $filter = combineFilters([
		queueId !== undefined ? `QueueDefinitionId eq ${queueId}` : undefined,
		statuses.length ? statuses.map((status) => `Status eq ${odataString(status)}`).join(' or ') : undefined,
		filters.reference ? `Reference eq ${odataString(String(filters.reference))}` : undefined,
		rawFilter(filters),
	]);
	const items = await uiPathApiRequestAllItems(
		this,
		credentialType,
		{ path: ODATA.queueItems, folder, qs: { $orderby: 'Id desc', ...($filter ? { $filter } : {}) } },
		limit,
	);
	return items.map(withoutODataAnnotations);
}
