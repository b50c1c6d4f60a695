/**
 * `npm run e2e -- --queue`: the package in n8n's queue mode, as teams that start hundreds of robots a day run
 * it. Postgres and Redis (Debian's packages, private instances on 127.0.0.1), n8n main plus WORKER_COUNT
 * `n8n worker` processes with the packed package installed in each; then load with both credentials while
 * access tokens expire every E2E_ACCESS_TOKEN_TTL_SECONDS, and both triggers active.
 */
import { join } from 'path';

import type { E2eContext } from '../context';
import { HttpClient } from '../http';
import { API_CREDENTIAL, loadedTypes, ORCHESTRATOR_NODE, TRIGGER_NODE } from '../loadedTypes';
import { loginWithTool } from '../loginTool';
import { N8nClient, newOwner } from '../n8n';
import type { PackedPackage } from '../pack';
import { WORK_DIR } from '../paths';
import { freePort } from '../ports';
import { elapsed, expect, log, type Report } from '../report';
import { startE2eSandbox, tokenExchanges } from '../sandbox';
import { connectOAuth2 } from '../scenarios/connectOAuth2';
import { createCredential, type CredentialRef } from '../workflows';
import { startQueueCluster, WORKER_CONCURRENCY, WORKER_COUNT } from './cluster';
import { crashScenarios } from './crashSafety';
import { activateJobTriggers, checkJobTriggers, type ActiveTriggers } from './jobTriggers';
import { packageRaceLog } from './refreshAudit';
import { releaseWaitLoad } from './releaseWaitLoad';
import { ensureQueuePackages, startQueueServices } from './services';
import { webhookLoad, type LoadOutcome, type QueueRun } from './webhookLoad';

/** Jobs run this many times faster than the sandbox's default, so that 300 executions fit in well under a minute each. */
const JOB_TIME_SCALE = 4;

export async function runQueueMode(report: Report, packed: PackedPackage, logs: string): Promise<void> {
	const startedAt = Date.now();
	if (!(await report.check('queue: Debian postgresql and redis-server', async () => await ensureQueuePackages(join(logs, 'install-queue.log'))))) return;
	let run: QueueRun | undefined;
	const ready = await report.check(`queue: Postgres, Redis, n8n main and ${WORKER_COUNT} workers`, async () => {
		const services = await startQueueServices(logs);
		const port = await freePort();
		const sandbox = await startE2eSandbox(`http://127.0.0.1:${port}`);
		sandbox.state.jobs.timeScale = JOB_TIME_SCALE;
		const cluster = await startQueueCluster(services, packed, port, join(WORK_DIR, 'queue'), logs);
		const client = new N8nClient(cluster.main, newOwner());
		await client.setUpOwnerAndLogIn();
		const types = await loadedTypes(client);
		for (const name of [ORCHESTRATOR_NODE, TRIGGER_NODE]) expect(types.nodes.includes(name), `the main did not load ${name}`);
		const context: E2eContext = { client, sandbox };
		run = { context, cluster, services };
		return `Postgres :${services.postgres.port}, Redis :${services.redis.port}, main :${port}, workers --concurrency=${WORKER_CONCURRENCY}, ready after ${elapsed(startedAt)} s`;
	});
	if (!ready || !run) return;
	const queue = run;

	let api: { credential: CredentialRef; firstRefreshToken: string } | undefined;
	await report.check('queue: uiPathApi credential from the login tool', async () => {
		const values = await loginWithTool(queue.context.sandbox.url, new HttpClient());
		const credential = await createCredential(queue.context.client, 'UiPath sandbox (queue mode, refresh token)', API_CREDENTIAL, { ...values });
		api = { credential, firstRefreshToken: values.refreshToken };
		return 'refresh token stored in Postgres';
	});

	let triggers: ActiveTriggers | undefined;
	if (api) {
		const { credential } = api;
		await report.check('queue: both triggers active (webhook and polling), jobs started', async () => {
			triggers = await activateJobTriggers(queue, credential);
			return `${triggers.jobIds.length} Invoice Echo jobs started outside n8n`;
		});
	}

	const outcomes: LoadOutcome[] = [];
	/** Counts the scenario in the totals, then fails it with what did not hold. */
	const loadCheck = async (outcome: LoadOutcome) => {
		outcomes.push(outcome);
		expect(outcome.problems.length === 0, `${outcome.problems.join('; ')} [${outcome.detail}]`);
		return outcome.detail;
	};
	if (api) {
		const { credential, firstRefreshToken } = api;
		await report.check('queue: 300 × webhook → start job and wait → respond (uiPathApi, refresh token)', async () => {
			return await loadCheck(await webhookLoad(queue, credential, firstRefreshToken));
		});
	}

	await report.check('queue: 300 × webhook → start job and wait → respond (uiPathOAuth2Api after Connect)', async () => {
		const connectedAt = Date.now();
		const { credential } = await connectOAuth2(queue.context);
		const exchange = tokenExchanges(queue.context.sandbox).find((entry) => entry.at >= connectedAt && entry.grantType === 'authorization_code');
		const firstRefreshToken = String(exchange?.answer.refresh_token ?? '');
		return await loadCheck(await webhookLoad(queue, credential, firstRefreshToken));
	});

	if (triggers) {
		const active = triggers;
		await report.check('queue: 50 jobs finishing → each trigger gets each job exactly once', async () => await checkJobTriggers(queue, active));
	}

	if (api) await crashScenarios(report, queue, api.credential);
	// Last: it restarts the main and the workers.
	const releaseCredential = api?.credential;
	await report.check('queue: 200 × Job Start in release mode, 30–90 s jobs, main and workers restarted', async () => {
		expect(releaseCredential, 'needs the uiPathApi credential');
		return await releaseWaitLoad(queue, releaseCredential);
	});

	const raceLog = await packageRaceLog(queue.cluster.workers);
	const totals = {
		executions: outcomes.reduce((sum, outcome) => sum + outcome.executions, 0),
		failures: outcomes.reduce((sum, outcome) => sum + outcome.failures, 0),
		refreshes: outcomes.reduce((sum, outcome) => sum + outcome.audit.refreshes, 0),
		races: outcomes.reduce((sum, outcome) => sum + outcome.audit.races, 0),
		recovered: outcomes.reduce((sum, outcome) => sum + outcome.audit.recovered, 0),
	};
	const line =
		`queue mode: ${totals.executions} executions, ${totals.failures} failures, ${totals.refreshes} refreshes, ` +
		`${totals.races} races (refused reuses at UiPath), ${totals.recovered} recovered; ` +
		`package: ${raceLog.resent} requests resent after a race, ${raceLog.recovered} recovered`;
	log(line);
	await report.check('queue: totals', async () => {
		expect(outcomes.length === 2, 'a load scenario did not finish');
		expect(totals.failures === 0, `${totals.failures} failures`);
		return line;
	});
	log(`queue mode took ${elapsed(startedAt)} s`);
}
