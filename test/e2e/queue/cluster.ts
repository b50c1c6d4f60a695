import type { ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import { mkdir, readFile, rename, rm, writeFile } from 'fs/promises';
import { join } from 'path';

import { HttpClient, poll } from '../http';
import { startN8n, tail, type N8nServer } from '../n8n';
import { installCommunityPackage, type PackedPackage } from '../pack';
import { CACHE_DIR, N8N_BIN, N8N_CACHE_DIR, N8N_VERSION } from '../paths';
import { freePort } from '../ports';
import { startProcess } from '../processes';
import { PINNED_NODE } from '../runtime';
import type { QueueServices } from './services';

/** Each worker takes this many executions at once; two of them cover the 16 requests the load scenarios keep in flight. */
export const WORKER_CONCURRENCY = 10;
export const WORKER_COUNT = 2;
/** The main's first start migrates an empty Postgres (about 280 migrations; minutes on a busy 2-core machine). */
const MAIN_READY_TIMEOUT_MS = 360_000;

export interface QueueWorker {
	name: string;
	userFolder: string;
	logFile: string;
	/** What `n8n worker` got and its health port: a restart starts it again with both. */
	env: NodeJS.ProcessEnv;
	healthPort: number;
	child: ChildProcess;
}

export interface QueueCluster {
	main: N8nServer;
	/** Every worker started, also the ones killed since (their logs still say what they ran). */
	workers: QueueWorker[];
	/** One more worker with the cluster's settings plus `env` (e.g. a replacement after a kill). */
	addWorker(env?: NodeJS.ProcessEnv): Promise<QueueWorker>;
}

/** SIGKILL to the worker's process group (n8n and its task runner), as an out-of-memory kill or a lost machine would; resolves once it exited. */
export async function killWorker(worker: QueueWorker): Promise<void> {
	const { child } = worker;
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	process.kill(-child.pid, 'SIGKILL');
	await exited;
}

/** The settings every process of the cluster shares (read in n8n 2.41.1's @n8n/config: scaling-mode, database). */
function queueEnv(services: QueueServices): NodeJS.ProcessEnv {
	const { postgres, redis } = services;
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Manual runs (and the editor's test runs) go to the workers too, as at scale.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/**
 * n8n main (`n8n start`: editor, REST, webhooks, triggers) and then WORKER_COUNT `n8n worker` processes, each
 * with its own user folder holding the packed package as the community installer leaves it, its own task-runner
 * broker port and health port, and the main's encryption key (so that all decrypt the same credentials).
 */
export async function startQueueCluster(services: QueueServices, packed: PackedPackage, port: number, root: string, logs: string): Promise<QueueCluster> {
	const mainFolder = join(root, 'main');
	await mkdir(mainFolder, { recursive: true });
	await installCommunityPackage(packed, mainFolder);
	const migrated = await restoreMigratedDatabase(services);
	// The main runs the database migrations (none after a restore); workers start once it is ready.
	const main = await startN8n(mainFolder, port, join(logs, 'n8n-main.log'), { ...queueEnv(services), ...migrated }, MAIN_READY_TIMEOUT_MS);
	if (!migrated.N8N_ENCRYPTION_KEY) await keepMigratedDatabase(services, main);
	const workers = await Promise.all(
		Array.from({ length: WORKER_COUNT }, async (_, index) => await startWorker(main, packed, root, logs, index + 1)),
	);
	let started = workers.length;
	const addWorker = async (env: NodeJS.ProcessEnv = {}) => {
		// Numbered before the start: replacements start side by side and each needs its own folder and log.
		const worker = await startWorker(main, packed, root, logs, ++started, env);
		workers.push(worker);
		return worker;
	};
	return { main, workers, addWorker };
}

/**
 * A warm run skips n8n's ~280 Postgres migrations: the first run keeps a dump of the freshly migrated database
 * (taken as soon as the main is ready, before any owner, credential or worker exists) with the encryption key
 * it was made under, next to the n8n install it belongs to; later runs restore it into their throwaway cluster.
 */
const TEMPLATE_DIR = join(CACHE_DIR, `n8n-${N8N_VERSION}-queue-postgres`);
const TEMPLATE_DUMP = join(TEMPLATE_DIR, 'n8n.dump');
const TEMPLATE_KEY = join(TEMPLATE_DIR, 'encryption-key');
/** The n8n install's marker, copied: a reinstalled n8n makes the dump stale. */
const TEMPLATE_MARKER = join(TEMPLATE_DIR, 'n8n-installed');
const installMarker = async () => await readFile(join(N8N_CACHE_DIR, '.e2e-installed'), 'utf8').catch(() => '');

async function restoreMigratedDatabase(services: QueueServices): Promise<NodeJS.ProcessEnv> {
	if (!existsSync(TEMPLATE_DUMP) || !existsSync(TEMPLATE_KEY)) return {};
	const marker = await readFile(TEMPLATE_MARKER, 'utf8').catch(() => 'none');
	if (marker !== (await installMarker())) return {};
	await services.postgres.restore(TEMPLATE_DUMP);
	return { N8N_ENCRYPTION_KEY: (await readFile(TEMPLATE_KEY, 'utf8')).trim() };
}

async function keepMigratedDatabase(services: QueueServices, main: N8nServer): Promise<void> {
	await rm(TEMPLATE_DIR, { recursive: true, force: true });
	await mkdir(TEMPLATE_DIR, { recursive: true, mode: 0o700 });
	await services.postgres.dump(`${TEMPLATE_DUMP}.partial`);
	await writeFile(TEMPLATE_KEY, String(main.env.N8N_ENCRYPTION_KEY), { mode: 0o600 });
	await writeFile(TEMPLATE_MARKER, await installMarker());
	await rename(`${TEMPLATE_DUMP}.partial`, TEMPLATE_DUMP);
}

async function startWorker(main: N8nServer, packed: PackedPackage, root: string, logs: string, number: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<QueueWorker> {
	const name = `worker-${number}`;
	const userFolder = join(root, name);
	await mkdir(userFolder, { recursive: true });
	await installCommunityPackage(packed, userFolder);
	const healthPort = await freePort();
	const env: NodeJS.ProcessEnv = {
		...main.env,
		N8N_USER_FOLDER: userFolder,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		...extraEnv,
	};
	return await launchWorker({ name, userFolder, logFile: join(logs, `n8n-${name}.log`), env, healthPort });
}

/** Starts `n8n worker` for a worker (first start or restart) and waits until its health check answers. */
export async function launchWorker(worker: Omit<QueueWorker, 'child'>): Promise<QueueWorker> {
	const { name, userFolder, logFile, env, healthPort } = worker;
	const child = startProcess(`n8n ${name}`, PINNED_NODE, [N8N_BIN, 'worker', `--concurrency=${WORKER_CONCURRENCY}`], { env, cwd: userFolder, logFile });
	let exited = false;
	child.once('exit', () => (exited = true));
	const http = new HttpClient();
	await poll(
		`n8n ${name} /healthz/readiness`,
		async () => {
			if (exited) throw new Error(`n8n ${name} exited before it was ready: ${await tail(logFile)}`);
			const ready = await http.request(`http://127.0.0.1:${healthPort}/healthz/readiness`, { timeoutMs: 2000 });
			return ready.status === 200 ? true : undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 500 },
	);
	return { ...worker, child };
}
