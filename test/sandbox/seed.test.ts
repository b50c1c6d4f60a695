import { startSandbox, type Sandbox } from '../../sandbox';
import { ASSETS, FOLDERS, PROCESSES, QUEUE, ROBOTS, TENANTS } from '../../sandbox/fixtures';
import { orchestratorClient, type ODataList } from './client';

describe('sandbox: seeded data', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	test('both tenants of the organization hold the fixture world', () => {
		for (const tenant of TENANTS) {
			const store = sandbox.state.tenants.get(tenant);
			expect(store).toBeDefined();
			if (!store) continue;
			const folders = [...store.folders.values()];
			expect(folders.map((folder) => folder.FullyQualifiedName)).toEqual([FOLDERS.shared, FOLDERS.finance, FOLDERS.invoices]);
			const inFolder = (path: string) => store.releasesIn(folders.find((folder) => folder.FullyQualifiedName === path)?.Id ?? -1).map((release) => release.Name);
			expect(inFolder(FOLDERS.shared)).toEqual([PROCESSES.quick, PROCESSES.faulting, PROCESSES.slow]);
			expect(inFolder(FOLDERS.invoices)).toEqual([PROCESSES.quick]);
			expect([...store.robots.values()].map((robot) => robot.Name)).toEqual([...ROBOTS]);
			expect([...store.queues.values()].map((queue) => queue.Name)).toEqual([QUEUE]);
			expect([...store.assets.values()].map((asset) => asset.Name)).toEqual(Object.values(ASSETS));
			expect(store.jobs.size).toBe(0);
		}
		expect(sandbox.state.tenants.get(TENANTS[0])?.tenantId).not.toBe(sandbox.state.tenants.get(TENANTS[1])?.tenantId);
	});
});

describe('sandbox: seed option for paging benchmarks', () => {
	let sandbox: Sandbox;
	let startupMs = 0;

	beforeAll(async () => {
		const started = performance.now();
		sandbox = await startSandbox({ seed: { releases: 25_000, jobs: 5_000 } });
		startupMs = performance.now() - started;
		// Measured, not asserted: speed goals live in the benchmarks.
		console.log(`startSandbox with 25,000 releases and 5,000 finished jobs: ${startupMs.toFixed(0)} ms`);
	});
	afterAll(() => sandbox.close());

	test('makes N more releases and M finished jobs in Shared', async () => {
		expect(startupMs).toBeGreaterThan(0);
		const call = orchestratorClient(sandbox);
		const releases = await call<ODataList>('GET', '/odata/Releases', { folder: FOLDERS.shared, query: { $count: true, $top: 1000, $skip: 24_003 } });
		expect(releases.json['@odata.count']).toBe(25_003);
		expect(releases.json.value).toHaveLength(1000);
		expect(releases.json.value.at(-1)?.Name).toBe('Bulk Process 25000');
		const jobs = await call<ODataList>('GET', '/odata/Jobs', { folder: FOLDERS.shared, query: { $count: true, $top: 5, $orderby: 'CreationTime desc' } });
		expect(jobs.json['@odata.count']).toBe(5_000);
		const states = new Set([...sandbox.state.store.jobs.values()].map((job) => job.State));
		expect(states).toEqual(new Set(['Successful', 'Faulted', 'Stopped']));
		const times = jobs.json.value.map((job) => Date.parse(job.CreationTime as string));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});
});
