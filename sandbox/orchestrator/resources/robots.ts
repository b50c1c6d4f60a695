import type { Route, RouteContext } from '../context';
import { readScopes } from '../scopes';
import { byIdRoute, listRoute } from './generic';

const robots = {
	scopes: readScopes('Robots'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.robots,
	items: (context: RouteContext) => context.store.robotsIn(context.folder.Id),
};

const sessions = {
	scopes: readScopes('Robots'),
	folderScoped: true,
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
];
