import { createHash } from 'crypto';
import { existsSync } from 'fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'fs/promises';
import { delimiter, join } from 'path';

import {
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
 * PATH and npm settings that make `node`, `npm` and native builds use the pin's Node. The lowercase
 * `npm_*` variables that `npm run e2e` exports are dropped: they carry this project's settings
 * (`ignore-scripts=true` from .npmrc, its local prefix) into npm commands run in other folders.
 */
export function pinnedNodeEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return {
		...withoutNpmRunSettings(base),
		PATH: `${NODE_BIN_DIR}${delimiter}${base.PATH ?? ''}`,
		// The machine's npm config may point native builds at another Node's headers.
		npm_config_nodedir: NODE_HOME,
	};
}

function withoutNpmRunSettings(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(base).filter(([key]) => !key.startsWith('npm_')));
}

export const PINNED_NODE = join(NODE_BIN_DIR, 'node');
const NODE_MARKER = join(NODE_CACHE_DIR, '.e2e-installed');

/**
 * The pin's Node from the npm package that ships this platform's binary (no install script, a few
 * seconds). Where the registry lacks that exact version for this platform, the newest of the same major
 * line stands in, and the run says so.
 */
export async function ensurePinnedNode(logFile: string): Promise<string> {
	if (existsSync(PINNED_NODE)) {
		const cached = await pinnedNodeVersion().catch(() => '');
		const standIn = (await readFile(NODE_MARKER, 'utf8').catch(() => '')) === NODE_VERSION;
		if (cached === `v${NODE_VERSION}` || (cached && standIn)) return `${cached} cached`;
	}
	if (process.platform === 'win32') throw new Error('the e2e run stops n8n by process group, which Windows lacks: use WSL');
	await rm(NODE_CACHE_DIR, { recursive: true, force: true });
	await mkdir(NODE_CACHE_DIR, { recursive: true });
	await writeFile(join(NODE_CACHE_DIR, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true }));
	const install = async (spec: string) =>
		await runCommand('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${NODE_PACKAGE}@${spec}`], {
			cwd: NODE_CACHE_DIR,
			env: withoutNpmRunSettings(process.env),
			logFile,
		});
	const major = NODE_VERSION.split('.')[0];
	try {
		await install(NODE_VERSION);
	} catch (error) {
		if (!/E404|ETARGET|No matching version/.test(String(error))) throw error;
		log(`${NODE_PACKAGE}@${NODE_VERSION} is not in the registry; taking the newest ${major}.x`);
		await install(major);
	}
	const installed = await pinnedNodeVersion();
	if (!installed.startsWith(`v${major}.`)) throw new Error(`${PINNED_NODE} reports ${installed}, not Node ${major}`);
	await writeFile(NODE_MARKER, NODE_VERSION);
	return `${installed} installed`;
}

async function pinnedNodeVersion(): Promise<string> {
	return (await runCommand(PINNED_NODE, ['--version'])).trim();
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
	const env = pinnedNodeEnv();
	log(`npm ci n8n@${N8N_VERSION} (scripts off)`);
	await runCommand('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: staging, env, logFile });
	log('npm rebuild sqlite3 (compiles from source)');
	await runCommand('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: staging, env, logFile });
	await runCommand(PINNED_NODE, ['-e', "require('sqlite3')"], { cwd: staging, env });
	await writeFile(join(staging, '.e2e-installed'), expectedMarker);
	await rm(N8N_CACHE_DIR, { recursive: true, force: true });
	await rename(staging, N8N_CACHE_DIR);
	return 'installed';
}

async function installMarker(): Promise<string> {
	const lockfile = await readFile(join(N8N_PIN_DIR, 'package-lock.json'));
	return `node ${NODE_VERSION} lockfile ${createHash('sha256').update(lockfile).digest('hex')}\n`;
}

/** Where Chromium or Chrome usually lives, per platform; `CHROME_PATH` goes first. */
const BROWSER_CANDIDATES: Record<string, string[]> = {
	linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
	darwin: [
		'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
		'/Applications/Chromium.app/Contents/MacOS/Chromium',
	],
};

/** The browser for the editor checks, or why there is none. */
export type Browser = { path: string; how: 'found' | 'installed' } | { skip: string };

function installedBrowser(): string | undefined {
	const candidates = [process.env.CHROME_PATH, ...(BROWSER_CANDIDATES[process.platform] ?? [])];
	return candidates.find((path): path is string => !!path && existsSync(path));
}

/**
 * A Chromium or Chrome already installed; else, on Debian-like systems only, Debian's `chromium` through
 * apt-get (playwright's own browser download cannot work here). CI must get one: there a failed install
 * is an error, elsewhere a reason to skip the editor checks.
 */
export async function ensureBrowser(logFile: string): Promise<Browser> {
	const found = installedBrowser();
	if (found) return { path: found, how: 'found' };
	if (!existsSync('/etc/debian_version')) {
		return { skip: `no Chromium or Chrome found (set CHROME_PATH) and this is not a Debian-like system to apt-get one` };
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = async () => await runCommand('apt-get', ['install', '-y', 'chromium'], { env, logFile });
	try {
		await install().catch(async () => {
			// A fresh machine may have no package lists yet.
			await runCommand('apt-get', ['update'], { env, logFile });
			await install();
		});
	} catch (error) {
		if (process.env.CI) throw error;
		return { skip: `no Chromium or Chrome found and apt-get install chromium failed (see ${logFile})` };
	}
	const installed = installedBrowser();
	if (!installed) throw new Error('apt-get installed chromium but no chromium binary is where it should be');
	return { path: installed, how: 'installed' };
}
