import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { Robot, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { combineFilters, readFolder } from '../../helpers/parameters';
import { odataString, uiPathApiRequestAllItems } from '../../transport';
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
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only robots whose name contains this text',
			},
			odataFilterField,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['robot'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = readFilters(this, itemIndex);
	const $filter = combineFilters([
		filters.name ? `contains(Name, ${odataString(String(filters.name))})` : undefined,
		rawFilter(filters),
	]);
	const robots = await uiPathApiRequestAllItems<Robot>(
		this,
		credentialType,
		{ path: ODATA.robots, folder, qs: { $orderby: 'Id asc', ...($filter ? { $filter } : {}) } },
		limit,
	);
	return robots.map(withoutODataAnnotations);
}
