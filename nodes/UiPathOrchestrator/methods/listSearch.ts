import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { FolderRef } from '../helpers/interfaces';
import { credentialTypeOf, parseFolderLocator } from '../helpers/parameters';
import { odataString, uiPathApiRequestPage, type UiPathRequest } from '../transport';

/** Lists show this many entries per scroll. */
const PAGE_SIZE = 100;

/** The folder chosen above the list, whatever its mode, by the same rules as the node's Folder parameter. */
function chosenFolder(context: ILoadOptionsFunctions): FolderRef {
	const reading = parseFolderLocator(context.getNodeParameter('folder', ''));
	switch (reading.kind) {
		case 'folder':
			return reading.folder;
		case 'empty':
			throw new NodeOperationError(context.getNode(), 'Choose a folder first', {
				description: 'The list shows what is in the folder chosen in the Folder parameter.',
			});
		case 'notAPath':
			throw new NodeOperationError(context.getNode(), `Folder "${reading.value}" is not a folder path`);
		case 'notAnId':
			throw new NodeOperationError(context.getNode(), `Folder "${reading.value}" is not a folder ID`);
	}
}

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
