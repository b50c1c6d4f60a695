import { existsSync } from 'fs';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'fs/promises';
import { join } from 'path';

import { runCommand } from '../../../test/e2e/processes';
import { BENCH_WORK_DIR } from '../../lib/paths';

/** The existing community package users find on npm, pinned. */
export const COMMUNITY_PACKAGE = 'n8n-nodes-uipath-orchestrator';
export const COMMUNITY_VERSION = '1.9.0';
export const COMMUNITY_NODE_TYPE = `${COMMUNITY_PACKAGE}.uiPathOrchestrator`;
export const COMMUNITY_CREDENTIAL_TYPE = 'uiPathOAuth2';

const COMMUNITY_DIR = join(BENCH_WORK_DIR, 'community');
/** The package as n8n's installer leaves it: extracted, dev dependencies dropped, `npm install` run in it. */
export const COMMUNITY_INSTALLED_DIR = join(COMMUNITY_DIR, 'installed', COMMUNITY_PACKAGE);
const MARKER = join(COMMUNITY_DIR, 'installed', '.complete');

export interface CommunityPackage {
	tarball: string;
	dir: string;
}

/** `npm pack` from the registry once, then an install like n8n's community installer (kept in bench/.work). */
export async function ensureCommunityPackage(logFile: string): Promise<CommunityPackage> {
	await mkdir(COMMUNITY_DIR, { recursive: true });
	const tarball = join(COMMUNITY_DIR, `${COMMUNITY_PACKAGE}-${COMMUNITY_VERSION}.tgz`);
	if (!existsSync(tarball)) {
		await runCommand('npm', ['pack', `${COMMUNITY_PACKAGE}@${COMMUNITY_VERSION}`, '--pack-destination', COMMUNITY_DIR], { cwd: COMMUNITY_DIR, logFile });
	}
	if (existsSync(MARKER)) return { tarball, dir: COMMUNITY_INSTALLED_DIR };
	await rm(join(COMMUNITY_DIR, 'installed'), { recursive: true, force: true });
	await mkdir(COMMUNITY_INSTALLED_DIR, { recursive: true });
	await runCommand('tar', ['-xzf', tarball, '-C', COMMUNITY_INSTALLED_DIR, '--strip-components=1']);
	const manifestPath = join(COMMUNITY_INSTALLED_DIR, 'package.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	// What n8n's installer runs in the package folder: its runtime dependencies (axios, dotenv) come from npm.
	await runCommand('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], {
		cwd: COMMUNITY_INSTALLED_DIR,
		logFile,
	});
	await writeFile(MARKER, `${COMMUNITY_PACKAGE}@${COMMUNITY_VERSION}\n`);
	return { tarball, dir: COMMUNITY_INSTALLED_DIR };
}

/** Copies the installed package into an n8n user folder's community node folder. */
export async function installCommunityCopy(community: CommunityPackage, userFolder: string): Promise<void> {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', COMMUNITY_PACKAGE);
	await rm(target, { recursive: true, force: true });
	await cp(community.dir, target, { recursive: true });
}

/** Every package folder under node_modules, nested ones included (the runtime dependency tree). */
export async function installedPackages(nodeModules: string): Promise<string[]> {
	if (!existsSync(nodeModules)) return [];
	const found: string[] = [];
	for (const entry of await readdir(nodeModules)) {
		if (entry.startsWith('.')) continue;
		const path = join(nodeModules, entry);
		if (entry.startsWith('@')) {
			for (const scoped of await readdir(path)) {
				found.push(`${entry}/${scoped}`, ...(await installedPackages(join(path, scoped, 'node_modules'))));
			}
		} else if ((await stat(path)).isDirectory()) {
			found.push(entry, ...(await installedPackages(join(path, 'node_modules'))));
		}
	}
	return found;
}
