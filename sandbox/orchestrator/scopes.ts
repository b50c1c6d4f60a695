import type { TokenInfo } from '../contract';
import { OrchestratorError } from './reply';

/** `OR.<Area>` or `OR.<Area>.Read`, as orchestrator.yaml lists for each read operation. */
export const readScopes = (area: string): readonly string[] => [`OR.${area}`, `OR.${area}.Read`];
export const writeScopes = (area: string): readonly string[] => [`OR.${area}`, `OR.${area}.Write`];

/**
 * Tokens of the 2019 flow and on-premises sessions carry no OR.* scopes: they act with the user's full rights,
 * so only OAuth tokens (user, client credentials, personal access token) are checked.
 */
const SCOPED_KINDS = new Set<TokenInfo['kind']>(['user', 'client', 'pat']);

export function requireScopes(token: TokenInfo, anyOf: readonly string[]): void {
	if (anyOf.length === 0 || !SCOPED_KINDS.has(token.kind)) return;
	if (anyOf.some((scope) => token.scopes.includes(scope))) return;
	throw new OrchestratorError(
		403,
		`You are not authorized to perform this action. The access token lacks the required scope: ${anyOf.join(' or ')}.`,
	);
}
