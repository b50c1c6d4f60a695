import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPositiveInteger } from '../helpers/parameters';

/** `undefined` means every item; otherwise the Limit parameter. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return readPositiveInteger(context, itemIndex, { label: 'Limit', name: 'limit' }, context.getNodeParameter('limit', itemIndex, 50));
}

export function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
}

/** The user's raw OData filter, if any. */
export function rawFilter(filters: IDataObject): string | undefined {
	const value = typeof filters.odataFilter === 'string' ? filters.odataFilter.trim() : '';
	return value || undefined;
}
