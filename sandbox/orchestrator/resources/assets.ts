import type { Route, RouteContext } from '../context';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

const assets = {
	scopes: readScopes('Assets'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.assets,
	items: (context: RouteContext) => [...context.store.assets.values()].filter((asset) => asset.folderIds.includes(context.folder.Id)),
};

export const assetRoutes: Route[] = [listRoute('Assets', assets), byIdRoute('Assets', 'Asset', assets)];
