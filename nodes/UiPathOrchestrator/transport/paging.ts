import type { IDataObject } from 'n8n-workflow';

import { CLOUD_QUEUE_ITEMS_PAGE_SIZE, ODATA, ODATA_PAGE_SIZE } from '../helpers/constants';
import type { ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { rethrown, topLimitOf } from './failures';
import { getEndpoints, uiPathApiRequest, type UiPathRequest } from './request';

export interface PageResult<T> {
	items: T[];
	/** `@odata.count` when UiPath sent it. */
	count?: number;
	/** The `$top` the page was read with: smaller than asked when Orchestrator named a lower limit. */
	top: number;
}

/** The page size a read of `path` starts with: Automation Cloud pages queue items by 100 (June 2024), a standalone Orchestrator keeps 1000. */
export async function listPageSize(context: UiPathContext, credentialType: UiPathCredentialType, path: string): Promise<number> {
	if (path !== ODATA.queueItems) return ODATA_PAGE_SIZE;
	return (await getEndpoints(context, credentialType)).standalone ? ODATA_PAGE_SIZE : CLOUD_QUEUE_ITEMS_PAGE_SIZE;
}

/**
 * One OData page: `$top`/`$skip` with `$count`, so callers know whether more exist. When Orchestrator answers that
 * `$top` is above its limit, the page is read again at the limit it names (UiPath lowers limits over time).
 */
export async function uiPathApiRequestPage<T = IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
	page: { top: number; skip: number },
): Promise<PageResult<T>> {
	const read = async (top: number): Promise<PageResult<T>> => {
		const response = await uiPathApiRequest<ODataPage<T>>(context, credentialType, {
			...request,
			qs: { ...request.qs, $top: top, $skip: page.skip, $count: true },
		});
		return { items: Array.isArray(response?.value) ? response.value : [], count: response?.['@odata.count'], top };
	};
	const top = Math.min(page.top, ODATA_PAGE_SIZE);
	try {
		return await read(top);
	} catch (error) {
		const limit = topLimitOf(error);
		if (limit === undefined || limit >= top) throw rethrown(error);
		return await read(limit);
	}
}

/**
 * Every item (or the first `limit`), a page at a time, stopping on a short page or at `@odata.count`. A limit
 * Orchestrator names on one page is kept for the rest of the read, so it costs one request, not one per page.
 */
export async function uiPathApiRequestAllItems<T = IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
	limit?: number,
): Promise<T[]> {
	const items: T[] = [];
	if (limit !== undefined && limit <= 0) return items;
	let pageSize = await listPageSize(context, credentialType, request.path);
	for (;;) {
		const wanted = limit === undefined ? pageSize : Math.min(limit - items.length, pageSize);
		const page = await uiPathApiRequestPage<T>(context, credentialType, request, { top: wanted, skip: items.length });
		pageSize = Math.min(pageSize, page.top);
		items.push(...page.items);
		const reachedCount = page.count !== undefined && items.length >= page.count;
		const reachedLimit = limit !== undefined && items.length >= limit;
		if (page.items.length < page.top || reachedCount || reachedLimit) return items;
	}
}
