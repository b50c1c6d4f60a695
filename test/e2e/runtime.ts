import { createHash } from 'crypto';
import { existsSync } from 'fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'fs/promises';
import { delimiter, join } from 'path';

import {
	CHROMIUM,
	N8N_BIN,
	N8N_CACHE_DIR,
	N8N_PIN_DIR,
	N8N_VERSION,
	NODE_BIN_DIR,
	NODE_CACHE_DIR,
	NODE_HOME,
	NODE_PACKAGE,
	NODE_VERSION,
} from './paths';
import { runCommand } from './processes';
import { log } from './report';

/**
 * PATH and npm settings that make `node`, `npm` and native builds use the pinned Node 24. The lowercase
 * `npm_*` variables that `npm run e2e` exports are dropped: they carry this project's settings
 * (`ignore-scripts=true` from .npmrc, its local prefix) into npm commands run in other folders.
 */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return {
		...withoutNpmRunSettings(base),
		PATH: `${NODE_BIN_DIR}${delimiter}${base.PATH ?? ''}`,
		// The machine's npm config points native builds at Node 20's headers.
		npm_config_nodedir: NODE_HOME,
	};
}

function withoutNpmRunSettings(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(base).filter(([key]) => !key.startsWith('npm_')));
}

export const NODE24 = join(NODE_BIN_DIR, 'node');

/** Node 24 from the npm package that ships the binary (no install script, a few seconds). */
export async function ensureNode24(logFile: string): Promise<'cached' | 'installed'> {
	if (await nodeVersionIs(NODE_VERSION)) return 'cached';
	await rm(NODE_CACHE_DIR, { recursive: true, force: true });
	await mkdir(NODE_CACHE_DIR, { recursive: true });
	await writeFile(join(NODE_CACHE_DIR, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true }));
	await runCommand('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${NODE_PACKAGE}@${NODE_VERSION}`], {
		cwd: NODE_CACHE_DIR,
		env: withoutNpmRunSettings(process.env),
		logFile,
	});
	if (!(await nodeVersionIs(NODE_VERSION))) throw new Error(`${NODE24} does not report v${NODE_VERSION}`);
	return 'installed';
}

async function nodeVersionIs(version: string): Promise<boolean> {
	if (!existsSync(NODE24)) return false;
	const printed = await runCommand(NODE24, ['--version']).catch(() => '');
	return printed.trim() === `v${version}`;
}

/**
 * n8n from the committed lockfile. A plain install fails here (a Kafka client downloads zlib and OpenSSL
 * in its install script), so scripts stay off and only sqlite3 is rebuilt. The folder is complete only
 * once the marker holding the lockfile's hash is written; a half-finished install is redone.
 */
export async function ensureN8n(logFile: string): Promise<'cached' | 'installed'> {
	const expectedMarker = await installMarker();
	const markerFile = join(N8N_CACHE_DIR, '.e2e-installed');
	const currentMarker = await readFile(markerFile, 'utf8').catch(() => '');
	if (currentMarker === expectedMarker && existsSync(N8N_BIN)) return 'cached';

	const staging = `${N8N_CACHE_DIR}.partial`;
	await rm(staging, { recursive: true, force: true });
	await mkdir(staging, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) await copyFile(join(N8N_PIN_DIR, file), join(staging, file));
	const env = node24Env();
	log(`npm ci n8n@${N8N_VERSION} (scripts off)`);
	await runCommand('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: staging, env, logFile });
	log('npm rebuild sqlite3 (compiles from source)');
	await runCommand('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: staging, env, logFile });
	await runCommand(NODE24, ['-e', "require('sqlite3')"], { cwd: staging, env });
	await writeFile(join(staging, '.e2e-installed'), expectedMarker);
	await rm(N8N_CACHE_DIR, { recursive: true, force: true });
	await rename(staging, N8N_CACHE_DIR);
	return 'installed';
}

async function installMarker(): Promise<string> {
	const lockfile = await readFile(join(N8N_PIN_DIR, 'package-lock.json'));
	return `node ${NODE_VERSION} lockfile ${createHash('sha256').update(lockfile).digest('hex')}\n`;
}

/** Debian's Chromium for the screenshots (playwright's own browser download cannot work here). */
export async function ensureChromium(logFile: string): Promise<'cached' | 'installed'> {
	if (existsSync(CHROMIUM)) return 'cached';
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = async () =>
		await runCommand('apt-get', ['install', '-y', 'chromium'], { env, logFile });
	try {
		await install();
	} catch {
		// A fresh machine may have no package lists yet.
		await runCommand('apt-get', ['update'], { env, logFile });
		await install();
	}
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
	return 'installed';
}
