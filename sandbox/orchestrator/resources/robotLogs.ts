import type { Route, RouteContext } from '../context';
import { readScopes } from '../scopes';
import { listRoute } from './generic';

/** The lines robots logged for jobs of the header's folder. */
export const robotLogRoutes: Route[] = [
	listRoute('RobotLogs', {
		scopes: readScopes('Monitoring'),
		folderScoped: true,
		set: (context: RouteContext) => context.sets.robotLogs,
		items: (context: RouteContext) => [...context.store.robotLogs.values()].filter((log) => log.folderId === context.folder.Id),
	}),
];
