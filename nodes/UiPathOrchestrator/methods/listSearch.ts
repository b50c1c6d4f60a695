import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import {
	CURRENT_USER_FOLDERS_PAGE,
	currentUserFolders,
	isForbidden,
	odataString,
	resolveFolderId,
	rethrown,
	uiPathApiRequestPage,
	type UiPathRequest,
} from '../transport';
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

const folderItem = (folder: IDataObject): INodeListSearchItems => ({
	name: String(folder.FullyQualifiedName ?? folder.DisplayName),
	value: String(folder.Id),
});

/** At most this many GetAllForCurrentUser pages per call while looking for folders that match the search text. */
const MAX_FOLDER_PAGES_PER_SEARCH = 10;

/**
 * The folders the identity has roles in, matched on the full path here (GetAllForCurrentUser has no filter); the
 * token is the next `skip`. Reads on until something matches, so a search never shows an empty page with more behind it.
 */
async function searchCurrentUserFolders(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().toLowerCase() ?? '';
	let skip = paginationToken && /^\d+$/.test(paginationToken) ? Number(paginationToken) : 0;
	const results: INodeListSearchItems[] = [];
	for (let pages = 0; pages < MAX_FOLDER_PAGES_PER_SEARCH; pages++) {
		const page = await currentUserFolders(context, credentialTypeOf(context), { skip, take: CURRENT_USER_FOLDERS_PAGE });
		skip += page.items.length;
		results.push(...page.items.filter((folder) => String(folder.FullyQualifiedName).toLowerCase().includes(text)).map(folderItem));
		const more = page.count !== undefined ? skip < page.count : page.items.length === CURRENT_USER_FOLDERS_PAGE;
		if (!more) return { results };
		if (results.length > 0) break;
	}
	return { results, paginationToken: String(skip) };
}

/** Searched on the server in `GET /odata/Folders`; an identity without Units.View (403) gets the folders it has roles in. */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		return await searchPage(this, { path: ODATA.folders }, 'FullyQualifiedName', filter, paginationToken, folderItem);
	} catch (error) {
		if (!isForbidden(error)) throw rethrown(error);
		return await searchCurrentUserFolders(this, filter, paginationToken);
	}
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

/** The people a task in the chosen folder can go to (Tasks.View and Tasks.Edit there), by e-mail address. */
export async function searchTaskUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const folderId = await resolveFolderId(this, credentialTypeOf(this), chosenFolder(this));
	return await searchPage(this, { path: ODATA.taskUsers(folderId), folder: { id: folderId } }, 'emailAddress', filter, paginationToken, (user) => ({
		name: String(user.displayName ?? user.userName ?? user.emailAddress),
		value: String(user.emailAddress ?? user.userName),
		description: user.emailAddress ? String(user.emailAddress) : undefined,
	}));
}
