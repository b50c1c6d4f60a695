/** Orchestrator scopes that cover every operation of the UiPath Orchestrator node and its trigger. */
export const ORCHESTRATOR_SCOPES = [
	'OR.Folders.Read',
	'OR.Folders.Write',
	'OR.Execution.Read',
	'OR.Jobs',
	'OR.Robots.Read',
	'OR.Queues',
	'OR.Assets',
	'OR.Monitoring.Read',
	'OR.Administration',
	'OR.Webhooks',
	'OR.Users.Read',
	'OR.Tasks',
] as const;

/** For a confidential External Application (client credentials): application scopes, never offline_access. */
export const DEFAULT_APPLICATION_SCOPE = ORCHESTRATOR_SCOPES.join(' ');

/** For a signed-in user: offline_access is what makes UiPath issue a refresh token. */
export const DEFAULT_USER_SCOPE = [...ORCHESTRATOR_SCOPES, 'offline_access'].join(' ');
