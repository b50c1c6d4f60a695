import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import { odataString, uiPathApiRequestPage, type UiPathRequest } from '../transport';
import { chosenFolder, credentialTypeOf } from './editorContext';

/** Lists show this many entries per scroll. */
const PAGE_SIZE = 100;

/** One server-side search page; the token is the next `$skip`. */
async function searchPage(
	context: ILoadOptionsFunctions,
	request: UiPathRequest,
	searchField: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const skip = paginationToken && /^\d+$/.test(paginationToken) ? Number(paginationToken) : 0;
	const text = filter?.trim();
	const page = await uiPathApiRequestPage(
		context,
		credentialTypeOf(context),
		{
			...request,
			qs: {
				...request.qs,
				$orderby: `${searchField} asc`,
				...(text ? { $filter: `contains(${searchField}, ${odataString(text)})` } : {}),
			},
		},
		{ top: PAGE_SIZE, skip },
	);
	const next = skip + page.items.length;
	const more = page.count !== undefined ? next < page.count : page.items.length === PAGE_SIZE;
	return { results: page.items.map(toItem), ...(more ? { paginationToken: String(next) } : {}) };
}

export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, { path: ODATA.folders }, 'FullyQualifiedName', filter, paginationToken, (folder) => ({
		name: String(folder.FullyQualifiedName ?? folder.DisplayName),
		value: String(folder.Id),
	}));
}

export async function searchReleases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folder = chosenFolder(this);
	return await searchPage(this, { path: ODATA.releases, folder }, 'Name', filter, paginationToken, (release) => ({
		name: String(release.Name),
		value: String(release.Key),
		description: release.ProcessVersion ? `Version ${String(release.ProcessVersion)}` : undefined,
	}));
}

export async function searchRobots(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folder = chosenFolder(this);
	return await searchPage(this, { path: ODATA.robots, folder }, 'Name', filter, paginationToken, (robot) => ({
		name: String(robot.Name),
		value: String(robot.Id),
	}));
}

export async function searchQueues(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folder = chosenFolder(this);
	return await searchPage(this, { path: ODATA.queueDefinitions, folder }, 'Name', filter, paginationToken, (queue) => ({
		name: String(queue.Name),
		value: String(queue.Name),
	}));
}

export async function searchBuckets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folder = chosenFolder(this);
	return await searchPage(this, { path: ODATA.buckets, folder }, 'Name', filter, paginationToken, (bucket) => ({
		name: String(bucket.Name),
		value: String(bucket.Id),
		description: bucket.StorageProvider ? `${String(bucket.StorageProvider)} storage` : 'Kept by Orchestrator',
	}));
}

export async function searchAssets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folder = chosenFolder(this);
	return await searchPage(this, { path: ODATA.assets, folder }, 'Name', filter, paginationToken, (asset) => ({
		name: String(asset.Name),
		value: String(asset.Id),
		description: asset.ValueType ? `${String(asset.ValueType)} asset` : undefined,
	}));
}
