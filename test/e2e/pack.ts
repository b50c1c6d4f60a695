import { mkdir, readFile, readdir, rm, writeFile } from 'fs/promises';
import { join } from 'path';

import { PACK_DIR, PROJECT_ROOT } from './paths';
import { runCommand } from './processes';

export interface PackedPackage {
	name: string;
	version: string;
	tarball: string;
}

/** `npm run build` then `npm pack` (.npmrc turns scripts off, so pack runs no hooks): the file users install. */
export async function packPackage(logFile: string): Promise<PackedPackage> {
	await runCommand('npm', ['run', 'build'], { cwd: PROJECT_ROOT, logFile });
	await rm(PACK_DIR, { recursive: true, force: true });
	await mkdir(PACK_DIR, { recursive: true });
	await runCommand('npm', ['pack', '--ignore-scripts', '--pack-destination', PACK_DIR], { cwd: PROJECT_ROOT, logFile });
	const [tarball] = (await readdir(PACK_DIR)).filter((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack left no .tgz in ${PACK_DIR}`);
	const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackedPackage;
	return { name: manifest.name, version: manifest.version, tarball: join(PACK_DIR, tarball) };
}

/**
 * Installs the tarball the way n8n's community package installer does (read in n8n 2.41.1,
 * `community-packages.service.js` `downloadPackage`): extract into `<user folder>/.n8n/nodes/node_modules/<name>`
 * with the top folder stripped, drop dev/peer/optional dependencies from its package.json, and list it in
 * `<user folder>/.n8n/nodes/package.json`. The installer's `npm install` in the package folder is skipped:
 * the package has no dependencies.
 */
export async function installCommunityPackage(packed: PackedPackage, userFolder: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', packed.name);
	await mkdir(packageDir, { recursive: true });
	await runCommand('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	const installed = { name: 'installed-nodes', private: true, dependencies: { [packed.name]: packed.version } };
	await writeFile(join(nodesDir, 'package.json'), JSON.stringify(installed, null, 2));
	return packageDir;
}
