/**
 * `npm run e2e`: the package in a real n8n, the way a user meets it. Fetches the pinned Node 24 and n8n
 * into .cache (reused), packs this package, installs the tarball as n8n's community installer does,
 * starts the sandbox and `n8n start` on 127.0.0.1, and checks each scenario with a PASS/FAIL line.
 * Exits non-zero on any failure; stops every process it started, also on errors and signals.
 */
import { mkdir, rm, writeFile } from 'fs/promises';
import { join } from 'path';

import type { E2eContext } from './context';
import { loadedTypes, OAUTH2_CREDENTIAL, API_CREDENTIAL, ORCHESTRATOR_NODE, TRIGGER_NODE, type LoadedTypes } from './loadedTypes';
import { N8nClient, newOwner, startN8n } from './n8n';
import { installCommunityPackage, packPackage, type PackedPackage } from './pack';
import { N8N_VERSION, WORK_DIR } from './paths';
import { freePort } from './ports';
import { stopAll } from './processes';
import { runQueueMode } from './queue/run';
import { describe, elapsed, expect, log, Report } from './report';
import { ensureBrowser, ensureN8n, ensurePinnedNode } from './runtime';
import { startE2eSandbox } from './sandbox';
import { Editor } from './screenshots';
import { argumentFieldsPanel } from './argumentFieldsPanel';
import { taskCreatePanel } from './taskPanel';
import { connectOAuth2 } from './scenarios/connectOAuth2';
import { devLoop } from './scenarios/devLoop';
import { startWithArgumentFields } from './scenarios/inputArgumentFields';
import { jobTrigger } from './scenarios/jobTrigger';
import { largeArguments } from './scenarios/largeArguments';
import { refreshRotation } from './scenarios/refreshRotation';
import { releaseWait } from './scenarios/releaseWait';
import { runChainedWorkflow } from './scenarios/webhookStartJob';
import { taskApproval } from './scenarios/taskApproval';

/** `npm run e2e -- --keep`: leave n8n and the sandbox running after the checks, until Ctrl-C. */
const KEEP = process.argv.includes('--keep');
/** `npm run e2e -- --queue`: n8n in queue mode (Postgres, Redis, main + workers) instead of the single process (test/e2e/queue). */
const QUEUE = process.argv.includes('--queue');

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
		const node = await ensurePinnedNode(join(logs, 'install-node.log'));
		const n8n = await ensureN8n(join(logs, 'install-n8n.log'));
		return `Node ${node}, n8n ${N8N_VERSION} ${n8n}`;
	})();
	const browserSetup = QUEUE ? Promise.resolve(undefined) : ensureBrowser(join(logs, 'install-chromium.log'));
	let packed: PackedPackage | undefined;
	const packing = packPackage(join(logs, 'pack.log')).then((result) => (packed = result));
	// Each is awaited in turn below; until then a quick failure must not count as unhandled.
	for (const pending of [runtime, browserSetup, packing]) pending.catch(() => undefined);

	const runtimeReady = await report.check("runtime: the pin's Node and n8n in .cache", async () => await runtime);
	const browserCheck = 'runtime: Chromium or Chrome for the editor checks';
	const browser = await browserSetup.catch((error: unknown) => report.fail(browserCheck, describe(error)));
	// Without a browser the editor checks are skipped in this one line; everything else still runs.
	if (browser && 'skip' in browser) report.skip(browserCheck, `${browser.skip}: editor checks skipped`);
	else if (browser) await report.check(browserCheck, async () => `${browser.path} ${browser.how}`);
	const packReady = await report.check('package: npm run build + npm pack', async () => {
		const result = await packing;
		return `${result.tarball.split('/').pop()}`;
	});
	if (!runtimeReady || !packReady || !packed) return;
	const tarball = packed;
	log(`setup took ${elapsed(startedAt)} s`);
	if (QUEUE) return await runQueueMode(report, tarball, logs);

	await report.check('package: installed like n8n community installer', async () => {
		const dir = await installCommunityPackage(tarball, userFolder);
		return dir.slice(userFolder.length + 1);
	});

	const n8nPort = await freePort();
	// The sandbox must know n8n's OAuth2 callback before n8n starts; it runs in this process.
	const sandbox = await startE2eSandbox(`http://127.0.0.1:${n8nPort}`);
	log(`sandbox at ${sandbox.url}`);
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

	let types: LoadedTypes = { nodes: [], credentials: [] };
	const loaded = await report.check('n8n: loaded the package node and credential types', async () => {
		types = await loadedTypes(client);
		expect(types.nodes.includes(ORCHESTRATOR_NODE), `${ORCHESTRATOR_NODE} missing from /types/nodes.json (see ${join(logs, 'n8n.log')})`);
		for (const credential of [OAUTH2_CREDENTIAL, API_CREDENTIAL]) {
			expect(types.credentials.includes(credential), `${credential} missing from /types/credentials.json`);
		}
		return types.nodes.filter((name) => name.startsWith('n8n-nodes-uipath.')).join(', ');
	});
	if (!loaded) return;

	const context: E2eContext = { client, sandbox };
	await report.check('1 Connect uiPathOAuth2Api through n8n OAuth2 endpoints (PKCE)', async () => {
		const { credential, detail } = await connectOAuth2(context);
		context.oauth2Credential = credential;
		return detail;
	});
	if (context.oauth2Credential) {
		const credential = context.oauth2Credential;
		await report.check('2 webhook → start job and wait → respond with OutputArguments (uiPathOAuth2Api)', async () => {
			const run = await runChainedWorkflow(context, credential, 'OAuth2');
			context.chainedWorkflow = { workflowId: run.workflowId, executionId: run.executionId };
			return run.detail;
		});
	} else {
		report.fail('2 webhook → start job and wait → respond with OutputArguments (uiPathOAuth2Api)', 'needs the credential of scenario 1');
	}
	await report.check('3 same with uiPathApi: refresh mid-run, rotated refresh token persisted', async () => await refreshRotation(context));
	const triggerScenario = '4 uiPathOrchestratorTrigger: a job finishing in the sandbox starts the workflow';
	if (!types.nodes.includes(TRIGGER_NODE)) {
		report.pending(triggerScenario, `${TRIGGER_NODE} is not in the package yet`);
	} else if (!context.oauth2Credential) {
		report.fail(triggerScenario, 'needs the credential of scenario 1');
	} else {
		const credential = context.oauth2Credential;
		await report.check(triggerScenario, async () => await jobTrigger(context, credential));
	}

	const fieldsScenario = '5 Job Start with Input Arguments as fields from the process (resource mapper)';
	if (context.oauth2Credential) {
		const credential = context.oauth2Credential;
		await report.check(fieldsScenario, async () => {
			const run = await startWithArgumentFields(context, credential);
			context.argumentFieldsWorkflow = run.workflowId;
			return run.detail;
		});
	} else {
		report.fail(fieldsScenario, 'needs the credential of scenario 1');
	}

	await report.check('7 Action Center approval: Task Create waits in the database, the person completes it, the execution ends', async () => await taskApproval(context));
	await report.check('6 Job Start and wait with input as InputFile and output kept as OutputFile (attachments)', async () => await largeArguments(context));

	if (browser && 'path' in browser) await screenshots(report, context, browser.path);
	// It stops and starts n8n, so it comes after every check of the running editor.
	const releaseScenario = '8 Job Start, release mode: a 2-minute job, n8n restarted while it runs, resumed by the job\'s end';
	if (context.oauth2Credential) {
		const credential = context.oauth2Credential;
		await report.check(releaseScenario, async () => await releaseWait(context, credential));
	} else {
		report.fail(releaseScenario, 'needs the credential of scenario 1');
	}
	await report.check('npm run dev: working editor URL, sign-in, credentials, hot reload, clean stop', async () => await devLoop(join(logs, 'dev.log')));

	if (KEEP) await keepRunning(client);
}

