/**
 * `npm run e2e`: the package in a real n8n, the way a user meets it. Fetches the pinned Node 24 and n8n
 * into .cache (reused), packs this package, installs the tarball as n8n's community installer does,
 * starts the sandbox and `n8n start` on 127.0.0.1, and checks each scenario with a PASS/FAIL line.
 * Exits non-zero on any failure; stops every process it started, also on errors and signals.
 */
import { mkdir, rm } from 'fs/promises';
import { join } from 'path';

import { loadedTypes, OAUTH2_CREDENTIAL, API_CREDENTIAL, ORCHESTRATOR_NODE } from './loadedTypes';
import { N8nClient, newOwner, startN8n } from './n8n';
import { installCommunityPackage, packPackage, type PackedPackage } from './pack';
import { N8N_VERSION, NODE_VERSION, WORK_DIR } from './paths';
import { freePort } from './ports';
import { stopAll } from './processes';
import { describe, elapsed, expect, log, Report } from './report';
import { ensureChromium, ensureN8n, ensureNode24 } from './runtime';

async function main(report: Report): Promise<void> {
	const startedAt = Date.now();
	await rm(WORK_DIR, { recursive: true, force: true });
	const userFolder = join(WORK_DIR, 'n8n-user');
	const logs = join(WORK_DIR, 'logs');
	await mkdir(userFolder, { recursive: true });
	await mkdir(logs, { recursive: true });
	log(`logs in ${logs}`);

	// The slow downloads run side by side: n8n (minutes when cold), Chromium, and the package build.
	const runtime = (async () => {
		const node = await ensureNode24(join(logs, 'install-node.log'));
		const n8n = await ensureN8n(join(logs, 'install-n8n.log'));
		return `Node ${NODE_VERSION} ${node}, n8n ${N8N_VERSION} ${n8n}`;
	})();
	const chromium = ensureChromium(join(logs, 'install-chromium.log'));
	let packed: PackedPackage | undefined;
	const packing = packPackage(join(logs, 'pack.log')).then((result) => (packed = result));

	const runtimeReady = await report.check('runtime: pinned Node 24 and n8n in .cache', async () => await runtime);
	const chromiumReady = await report.check('runtime: Debian Chromium', async () => `${await chromium}`);
	const packReady = await report.check('package: npm run build + npm pack', async () => {
		const result = await packing;
		return `${result.tarball.split('/').pop()}`;
	});
	if (!runtimeReady || !packReady || !packed) return;
	const tarball = packed;
	log(`setup took ${elapsed(startedAt)} s`);

	await report.check('package: installed like n8n community installer', async () => {
		const dir = await installCommunityPackage(tarball, userFolder);
		return dir.slice(userFolder.length + 1);
	});

	const n8nPort = await freePort();
	const server = await startN8n(userFolder, n8nPort, join(logs, 'n8n.log')).catch((error: unknown) => {
		report.fail('n8n: start and readiness', describe(error));
		return undefined;
	});
	if (!server) return;
	log(`n8n ready at ${server.baseUrl} after ${elapsed(startedAt)} s`);

	const client = new N8nClient(server, newOwner());
	if (!(await report.check('n8n: owner setup, login, API key', async () => {
		await client.setUpOwnerAndLogIn();
		expect(client.apiKey.length > 20, 'no API key returned');
		return 'session cookie and API key';
	}))) return;

	await report.check('n8n: loaded the package node and credential types', async () => {
		const types = await loadedTypes(client);
		expect(types.nodes.includes(ORCHESTRATOR_NODE), `${ORCHESTRATOR_NODE} missing from /types/nodes.json`);
		for (const credential of [OAUTH2_CREDENTIAL, API_CREDENTIAL]) {
			expect(types.credentials.includes(credential), `${credential} missing from /types/credentials.json`);
		}
		return types.nodes.filter((name) => name.startsWith('n8n-nodes-uipath.')).join(', ');
	});
	void chromiumReady;
}

const report = new Report();
const runStarted = Date.now();
main(report)
	.catch((error: unknown) => report.fail('e2e run', describe(error)))
	.finally(async () => {
		await stopAll();
		console.log(report.summary());
		console.log(`e2e wall time: ${elapsed(runStarted)} s`);
		process.exit(report.failed ? 1 : 0);
	});
