import { canSeeFolder } from '../access';
import type { Route, RouteContext } from '../context';
import { FOLDER_NOT_FOUND_MESSAGE } from '../folderHeader';
import { collectionResponse, parseQuery } from '../odata/query';
import { ok, OrchestratorError } from '../reply';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

/** GET /odata/Robots and Sessions need the tenant-level Robots.View; folder roles alone get 403. */
const robots = {
	scopes: readScopes('Robots'),
	folderScoped: true,
	tenantPermission: 'Robots.View',
	set: (context: RouteContext) => context.sets.robots,
	items: (context: RouteContext) => context.store.robotsIn(context.folder.Id),
};

const sessions = {
	scopes: readScopes('Robots'),
	folderScoped: true,
	tenantPermission: 'Robots.View',
	set: (context: RouteContext) => context.sets.sessions,
	items: (context: RouteContext) => {
		const robotIds = new Set(context.store.robotsIn(context.folder.Id).map((robot) => robot.Id));
		return [...context.store.sessions.values()].filter((session) => robotIds.has(session.robotId));
	},
};

export const robotRoutes: Route[] = [
	listRoute('Robots', robots),
	byIdRoute('Robots', 'Robot', robots),
	listRoute('Sessions', sessions),
	{
		// Needs SubFolders.View, Units.View, Jobs.Create or Users.View: a folder role that can start jobs is enough.
		method: 'GET',
		pattern: /^\/odata\/Robots\/UiPath\.Server\.Configuration\.OData\.GetRobotsFromFolder\(folderId=(\d+)\)$/,
		scopes: readScopes('Robots'),
		folderScoped: true,
		handle(context) {
			const folder = context.store.folders.get(Number(context.params[0]));
			if (!folder || !canSeeFolder(context.access, folder)) throw new OrchestratorError(400, FOLDER_NOT_FOUND_MESSAGE, 1100);
			const set = context.sets.robotsFromFolder;
			const query = parseQuery(set, context.query, context.maxTop(set.name));
			return ok(collectionResponse(set, context.store.robotsIn(folder.Id), query, { serviceRoot: context.serviceRoot }));
		},
	},
];
