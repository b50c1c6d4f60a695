import { startSandbox, type Sandbox } from '../../sandbox';
import { onShutdown } from './processes';

/** Access tokens live this long in the e2e sandbox, so that a job the node waits for outlives its token. */
export const E2E_ACCESS_TOKEN_TTL_SECONDS = 2;

/** The sandbox in this process, accepting n8n's OAuth2 callback as a redirect URI of its PKCE app. */
export async function startE2eSandbox(n8nBaseUrl: string): Promise<Sandbox> {
	const sandbox = await startSandbox({
		redirectUris: [`${n8nBaseUrl}/rest/oauth2-credential/callback`],
		accessTokenTtlSeconds: E2E_ACCESS_TOKEN_TTL_SECONDS,
	});
	onShutdown('sandbox', async () => await sandbox.close());
	return sandbox;
}

/** Token requests the sandbox answered, with their form fields and JSON answer (for the PKCE and rotation checks). */
export interface TokenExchange {
	grantType: string;
	form: URLSearchParams;
	status: number;
	answer: Record<string, unknown>;
	at: number;
}

export function tokenExchanges(sandbox: Sandbox): TokenExchange[] {
	return sandbox.state.requests
		.filter((request) => request.method === 'POST' && request.path.endsWith('/connect/token'))
		.map((request) => {
			const form = new URLSearchParams(request.body);
			let answer: Record<string, unknown> = {};
			try {
				answer = JSON.parse(request.responseBody) as Record<string, unknown>;
			} catch {
				// An answer that is not JSON stays empty; the status tells what happened.
			}
			return { grantType: form.get('grant_type') ?? '', form, status: request.status, answer, at: request.receivedAt };
		});
}

/** Orchestrator API calls (not identity), for telling where in a run a refresh happened. */
export function orchestratorCalls(sandbox: Sandbox, since: number): Array<{ path: string; status: number; at: number }> {
	return sandbox.state.requests
		.filter((request) => request.receivedAt >= since && request.path.includes('/orchestrator_/'))
		.map((request) => ({ path: request.path, status: request.status, at: request.receivedAt }));
}
