/**
 * `npm run dev`: this package in a real n8n, rebuilt on save. Builds once, then keeps `tsc --watch`
 * writing dist/; copies each rebuild into the package n8n loaded (installed as the community installer
 * does, so node types keep their real names) and n8n's hot reload (`N8N_DEV_RELOAD`) picks it up. Starts
 * the sandbox and the n8n that `npm run e2e` keeps in .cache, creates the owner and credentials for the
 * sandbox, and prints the editor URL and the sign-in. Ctrl-C stops every process it started. It runs under
 * `node --import tsx`, not the tsx command, whose signal relay kills a child that is slow to answer
 * Ctrl-C (here: while it stops n8n), leaving n8n running.
 */
import { watch } from 'fs';
import { cp, mkdir, rm } from 'fs/promises';
import { join } from 'path';

import { startSandbox } from '../sandbox';
import { ORGANIZATION, TENANT } from '../sandbox/fixtures';
import { API_CREDENTIAL } from '../test/e2e/loadedTypes';
import { N8nClient, newOwner, startN8n } from '../test/e2e/n8n';
import { installCommunityPackage, packPackage } from '../test/e2e/pack';
import { CACHE_DIR, N8N_VERSION, PROJECT_ROOT } from '../test/e2e/paths';
import { freePort, portIsFree } from '../test/e2e/ports';
import { onShutdown, startProcess, stopAll } from '../test/e2e/processes';
import { ensureN8n, ensurePinnedNode } from '../test/e2e/runtime';
import { connectOAuth2 } from '../test/e2e/scenarios/connectOAuth2';
import { createCredential } from '../test/e2e/workflows';
import { sandboxClientCredentials } from '../test/support/sandboxCredentials';

/** Fresh at each start, apart from the .cache runtimes: the dev n8n keeps nothing between runs. */
const DEV_DIR = join(CACHE_DIR, 'dev');
const DIST = join(PROJECT_ROOT, 'dist');
/** The ports a developer expects (n8n's and `npm run sandbox`'s), unless something already holds them. */
const PREFERRED_N8N_PORT = 5678;
const PREFERRED_SANDBOX_PORT = 8787;

async function main(): Promise<void> {
	const startedAt = Date.now();
	await rm(DEV_DIR, { recursive: true, force: true });
	const userFolder = join(DEV_DIR, 'n8n-user');
	const logs = join(DEV_DIR, 'logs');
	await mkdir(userFolder, { recursive: true });
	await mkdir(logs, { recursive: true });

	console.log(`dev: building, and fetching n8n ${N8N_VERSION} into .cache if it is not there yet (minutes the first time)`);
	const runtime = (async () => {
		await ensurePinnedNode(join(logs, 'install-node.log'));
		await ensureN8n(join(logs, 'install-n8n.log'));
	})();
	runtime.catch(() => undefined);
	const packed = await packPackage(join(logs, 'pack.log'));
	const packageDir = await installCommunityPackage(packed, userFolder);
	await runtime;

	const n8nPort = (await portIsFree(PREFERRED_N8N_PORT)) ? PREFERRED_N8N_PORT : await freePort();
	const n8nUrl = `http://127.0.0.1:${n8nPort}`;
	const sandboxPort = (await portIsFree(PREFERRED_SANDBOX_PORT)) ? PREFERRED_SANDBOX_PORT : 0;
	const sandbox = await startSandbox({ port: sandboxPort, redirectUris: [`${n8nUrl}/rest/oauth2-credential/callback`] });
	onShutdown('sandbox', async () => await sandbox.close());

	// startN8n passes this process's environment on: this turns on n8n's reload of changed node folders.
	process.env.N8N_DEV_RELOAD = 'true';
	const server = await startN8n(userFolder, n8nPort, join(logs, 'n8n.log'));
	const client = new N8nClient(server, newOwner());
	await client.setUpOwnerAndLogIn();
	const credentials = [
		await createCredential(client, 'UiPath sandbox (client credentials)', API_CREDENTIAL, sandboxClientCredentials(sandbox)),
		(await connectOAuth2({ client, sandbox })).credential,
	];

	startProcess('tsc --watch', join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], {
		cwd: PROJECT_ROOT,
		logFile: join(logs, 'tsc.log'),
	});
	syncOnChange(DIST, join(packageDir, 'dist'));

	console.log(`
n8n ${N8N_VERSION} with n8n-nodes-uipath from this folder, ready in ${Math.round((Date.now() - startedAt) / 1000)} s
  editor       ${n8nUrl}
  sign in      ${client.owner.email}  ${client.owner.password}  (made for this run; n8n listens on 127.0.0.1 only)
  credentials  ${credentials.map((credential) => `"${credential.name}" (${credential.type})`).join(', ')}
  sandbox      ${sandbox.url}  (organization ${ORGANIZATION}, tenant ${TENANT}; \`npm run sandbox\` prints every value it accepts)
  logs         ${logs}
Saving a file under nodes/ or credentials/ rebuilds dist/ and reloads the node types in n8n (refresh the
editor page). Icons and package.json are read at start. Ctrl-C stops everything.`);
	await new Promise(() => undefined);
}

/** Copies `from` over `to` shortly after tsc stops writing (it writes many files per rebuild). */
function syncOnChange(from: string, to: string): void {
	let timer: NodeJS.Timeout | undefined;
	const watcher = watch(from, { recursive: true }, () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			void cp(from, to, { recursive: true, force: true }).catch((error: unknown) => console.error(`dev: could not copy dist: ${String(error)}`));
		}, 300);
	});
	onShutdown('dist watcher', async () => watcher.close());
}

main().catch(async (error: unknown) => {
	console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
	await stopAll();
	process.exit(1);
});
