import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { Folder, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { combineFilters } from '../../helpers/parameters';
import { odataString, uiPathApiRequestAllItems } from '../../transport';
import { odataFilterField, returnAllOrLimit } from '../common.descriptions';
import { rawFilter, readFilters, readLimit } from '../listing';

const properties: INodeProperties[] = [
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
				description: 'Only folders whose full path contains this text',
			},
			odataFilterField,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = readFilters(this, itemIndex);
	const $filter = combineFilters([
		filters.name ? `contains(FullyQualifiedName, ${odataString(String(filters.name))})` : undefined,
		rawFilter(filters),
	]);
	const folders = await uiPathApiRequestAllItems<Folder>(
		this,
		credentialType,
		{ path: ODATA.folders, qs: { $orderby: 'Id asc', ...($filter ? { $filter } : {}) } },
		limit,
	);
	return folders.map(withoutODataAnnotations);
}
