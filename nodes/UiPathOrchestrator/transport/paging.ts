import type { IDataObject } from 'n8n-workflow';

import { ODATA_PAGE_SIZE } from '../helpers/constants';
import type { ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { uiPathApiRequest, type UiPathRequest } from './request';

export interface PageResult<T> {
	items: T[];
	/** `@odata.count` when UiPath sent it. */
	count?: number;
}

/** One OData page: `$top`/`$skip` with `$count`, so callers know whether more exist. */
export async function uiPathApiRequestPage<T = IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
	page: { top: number; skip: number },
): Promise<PageResult<T>> {
	const response = await uiPathApiRequest<ODataPage<T>>(context, credentialType, {
		...request,
		qs: { ...request.qs, $top: Math.min(page.top, ODATA_PAGE_SIZE), $skip: page.skip, $count: true },
	});
	return { items: Array.isArray(response?.value) ? response.value : [], count: response?.['@odata.count'] };
}

/** Every item (or the first `limit`), 1,000 per request, stopping on a short page or at `@odata.count`. */
export async function uiPathApiRequestAllItems<T = IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
	limit?: number,
): Promise<T[]> {
	const items: T[] = [];
	if (limit !== undefined && limit <= 0) return items;
	for (;;) {
		const wanted = limit === undefined ? ODATA_PAGE_SIZE : Math.min(limit - items.length, ODATA_PAGE_SIZE);
		const page = await uiPathApiRequestPage<T>(context, credentialType, request, { top: wanted, skip: items.length });
		items.push(...page.items);
		const reachedCount = page.count !== undefined && items.length >= page.count;
		const reachedLimit = limit !== undefined && items.length >= limit;
		if (page.items.length < wanted || reachedCount || reachedLimit) return items;
	}
}
