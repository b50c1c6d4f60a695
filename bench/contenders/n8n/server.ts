import { existsSync } from 'fs';
import { copyFile, mkdir, readdir, readFile, readlink, rm, writeFile } from 'fs/promises';
import { basename, join } from 'path';

import { sleep } from '../../../test/e2e/http';
import { loadedTypes, ORCHESTRATOR_NODE, TRIGGER_NODE } from '../../../test/e2e/loadedTypes';
import { N8nClient, newOwner, startN8n, type N8nServer } from '../../../test/e2e/n8n';
import { installCommunityPackage, packPackage, type PackedPackage } from '../../../test/e2e/pack';
import { N8N_BIN, N8N_CACHE_DIR } from '../../../test/e2e/paths';
import { freePort } from '../../../test/e2e/ports';
import { ensureN8n, ensurePinnedNode } from '../../../test/e2e/runtime';
import { BENCH_WORK_DIR } from '../../lib/paths';
import { COMMUNITY_NODE_TYPE, COMMUNITY_PACKAGE, COMMUNITY_VERSION, installCommunityCopy, type CommunityPackage } from './community';

export interface BenchN8n {
	client: N8nClient;
	server: N8nServer;
	/** The `n8n start` process, whose memory is measured. */
	pid: number;
	/** This package as users get it (the packed tarball). */
	packed: PackedPackage;
	community: CommunityPackage;
	hasTrigger: boolean;
}

/** Another run (e2e) may be installing the pinned n8n into .cache right now: wait for it instead of racing it. */
async function waitForOtherInstall(log: (message: string) => void): Promise<void> {
	const partial = `${N8N_CACHE_DIR}.partial`;
	if (!existsSync(partial)) return;
	log('another run is installing n8n into .cache; waiting for it');
	const deadline = Date.now() + 20 * 60_000;
	while (existsSync(partial) && Date.now() < deadline) await sleep(5000);
}

/** The pin's Node and n8n in .cache (reused), as the e2e run installs them. */
export async function ensureN8nRuntime(logs: string, log: (message: string) => void): Promise<void> {
	await waitForOtherInstall(log);
	await ensurePinnedNode(join(logs, 'install-node.log'));
	await ensureN8n(join(logs, 'install-n8n.log'));
}

/** `npm run build` + `npm pack` (the e2e helper); .cache/pack is shared with the e2e run, so the tarball is copied. */
export async function packOurs(logs: string): Promise<PackedPackage> {
	const packed = await packPackage(join(logs, 'pack.log'));
	const tarball = join(BENCH_WORK_DIR, basename(packed.tarball));
	await copyFile(packed.tarball, tarball);
	return { ...packed, tarball };
}

/** The process running `n8n start` in this user folder (its working directory). */
async function n8nPid(userFolder: string): Promise<number> {
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const cwd = await readlink(`/proc/${entry}/cwd`);
			const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
			if (cwd === userFolder && cmdline.includes(N8N_BIN) && cmdline.includes('start')) return Number(entry);
		} catch {
			// The process ended while we looked.
		}
	}
	throw new Error(`no n8n start process with working directory ${userFolder}`);
}

/**
 * A real n8n 2.41.1 on Node 24 (the e2e setup), with this package installed from its tarball and the
 * community package `n8n-nodes-uipath-orchestrator` installed next to it as n8n's installer would.
 */
export async function startBenchN8n(packed: PackedPackage, community: CommunityPackage, logs: string): Promise<BenchN8n> {
	const userFolder = join(BENCH_WORK_DIR, 'n8n-user');
	await rm(userFolder, { recursive: true, force: true });
	await mkdir(userFolder, { recursive: true });

	await installCommunityPackage(packed, userFolder);
	await installCommunityCopy(community, userFolder);
	const installed = { name: 'installed-nodes', private: true, dependencies: { [packed.name]: packed.version, [COMMUNITY_PACKAGE]: COMMUNITY_VERSION } };
	await writeFile(join(userFolder, '.n8n', 'nodes', 'package.json'), JSON.stringify(installed, null, 2));

	// A fresh n8n runs its 500-odd database migrations first; on a busy machine that alone can take minutes.
	const server = await startN8n(userFolder, await freePort(), join(logs, 'n8n.log'), {}, 600_000);
	const client = new N8nClient(server, newOwner());
	await client.setUpOwnerAndLogIn();
	const types = await loadedTypes(client);
	for (const type of [ORCHESTRATOR_NODE, COMMUNITY_NODE_TYPE]) {
		if (!types.nodes.includes(type)) throw new Error(`n8n did not load ${type} (see ${server.logFile})`);
	}
	return { client, server, pid: await n8nPid(userFolder), packed, community, hasTrigger: types.nodes.includes(TRIGGER_NODE) };
}
