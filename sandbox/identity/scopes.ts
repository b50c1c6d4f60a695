import { ORCHESTRATOR_SCOPES } from '../fixtures';

/** OpenID Connect scopes: granted to people, never to an application acting as itself. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Orchestrator scope families UiPath's Identity Server knows, each also with `.Read` and `.Write`. */
const ORCHESTRATOR_SCOPE_FAMILIES = [
	'Administration',
	'Analytics',
	'Assets',
	'Audit',
	'BackgroundTasks',
	'Execution',
	'Folders',
	'Hypervisor',
	'Jobs',
	'License',
	'Machines',
	'ML',
	'Monitoring',
	'Queues',
	'Robots',
	'Settings',
	'Tasks',
	'TestDataQueues',
	'TestSetExecutions',
	'TestSets',
	'TestSetSchedules',
	'Users',
	'Webhooks',
];

/** Every Orchestrator scope a token may carry: what the resource server `UiPath.Orchestrator` defines. */
export const ALL_ORCHESTRATOR_SCOPES = ORCHESTRATOR_SCOPE_FAMILIES.flatMap((family) => [
	`OR.${family}`,
	`OR.${family}.Read`,
	`OR.${family}.Write`,
]);

/** What the seeded External Applications were granted when they were registered. */
export const APPLICATION_SCOPES: readonly string[] = ORCHESTRATOR_SCOPES;

export function isOidcScope(scope: string): boolean {
	return (OIDC_SCOPES as readonly string[]).includes(scope);
}
