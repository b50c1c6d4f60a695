import type { Route, RouteContext } from '../context';
import { badRequest, ok } from '../reply';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

const scopes = readScopes('Folders');
const all = {
	scopes,
	folderScoped: false,
	set: (context: RouteContext) => context.sets.folders,
	items: (context: RouteContext) => context.store.folders.values(),
};

const optionalInteger = (name: string, raw: string | null, fallback: number) => {
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw badRequest(`The value '${raw}' is not valid for ${name}.`);
	return Number(raw);
};

export const folderRoutes: Route[] = [
	listRoute('Folders', all),
	byIdRoute('Folders', 'Folder', all),
	{
		method: 'GET',
		pattern: /^\/api\/Folders\/GetAllForCurrentUser$/,
		scopes,
		folderScoped: false,
		handle(context) {
			const skip = optionalInteger('skip', context.query.get('skip'), 0);
			const take = optionalInteger('take', context.query.get('take'), 100);
			const folders = [...context.store.folders.values()];
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