/** The documentation's pictures (docs/images: the README and docs/development.md), taken in headless Chromium or Chrome; each one checks what it shows. */
async function screenshots(report: Report, context: E2eContext, browserPath: string): Promise<void> {
	const { chainedWorkflow, oauth2Credential } = context;
	let editor: Editor | undefined;
	if (!(await report.check('editor: sign in with Chromium', async () => {
		editor = await Editor.open(context.client, browserPath);
		return 'signed in through the form';
	})) || !editor) return;
	const signedIn = editor;
	await report.check('editor: node panel renders, process picker lists the sandbox processes', async () => {
		expect(chainedWorkflow, 'needs the workflow of scenario 2');
		return await signedIn.nodePanelWithProcessPicker(chainedWorkflow.workflowId, 'Start invoice robot');
	});
	await report.check('editor: finished execution of the chained workflow', async () => {
		expect(chainedWorkflow, 'needs the execution of scenario 2');
		return await signedIn.finishedExecution(chainedWorkflow.workflowId, chainedWorkflow.executionId, 3);
	});
	await report.check('editor: Job Start panel with the input argument fields', async () => {
		expect(context.argumentFieldsWorkflow, 'needs the workflow of scenario 5');
		return await argumentFieldsPanel(signedIn, context.client.server.baseUrl, context.argumentFieldsWorkflow, 'Start invoice robot');
	});
	await report.check('editor: Task Create panel (Action Center)', async () => {
		expect(oauth2Credential, 'needs the credential of scenario 1');
		return await taskCreatePanel(signedIn, context, oauth2Credential);
	});
	await report.check('editor: uiPathOAuth2Api credential form, connected', async () => {
		expect(oauth2Credential, 'needs the credential of scenario 1');
		return await signedIn.connectedCredential(oauth2Credential.id);
	});
	await signedIn.close();
}

/** Leaves everything up for a person to look around; the owner's sign-in goes to a private file, not the console. */
async function keepRunning(client: N8nClient): Promise<void> {
	const loginFile = join(WORK_DIR, 'owner-login.json');
	await writeFile(loginFile, JSON.stringify({ url: client.server.baseUrl, ...client.owner }, null, 2), { mode: 0o600 });
	console.log(`n8n stays up at ${client.server.baseUrl} (sign-in in ${loginFile}); Ctrl-C stops everything`);
	await new Promise(() => undefined);
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
