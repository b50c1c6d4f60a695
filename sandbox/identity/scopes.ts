import { ORCHESTRATOR_SCOPES } from '../fixtures';

/** OpenID Connect scopes: granted to people, never to an application acting as itself. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** What the seeded External Applications were granted when they were registered. */
export const APPLICATION_SCOPES: readonly string[] = ORCHESTRATOR_SCOPES;

export function isOidcScope(scope: string): boolean {
	return (OIDC_SCOPES as readonly string[]).includes(scope);
}
