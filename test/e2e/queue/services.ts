import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { poll } from '../http';
import { CACHE_DIR } from '../paths';
import { freePort } from '../ports';
import { runCommand, startProcess } from '../processes';

/** What n8n needs to reach the queue-mode database and queue (all on 127.0.0.1). */
export interface QueueServices {
	postgres: {
		port: number;
		database: string;
		user: string;
		password: string;
		psql: (sql: string) => Promise<string>;
		/** pg_dump -Fc / pg_restore of the n8n database (the migrated schema kept for warm runs). */
		dump: (file: string) => Promise<void>;
		restore: (file: string) => Promise<void>;
	};
	redis: { port: number };
}

const POSTGRES_USER = 'postgres';
/** The throwaway cluster: wiped at every start, owned by the postgres user (Postgres refuses to run as root). */
const CACHED_CLUSTER_DIR = join(CACHE_DIR, 'queue-postgres');

/** Debian's postgresql and redis-server, installed with apt-get when missing (a fresh machine may have no package lists yet). */
export async function ensureQueuePackages(logFile: string): Promise<'cached' | 'installed'> {
	const missing: string[] = [];
	if (!(await postgresBinDir())) missing.push('postgresql');
	if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (missing.length === 0) return 'cached';
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = async () => await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, logFile });
	try {
		await install();
	} catch {
		await runCommand('apt-get', ['update'], { env, logFile });
		await install();
	}
	// Debian starts a service for what it just installed; this run uses private instances only.
	for (const service of missing) await runCommand('service', [service, 'stop'], { env, logFile }).catch(() => undefined);
	if (!(await postgresBinDir()) || !existsSync('/usr/bin/redis-server')) throw new Error(`apt-get installed ${missing.join(', ')} but the binaries are missing`);
	return 'installed';
}

/** Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<major>/bin. */
async function postgresBinDir(): Promise<string | undefined> {
	const root = '/usr/lib/postgresql';
	const majors = await readdir(root).catch(() => [] as string[]);
	const newest = majors.filter((major) => existsSync(join(root, major, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))[0];
	return newest ? join(root, newest, 'bin') : undefined;
}

const asPostgres = (command: string, args: string[]) => ['-u', POSTGRES_USER, '--', command, ...args];

/** Whether the postgres user can walk down to a folder. */
async function traversable(folder: string): Promise<boolean> {
	for (let current = dirname(folder); current !== dirname(current); current = dirname(current)) {
		const entered = await runCommand('runuser', asPostgres('test', ['-x', current])).then(() => true, () => false);
		if (!entered) return false;
	}
	return true;
}

/**
 * .cache/queue-postgres, or, when the postgres user cannot walk down to the checkout (a clone inside a 0700
 * folder such as mktemp's), a new folder in the system's temp folder, which every user can enter.
 */
async function newClusterDir(): Promise<string> {
	await rm(CACHED_CLUSTER_DIR, { recursive: true, force: true });
	await mkdir(CACHED_CLUSTER_DIR, { recursive: true });
	if (await traversable(CACHED_CLUSTER_DIR)) return CACHED_CLUSTER_DIR;
	await rm(CACHED_CLUSTER_DIR, { recursive: true, force: true });
	return await mkdtemp(join(tmpdir(), 'n8n-nodes-uipath-postgres-'));
}

/**
 * A private Postgres cluster for this run: initdb as the postgres user into .cache/queue-postgres (or a temp folder, see newClusterDir), then the
 * server in the foreground on 127.0.0.1 (tracked, so stopAll stops it); durability is off, it is thrown away.
 */
async function startPostgres(logs: string): Promise<QueueServices['postgres']> {
	const bin = await postgresBinDir();
	if (!bin) throw new Error('no Postgres server binaries under /usr/lib/postgresql');
	const clusterDir = await newClusterDir();
	const { uid, gid } = await userIds(POSTGRES_USER);
	await chown(clusterDir, uid, gid);
	await chmod(clusterDir, 0o700);
	const password = randomBytes(18).toString('base64url');
	const passwordFile = join(clusterDir, 'password');
	await writeFile(passwordFile, password, { mode: 0o600 });
	await chown(passwordFile, uid, gid);
	const dataDir = join(clusterDir, 'data');
	const initLog = join(logs, 'postgres-initdb.log');
	await runCommand('runuser', asPostgres(join(bin, 'initdb'), ['-D', dataDir, '-U', POSTGRES_USER, '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--no-sync']), { logFile: initLog, cwd: clusterDir });
	await rm(passwordFile);

	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${clusterDir}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
	startProcess('postgres', 'runuser', asPostgres(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])]), {
		logFile: join(logs, 'postgres.log'),
		cwd: clusterDir,
	});
	const psqlEnv = { ...process.env, PGPASSWORD: password };
	const psql = async (sql: string, database = 'n8n') =>
		await runCommand(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', database, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { env: psqlEnv });
	await poll('Postgres to accept connections', async () => ((await psql('select 1', 'postgres')).trim() === '1' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200 });
	await psql('create database n8n', 'postgres');
	const connection = ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'n8n'];
	return {
		port,
		database: 'n8n',
		user: POSTGRES_USER,
		password,
		psql: async (sql) => await psql(sql),
		dump: async (file) => void (await runCommand(join(bin, 'pg_dump'), [...connection, '-Fc', '-f', file], { env: psqlEnv })),
		restore: async (file) => void (await runCommand(join(bin, 'pg_restore'), [...connection, '--no-owner', '--exit-on-error', file], { env: psqlEnv })),
	};
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
	const [uid, gid] = await Promise.all([runCommand('id', ['-u', name]), runCommand('id', ['-g', name])]);
	return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Redis for the queue: loopback only, no persistence, in the foreground (tracked). */
async function startRedis(logs: string): Promise<QueueServices['redis']> {
	const port = await freePort();
	startProcess('redis', '/usr/bin/redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		logFile: join(logs, 'redis.log'),
	});
	await poll(
		'Redis to answer PING',
		async () => ((await runCommand('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'])).trim() === 'PONG' ? true : undefined),
		{ timeoutMs: 15_000, intervalMs: 200 },
	);
	return { port };
}

export async function startQueueServices(logs: string): Promise<QueueServices> {
	const [postgres, redis] = await Promise.all([startPostgres(logs), startRedis(logs)]);
	return { postgres, redis };
}
