/**
 * `npm run demo`: starts a local UiPath sandbox, runs workflows/demo.workflow.json (manual trigger → list
 * processes → start a job with input arguments and wait → output arguments) through n8n-core, prints what
 * happened, and stops the sandbox. Exits 0 when the robot's output arguments came back.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import { ORGANIZATION, TENANT } from '../../sandbox/fixtures';
import { sandboxClientCredentials } from '../support/sandboxCredentials';
import { CredentialStore, runWorkflow, type WorkflowJson } from '.';

const WORKFLOW_FILE = join(__dirname, 'workflows', 'demo.workflow.json');

function line(label: string, value: unknown): void {
	console.log(`  ${label.padEnd(20)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

async function main(): Promise<number> {
	const sandbox = await startSandbox({ port: 0 });
	try {
		const workflow = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')) as WorkflowJson;
		const credentials = new CredentialStore([
			{
				id: 'sandbox',
				name: 'UiPath sandbox',
				type: 'uiPathApi',
				data: sandboxClientCredentials(sandbox),
			},
		]);
		console.log(`UiPath sandbox at ${sandbox.url} (organization ${ORGANIZATION}, tenant ${TENANT})`);
		console.log(`Running "${workflow.name}" through n8n-core...\n`);
		const started = Date.now();
		const result = await runWorkflow({ workflow, credentials });
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (result.status !== 'success') {
			console.error(`The workflow failed after ${seconds} s: ${result.error?.message ?? result.status}`);
			if (result.error?.description) console.error(`  ${String(result.error.description)}`);
			return 1;
		}

		const processes = result.json('List Processes');
		console.log('List Processes');
		for (const release of processes) line(String(release.Name), `key ${String(release.Key)}`);

		const [job] = result.json('Start Job and Wait');
		console.log('\nStart Job and Wait');
		line('Job', `${String(job.Id)} (${String(job.ReleaseName)})`);
		line('State', job.State);
		line('Reference', job.Reference);
		line('Input arguments', job.InputArguments);

		const [output] = result.json('Output Arguments');
		const outputArguments = (output?.OutputArguments ?? {}) as IDataObject;
		console.log('\nOutput Arguments ({{ $json.OutputArguments }})');
		for (const [name, value] of Object.entries(outputArguments)) line(name, value);

		const requests = sandbox.state.requests;
		console.log(`\n${requests.length} requests to the sandbox in ${seconds} s:`);
		const counts = new Map<string, number>();
		for (const request of requests) {
			const key = `${request.method} ${request.path}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		for (const [route, count] of counts) console.log(`  ${String(count).padStart(3)} × ${route}`);
		return job.State === 'Successful' && Object.keys(outputArguments).length > 0 ? 0 : 1;
	} finally {
		await sandbox.close();
	}
}

/** Exits once stdout and stderr have taken every line: writes to a pipe are asynchronous, and exiting earlier cuts the end off. */
function exitAfterOutput(code: number): void {
	process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
}

main().then(exitAfterOutput, (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	exitAfterOutput(1);
});
