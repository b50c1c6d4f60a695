import type { E2eContext } from '../context';
import { storedCredentialData } from '../credentialStore';
import { HttpClient, poll, sleep } from '../http';
import { describe } from '../report';
import { E2E_ACCESS_TOKEN_TTL_SECONDS } from '../sandbox';
import { checkInvoiceAnswer, createChainedWorkflow, newInvoice } from '../scenarios/webhookStartJob';
import { callWebhook, type CredentialRef } from '../workflows';
import type { QueueCluster } from './cluster';
import { executionsByWorker, executionStatuses } from './executions';
import { auditRefreshChain, type RefreshAudit } from './refreshAudit';
import type { QueueServices } from './services';

export const LOAD_EXECUTIONS = 300;
export const LOAD_CONCURRENCY = 16;

export interface QueueRun {
	context: E2eContext;
	cluster: QueueCluster;
	services: QueueServices;
}

export interface LoadOutcome {
	executions: number;
	failures: number;
	audit: RefreshAudit;
	detail: string;
	/** Every assertion that did not hold; the scenario fails when there is one. */
	problems: string[];
}

/** Runs `task` for 0..count-1 with at most `concurrency` in flight. */
async function pooled(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) await task(next++);
		}),
	);
}

/**
 * LOAD_EXECUTIONS executions of webhook → start job and wait → respond, LOAD_CONCURRENCY at a time, against
 * access tokens that live E2E_ACCESS_TOKEN_TTL_SECONDS: every answer must carry the robot's output, n8n's
 * database must hold exactly that many successful executions, both workers must have run some, every refresh
 * token of the credential's chain must have been accepted once at most (a refused reuse followed by a
 * successful request with its successor is a recovered race), and the credential stored at the end must work.
 */
export async function webhookLoad(run: QueueRun, credential: CredentialRef, firstRefreshToken: string): Promise<LoadOutcome> {
	const { context, cluster, services } = run;
	const { workflowId, path } = await createChainedWorkflow(context, credential, `queue mode, ${credential.type}`);
	const problems: string[] = [];
	const check = (condition: boolean, message: string) => {
		if (!condition) problems.push(message);
	};
	const failures: string[] = [];
	const call = async (first: boolean) => {
		const invoice = newInvoice();
		try {
			const response = first
				? await callWebhook(context.client, path, invoice)
				: await new HttpClient().request(`${cluster.main.baseUrl}/webhook/${path}`, { body: invoice, timeoutMs: 120_000 });
			checkInvoiceAnswer(context, response, invoice);
		} catch (error) {
			failures.push(describe(error));
		}
	};
	const startedAt = Date.now();
	// The first call also waits until the main has registered the webhook.
	await call(true);
	await pooled(LOAD_EXECUTIONS - 1, LOAD_CONCURRENCY, async () => await call(false));
	const seconds = (Date.now() - startedAt) / 1000;
	check(failures.length === 0, `${failures.length} of ${LOAD_EXECUTIONS} webhook calls failed: ${failures.slice(0, 2).join(' | ')}`);

	// Workers save an execution just after the main relayed its answer.
	const statuses = await poll(
		`${LOAD_EXECUTIONS} finished executions in the database`,
		async () => {
			const found = await executionStatuses(services, workflowId);
			return found.size >= LOAD_EXECUTIONS && [...found.values()].every((status) => !['new', 'running'].includes(status)) ? found : undefined;
		},
		{ timeoutMs: 30_000 },
	);
	const failed = [...statuses].filter(([, status]) => status !== 'success').map(([id]) => id);
	check(statuses.size === LOAD_EXECUTIONS, `the database holds ${statuses.size} executions of the workflow, not ${LOAD_EXECUTIONS}`);
	if (failed.length > 0) problems.push(`${failed.length} executions failed: ${(await executionErrors(run, failed.slice(0, 3))).join(' | ')}`);

	const byWorker = await executionsByWorker(cluster.workers);
	const ranBy = new Map<string, string[]>();
	for (const [worker, ids] of byWorker) for (const id of ids) ranBy.set(id, [...(ranBy.get(id) ?? []), worker]);
	const perWorker = cluster.workers.map((worker) => (byWorker.get(worker.name) ?? []).filter((id) => statuses.has(id)).length);
	const twice = [...statuses.keys()].filter((id) => (ranBy.get(id)?.length ?? 0) > 1);
	const nowhere = [...statuses.keys()].filter((id) => !ranBy.has(id));
	check(twice.length === 0, `executions ${twice.slice(0, 5).join(', ')} were started by more than one worker`);
	check(nowhere.length === 0, `no worker logged executions ${nowhere.slice(0, 5).join(', ')} (did the main run them?)`);
	check(perWorker.every((count) => count > 0), `not every worker ran executions: ${perWorker.join(' / ')}`);

	const audit = auditRefreshChain(context.sandbox, firstRefreshToken);
	check(audit.tradedTwice === 0, `UiPath accepted ${audit.tradedTwice} refresh token(s) twice`);
	check(audit.races === audit.recovered, `${audit.races - audit.recovered} of ${audit.races} refused refreshes were never followed by a successful request with the successor`);
	check(audit.refreshes >= Math.floor(seconds / E2E_ACCESS_TOKEN_TTL_SECONDS / 2), `only ${audit.refreshes} refreshes in ${seconds.toFixed(0)} s of ${E2E_ACCESS_TOKEN_TTL_SECONDS}-second tokens`);

	// The stored credential still works once its access token expired: one more run refreshes from what n8n holds.
	await sleep((E2E_ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
	const failedBefore = failures.length;
	await call(false);
	check(failures.length === failedBefore, `the run after the load failed: ${failures.slice(failedBefore).join(' | ')}`);
	const exportedAt = Date.now();
	const stored = await storedCredentialData(cluster.main, credential.id);
	const storedRefreshToken = String(credential.type === 'uiPathApi' ? stored.refreshToken : (stored.oauthTokenData as { refresh_token?: string } | undefined)?.refresh_token);
	const final = auditRefreshChain(context.sandbox, firstRefreshToken);
	// Another refresh (the polling trigger's, a minute apart) may land while n8n exports; the stored token must be current at the export.
	const current = storedRefreshToken === final.latest || (final.tradedAt.get(storedRefreshToken) ?? 0) >= exportedAt;
	check(current, 'the refresh token n8n stored is not the newest one UiPath had issued');

	return {
		executions: LOAD_EXECUTIONS,
		failures: failures.length,
		audit: final,
		problems,
		detail:
			`${LOAD_EXECUTIONS} executions in ${seconds.toFixed(1)} s, ${LOAD_CONCURRENCY} at a time, ${LOAD_EXECUTIONS - failures.length} successful (workers ${perWorker.join(' / ')}); ` +
			`${final.refreshes} refreshes, ${final.races} refused reuses (races), ${final.recovered} recovered, ${final.tradedTwice} accepted twice`,
	};
}

/** The error n8n recorded for failed executions (messages only: the package puts no secret in them). */
export async function executionErrors(run: QueueRun, ids: string[]): Promise<string[]> {
	return await Promise.all(
		ids.map(async (id) => {
			const execution = await run.context.client.api<{ data?: { resultData?: { error?: { message?: string; description?: string } } } }>('GET', `/executions/${id}?includeData=true`);
			const error = execution.data?.resultData?.error;
			return `#${id}: ${error?.message ?? 'no error recorded'}${error?.description ? ` (${error.description})` : ''}`;
		}),
	);
}
