import { readFile } from 'fs/promises';

import type { Sandbox } from '../../../sandbox';
import { tokenExchanges, type TokenExchange } from '../sandbox';
import type { QueueWorker } from './cluster';

/** What happened to one credential's refresh tokens, as the sandbox saw it. */
export interface RefreshAudit {
	/** Successful refreshes along the credential's chain. */
	refreshes: number;
	/** Refreshes refused because another process had traded the same token first (single-use reuse). */
	races: number;
	/** Of those, how many were followed by a successful Orchestrator request with the successor or a later token. */
	recovered: number;
	/** Tokens of the chain that UiPath accepted more than once: must never happen. */
	tradedTwice: number;
	/** The chain's newest refresh token. */
	latest: string;
	/** When each refresh token of the chain was traded for its successor (the latest is absent). */
	tradedAt: Map<string, number>;
}

/**
 * Follows the chain of refresh tokens that starts at `first` (the login tool's or the Connect's) through the
 * sandbox's token endpoint, and classifies every refresh that spent a token of the chain.
 */
export function auditRefreshChain(sandbox: Sandbox, first: string): RefreshAudit {
	const refreshes = tokenExchanges(sandbox).filter((exchange) => exchange.grantType === 'refresh_token');
	const acceptedBySpent = new Map<string, TokenExchange[]>();
	for (const exchange of refreshes.filter((entry) => entry.status === 200)) {
		const spent = exchange.form.get('refresh_token') ?? '';
		acceptedBySpent.set(spent, [...(acceptedBySpent.get(spent) ?? []), exchange]);
	}
	// Walk the chain: each token's successful trade names its successor.
	const chain = new Map<string, TokenExchange>();
	let latest = first;
	for (let trade = acceptedBySpent.get(latest)?.[0]; trade && !chain.has(latest); trade = acceptedBySpent.get(latest)?.[0]) {
		chain.set(latest, trade);
		latest = String(trade.answer.refresh_token ?? '');
	}
	const tradedTwice = [...chain.keys()].filter((token) => (acceptedBySpent.get(token)?.length ?? 0) > 1).length;
	const refused = refreshes.filter((entry) => entry.status !== 200 && chain.has(entry.form.get('refresh_token') ?? ''));
	const accessTokenIssuedAt = new Map([...chain.values()].map((trade) => [String(trade.answer.access_token), trade.at]));
	const successfulCalls = sandbox.state.requests
		.filter((request) => request.path.includes('/orchestrator_/') && request.status >= 200 && request.status < 300)
		.map((request) => ({ at: request.receivedAt, issuedAt: accessTokenIssuedAt.get(String(request.headers.authorization).replace(/^Bearer /, '')) }));
	const recovered = refused.filter((refusal) => {
		const winner = chain.get(refusal.form.get('refresh_token') ?? '') as TokenExchange;
		return successfulCalls.some((call) => call.at > refusal.at && call.issuedAt !== undefined && call.issuedAt >= winner.at);
	}).length;
	const tradedAt = new Map([...chain].map(([token, trade]) => [token, trade.at]));
	return { refreshes: chain.size, races: refused.length, recovered, tradedTwice, latest, tradedAt };
}

/** The package's own account of the races it met, from the info lines the node logs in each worker (no secrets in them). */
export async function packageRaceLog(workers: QueueWorker[]): Promise<{ resent: number; recovered: number }> {
	let resent = 0;
	let recovered = 0;
	for (const worker of workers) {
		const log = await readFile(worker.logFile, 'utf8');
		resent += log.match(/UiPath refresh race: another n8n process had already traded/g)?.length ?? 0;
		recovered += log.match(/UiPath refresh race recovered after/g)?.length ?? 0;
	}
	return { resent, recovered };
}
