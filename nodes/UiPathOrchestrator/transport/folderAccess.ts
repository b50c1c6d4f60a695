import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { Folder, FolderRef, ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { failureStatus, rethrown } from './failures';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';

/** `GET /api/Folders/GetAllForCurrentUser`'s answer: one page of the folders the identity has roles in. */
interface CurrentUserFolders {
	PageItems?: Folder[];
	Count?: number;
}

/** GetAllForCurrentUser pages by `take`; 100 per request keeps a tenant with many folders to a few requests. */
export const CURRENT_USER_FOLDERS_PAGE = 100;

/** One page of the folders the signed-in user or app has roles in; needs no tenant-level permission. */
export async function currentUserFolders(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	page: { skip: number; take: number },
): Promise<{ items: Folder[]; count?: number }> {
	const response = await uiPathApiRequest<CurrentUserFolders>(context, credentialType, {
		path: ODATA.currentUserFolders,
		qs: { skip: page.skip, take: page.take },
	});
	return { items: Array.isArray(response?.PageItems) ? response.PageItems : [], count: response?.Count };
}

/** Whether a read failed because the identity lacks a tenant-level permission (UiPath answers 403). */
export const isForbidden = (error: unknown) => failureStatus(error) === 403;

async function findInCurrentUserFolders(context: UiPathContext, credentialType: UiPathCredentialType, path: string): Promise<Folder | undefined> {
	const wanted = path.toLowerCase();
	for (let skip = 0; ; skip += CURRENT_USER_FOLDERS_PAGE) {
		const page = await currentUserFolders(context, credentialType, { skip, take: CURRENT_USER_FOLDERS_PAGE });
		const found = page.items.find((folder) => String(folder.FullyQualifiedName).toLowerCase() === wanted);
		const last = page.items.length < CURRENT_USER_FOLDERS_PAGE || (page.count !== undefined && skip + page.items.length >= page.count);
		if (found || last) return found;
	}
}

/**
 * A folder's numeric Id. A path is looked up in `GET /odata/Folders`, which needs the tenant-level Units.View;
 * on 403 in the folders the identity has roles in (GetAllForCurrentUser), as most users and apps have only those.
 */
export async function resolveFolderId(context: UiPathContext, credentialType: UiPathCredentialType, folder: FolderRef): Promise<number> {
	if ('id' in folder) return folder.id;
	let found: IDataObject | undefined;
	try {
		const response = await uiPathApiRequest<ODataPage<Folder>>(context, credentialType, {
			path: ODATA.folders,
			qs: { $filter: `FullyQualifiedName eq ${odataString(folder.path)}`, $top: 1, $select: 'Id,FullyQualifiedName' },
		});
		found = response.value?.[0];
	} catch (error) {
		if (!isForbidden(error)) throw rethrown(error);
		found = await findInCurrentUserFolders(context, credentialType, folder.path);
	}
	if (!found) {
		throw new NodeOperationError(context.getNode(), `Folder (folder) "${folder.path}" does not exist in Orchestrator`, {
			description:
				'Give the full path with / between folder names, or choose the folder from the list. The signed-in user or app must have a role in the folder.',
		});
	}
	return Number(found.Id);
}
