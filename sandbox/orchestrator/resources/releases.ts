import type { Route, RouteContext } from '../context';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

const inFolder = {
	scopes: readScopes('Execution'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.releases,
	items: (context: RouteContext) => context.store.releasesIn(context.folder.Id),
};

const packages = {
	scopes: readScopes('Execution'),
	folderScoped: false,
	tenantPermission: 'Packages.View',
	set: (context: RouteContext) => context.sets.processes,
	items: (context: RouteContext) => context.store.packages.values(),
};

/** Releases are the processes deployed to a folder; `Processes` are the packages of the tenant feed. */
export const releaseRoutes: Route[] = [
	listRoute('Releases', inFolder),
	byIdRoute('Releases', 'Process', inFolder),
	listRoute('Processes', packages),
];
