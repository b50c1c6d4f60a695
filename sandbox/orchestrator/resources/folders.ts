import { canSeeFolder } from '../access';
import type { Route, RouteContext } from '../context';
import { badRequest, ok } from '../reply';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

const scopes = readScopes('Folders');
/** The folders the caller has roles in (every folder with tenant-wide roles). */
const visible = (context: RouteContext) => [...context.store.folders.values()].filter((folder) => canSeeFolder(context.access, folder));
const all = {
	scopes,
	folderScoped: false,
	set: (context: RouteContext) => context.sets.folders,
	items: visible,
};

const optionalInteger = (name: string, raw: string | null, fallback: number) => {
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw badRequest(`The value '${raw}' is not valid for ${name}.`);
	return Number(raw);
};

export const folderRoutes: Route[] = [
	// Units.View (or SubFolders.View) lists folders; a caller with folder roles only gets 403, as on UiPath.
	listRoute('Folders', { ...all, tenantPermission: 'Units.View' }),
	byIdRoute('Folders', 'Folder', all),
	{
		method: 'GET',
		pattern: /^\/api\/Folders\/GetAllForCurrentUser$/,
		scopes,
		folderScoped: false,
		handle(context) {
			const skip = optionalInteger('skip', context.query.get('skip'), 0);
			const take = optionalInteger('take', context.query.get('take'), 100);
			const folders = visible(context);
			return ok({
				PageItems: folders.slice(skip, skip + take).map((folder) => ({
					Key: folder.Key,
					DisplayName: folder.DisplayName,
					FullyQualifiedName: folder.FullyQualifiedName,
					Description: folder.Description,
					FolderType: folder.FolderType,
					ParentId: folder.ParentId,
					ParentKey: folder.ParentKey,
					Id: folder.Id,
				})),
				Count: folders.length,
			});
		},
	},
];
