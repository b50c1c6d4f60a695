import { join } from 'path';
import { pathToFileURL } from 'url';

import { parseFlags, USAGE } from '../../bench/lib/flags';
import { isPackageFile, PACKAGE_CATEGORY, summarizeProfile, type CpuProfile } from '../../bench/lib/profile';

describe('npm run bench flags', () => {
	it('reads every documented flag, valued or not', () => {
		const flags = parseFlags(['--only', '2', '--reps', '1', '--no-n8n']);
		expect([...flags.entries()]).toEqual([
			['only', '2'],
			['reps', '1'],
			['no-n8n', true],
		]);
		expect(parseFlags(['--help']).get('help')).toBe(true);
	});

	it('refuses a typo and a missing value instead of starting a full run', () => {
		expect(() => parseFlags(['--rep', '1'])).toThrow('unknown argument "--rep"');
		expect(() => parseFlags(['--reps'])).toThrow('--reps needs a value (N)');
		expect(() => parseFlags(['--reps', '--no-n8n'])).toThrow('--reps needs a value (N)');
	});

	it('lists each flag in the usage text', () => {
		for (const name of ['--only', '--reps', '--jobs', '--listed', '--wait-jobs', '--no-n8n', '--help']) expect(USAGE).toContain(name);
	});
});

describe('CPU profile summary', () => {
	const checkout = join(__dirname, '..', '..');
	const source = pathToFileURL(join(checkout, 'nodes', 'UiPathOrchestrator', 'helpers', 'outputItems.ts')).href;
	const installed = 'file:///tmp/n8n/.n8n/nodes/node_modules/n8n-nodes-uipath/dist/nodes/UiPathOrchestrator/helpers/outputItems.js';
	const other = 'file:///tmp/n8n/.n8n/nodes/node_modules/n8n-nodes-uipath-orchestrator/dist/nodes/Orchestrator.node.js';

	it('counts this checkout\'s sources and the installed package as this package, wherever the checkout is', () => {
		expect(isPackageFile(source)).toBe(true);
		expect(isPackageFile(installed)).toBe(true);
		expect(isPackageFile(other)).toBe(false);
		expect(isPackageFile(pathToFileURL(join(checkout, 'test', 'harness', 'runWorkflow.ts')).href)).toBe(false);
	});

	it('gives the package\'s share of the busy time and its largest functions, idle left out', () => {
		const profile: CpuProfile = {
			nodes: [
				{ id: 1, callFrame: { functionName: '(idle)', url: '' } },
				{ id: 2, callFrame: { functionName: 'toJob', url: installed } },
				{ id: 3, callFrame: { functionName: 'request', url: 'file:///x/node_modules/axios/dist/node/axios.cjs' } },
			],
			samples: [1, 2, 3, 3, 3],
			timeDeltas: [5000, 1000, 1000, 1000, 1000],
		};
		const summary = summarizeProfile(profile);
		expect(summary.busyMs).toBe(4);
		expect(summary.categories.find((category) => category.name === PACKAGE_CATEGORY)?.share).toBe(0.25);
		expect(summary.packageFunctions).toEqual([{ name: 'toJob helpers/outputItems.js', ms: 1, share: 0.25 }]);
	});

	it('counts a long gap before a sample (the process waited for a core) as 2 ms, not whole', () => {
		const profile: CpuProfile = {
			nodes: [
				{ id: 1, callFrame: { functionName: 'toJob', url: installed } },
				{ id: 2, callFrame: { functionName: 'request', url: 'file:///x/node_modules/axios/dist/node/axios.cjs' } },
			],
			samples: [1, 2, 2],
			timeDeltas: [50_000, 500, 1500],
		};
		const summary = summarizeProfile(profile);
		expect(summary.busyMs).toBe(4);
		expect(summary.categories.find((category) => category.name === PACKAGE_CATEGORY)?.ms).toBe(2);
	});
});
