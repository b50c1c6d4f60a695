import { ORGANIZATION, TENANT } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox';

/** Orchestrator's folder list: not folder-scoped, needs OR.Folders or OR.Folders.Read. */
export const FOLDERS_PATH = `/${ORGANIZATION}/${TENANT}/orchestrator_/odata/Folders`;

/** What Orchestrator answers a token with: 200 accepted, 401 unknown or expired, 403 missing scope. */
export async function orchestratorStatus(
	sandbox: Sandbox,
	token: unknown,
	path = FOLDERS_PATH,
	headers: Record<string, string> = {},
): Promise<number> {
	const response = await fetch(`${sandbox.url}${path}`, {
		headers: { Authorization: `Bearer ${String(token)}`, ...headers },
	});
	await response.arrayBuffer();
	return response.status;
}
