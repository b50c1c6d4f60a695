import type { E2eContext } from '../context';
import { storedCredentialData } from '../credentialStore';
import { HttpClient, sleep } from '../http';
import { API_CREDENTIAL } from '../loadedTypes';
import { loginWithTool } from '../loginTool';
import { expect } from '../report';
import { E2E_ACCESS_TOKEN_TTL_SECONDS, orchestratorCalls, tokenExchanges } from '../sandbox';
import { createCredential } from '../workflows';
import { runChainedWorkflow, type ChainedRun } from './webhookStartJob';

/**
 * Scenario 3: the chained workflow with uiPathApi (refresh token from the login tool). Access tokens live
 * E2E_ACCESS_TOKEN_TTL_SECONDS, shorter than the job the node waits for, so the token expires mid-run:
 * Orchestrator answers 401, the credential's preAuthentication refreshes, and n8n persists the rotated
 * refresh token. A second run after the token expired again must start from the persisted one (the sandbox
 * refuses a refresh token used twice).
 */
export async function refreshRotation(context: E2eContext): Promise<string> {
	const { client, sandbox } = context;
	const values = await loginWithTool(sandbox.url, new HttpClient());
	const firstRefreshToken = values.refreshToken;
	const credential = await createCredential(client, 'UiPath sandbox (login tool refresh token)', API_CREDENTIAL, { ...values });

	const first = await runChainedWorkflow(context, credential, 'refresh token');
	const afterFirst = await checkRotation(context, credential.id, firstRefreshToken, first);

	await sleep((E2E_ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
	const second = await runChainedWorkflow(context, credential, 'refresh token, second run');
	const afterSecond = await checkRotation(context, credential.id, firstRefreshToken, second);
	expect(afterSecond.chainLength > afterFirst.chainLength, 'the second run did not refresh from the persisted token');
	return `login tool → ${afterFirst.refreshesDuringRun} refresh(es) during run 1 after a 401 mid-run, ${afterSecond.chainLength} rotations in all; n8n holds the latest refresh token`;
}

interface Rotation {
	chainLength: number;
	refreshesDuringRun: number;
}

/** Follows the refresh-token chain the sandbox issued from the login tool's token and compares its end with what n8n stored. */
async function checkRotation(context: E2eContext, credentialId: string, firstRefreshToken: string, run: ChainedRun): Promise<Rotation> {
	const refreshes = tokenExchanges(context.sandbox).filter((entry) => entry.grantType === 'refresh_token');
	const refused = refreshes.filter((entry) => entry.status !== 200);
	expect(refused.length === 0, `the sandbox refused ${refused.length} refresh(es): ${refused.map((entry) => String(entry.answer.error)).join(', ')}`);
	const next = new Map(refreshes.map((entry) => [entry.form.get('refresh_token') ?? '', entry]));
	let current = firstRefreshToken;
	let chainLength = 0;
	for (let exchange = next.get(current); exchange; exchange = next.get(current)) {
		const rotated = exchange.answer.refresh_token;
		expect(typeof rotated === 'string' && rotated !== current, 'a refresh answered without rotating the refresh token');
		current = rotated;
		chainLength++;
	}
	expect(chainLength > 0, 'n8n never refreshed with the login tool’s refresh token');

	const calls = orchestratorCalls(context.sandbox, run.startedAt).filter((call) => call.at <= run.endedAt);
	const firstCall = calls[0]?.at ?? run.startedAt;
	const midRun = refreshes.filter((entry) => entry.at > firstCall && entry.at <= run.endedAt);
	expect(midRun.length > 0, 'no refresh happened after the run’s first Orchestrator request: the token did not expire mid-run');
	expect(calls.some((call) => call.status === 401), 'Orchestrator never answered 401 during the run');

	const stored = await storedCredentialData(context.client.server, credentialId);
	expect(stored.refreshToken !== firstRefreshToken, 'n8n still holds the login tool’s first refresh token');
	expect(stored.refreshToken === current, 'the refresh token n8n stored is not the latest one the sandbox issued');
	return { chainLength, refreshesDuringRun: midRun.length };
}
