import { FOLDERS, PROCESSES, QUEUE, ROBOTS } from '../../../sandbox/fixtures';
import { encodeFolderPath } from '../../../sandbox';
import { expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type CredentialKind, type Suite } from './sandboxSuite';
import { itConforms } from '../../support/uipathDescriptions';

const KINDS: CredentialKind[] = ['clientCredentials', 'oauth2'];

describe.each(KINDS)('every operation with the %s credential', (kind) => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite([kind], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: Parameters<Suite['run']>[1], options?: Parameters<Suite['run']>[2]) =>
		await suite.run(kind, parameters, options);

	it('folder getAll lists the folders with their full paths', async () => {
		const result = await run({ resource: 'folder', operation: 'getAll', returnAll: true });
		const names = result.json(NODE_NAME).map((folder) => folder.FullyQualifiedName);
		expect(names).toEqual(expect.arrayContaining([FOLDERS.shared, FOLDERS.finance, FOLDERS.invoices]));
		expect(result.items(NODE_NAME).map((item) => item.pairedItem)).toEqual(names.map(() => ({ item: 0 })));
		const [request] = suite.apiRequests();
		expect(request.headers['x-uipath-organizationunitid']).toBeUndefined();
	});

	it('release getAll lists the processes of a folder given by path, sent as X-UIPATH-FolderPath-Encoded', async () => {
		const result = await run({ resource: 'release', operation: 'getAll', folder: SHARED, returnAll: true });
		const names = result.json(NODE_NAME).map((release) => release.Name);
		expect(names).toEqual(expect.arrayContaining([PROCESSES.quick, PROCESSES.faulting, PROCESSES.slow]));
		const [request] = suite.apiRequests();
		expect(request.headers['x-uipath-folderpath-encoded']).toBe(encodeFolderPath(FOLDERS.shared));
		expect(request.query).toMatchObject({ $top: '1000', $skip: '0' });
	});

	it('release get finds a process by name and by key, in a nested folder given by ID', async () => {
		const invoices = suite.sandbox.state.store.folderByPath(FOLDERS.invoices);
		const folder = locator('id', String(invoices?.Id));
		const byName = await run({ resource: 'release', operation: 'get', folder, release: locator('name', PROCESSES.quick) });
		const [release] = byName.json(NODE_NAME);
		expect(release).toMatchObject({ Name: PROCESSES.quick, OrganizationUnitId: invoices?.Id });
		const byKey = await run({ resource: 'release', operation: 'get', folder, release: locator('key', String(release.Key)) });
		expect(byKey.json(NODE_NAME)).toEqual([release]);
		expect(suite.apiRequests().every((request) => request.headers['x-uipath-organizationunitid'] === String(invoices?.Id))).toBe(true);
	});

	it('job start waits for the robot and outputs the finished job with parsed arguments', async () => {
		const result = await run({
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.quick),
			inputArguments: '={{ JSON.stringify({ InvoiceId: "INV-7", Amount: 12.5 }) }}',
			options: { waitForCompletion: true, pollInterval: 1, jobPriority: 'High', reference: 'order-7' },
		});
		const [job] = result.json(NODE_NAME);
		expect(job).toMatchObject({
			State: 'Successful',
			ReleaseName: PROCESSES.quick,
			Reference: 'order-7',
			InputArguments: { InvoiceId: 'INV-7', Amount: 12.5 },
			OutputArguments: expect.objectContaining({ InvoiceId: 'INV-7' }),
		});
		const start = suite.apiRequests().find((request) => request.path.endsWith('StartJobs'));
		expect(JSON.parse(start?.body ?? '{}')).toMatchObject({
			startInfo: { ReleaseName: PROCESSES.quick, Strategy: 'ModernJobsCount', JobsCount: 1, JobPriority: 'High', Reference: 'order-7' },
		});
	});

	it('job start without waiting gives one item per started job, each with a generated reference; get, getAll and wait follow it', async () => {
		const started = await run(
			{
				resource: 'job',
				operation: 'start',
				folder: SHARED,
				release: locator('name', PROCESSES.quick),
				strategy: 'ModernJobsCount',
				jobsCount: 2,
				inputArguments: '={{ JSON.stringify({ InvoiceId: $json.invoice }) }}',
			},
			{ items: [{ invoice: 'A' }, { invoice: 'B' }] },
		);
		const items = started.items(NODE_NAME);
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(items.map((item) => (item.json.InputArguments as { InvoiceId: string }).InvoiceId)).toEqual(['A', 'A', 'B', 'B']);
		const references = new Set(items.map((item) => item.json.Reference));
		expect(references.size).toBe(2);
		for (const reference of references) expect(reference).toMatch(/^n8n-[A-Za-z0-9_.]+-[01]-0-[0-9a-f]{32}$/);

		const first = items[0].json;
		const byId = await run({ resource: 'job', operation: 'get', folder: SHARED, jobId: String(first.Id) });
		expect(byId.json(NODE_NAME)[0]).toMatchObject({ Id: first.Id, Key: first.Key });
		const byKey = await run({ resource: 'job', operation: 'get', folder: SHARED, jobId: String(first.Key) });
		expect(byKey.json(NODE_NAME)[0]).toMatchObject({ Id: first.Id });

		const waited = await run({ resource: 'job', operation: 'wait', folder: SHARED, jobId: String(first.Id), options: { pollInterval: 1 } });
		expect(waited.json(NODE_NAME)[0]).toMatchObject({ Id: first.Id, State: 'Successful', OutputArguments: expect.objectContaining({ InvoiceId: 'A' }) });

		const listed = await run({
			resource: 'job',
			operation: 'getAll',
			folder: SHARED,
			returnAll: true,
			filters: { reference: String(first.Reference), states: ['Successful', 'Pending', 'Running'] },
		});
		expect(listed.json(NODE_NAME).map((job) => job.Id).sort()).toEqual(items.slice(0, 2).map((item) => item.json.Id).sort());
	});

	it('job stop stops a running job', async () => {
		const started = await run({ resource: 'job', operation: 'start', folder: SHARED, release: locator('name', PROCESSES.slow) });
		const [job] = started.json(NODE_NAME);
		expect(job.State).toMatch(/^(Pending|Running)$/);
		const stopped = await run({ resource: 'job', operation: 'stop', folder: SHARED, jobId: String(job.Key), options: { stopStrategy: 'Kill' } });
		expect(stopped.json(NODE_NAME)[0]).toMatchObject({ Id: job.Id, State: expect.stringMatching(/^(Stopping|Terminating|Stopped)$/) });
		const stop = suite.apiRequests().find((request) => request.path.endsWith('StopJob'));
		expect(stop?.path).toContain(`/odata/Jobs(${String(job.Id)})/`);
		expect(JSON.parse(stop?.body ?? '{}')).toEqual({ strategy: 'Kill' });
	});

	it('queue item add and getAll', async () => {
		const added = await run({
			resource: 'queueItem',
			operation: 'add',
			folder: SHARED,
			queue: locator('name', QUEUE),
			specificContent: '{ "InvoiceId": "INV-42", "Amount": 99 }',
			options: { reference: `ref-${kind}`, priority: 'High', dueDate: '2030-01-31T12:00:00Z' },
		});
		const [item] = added.json(NODE_NAME);
		expect(item).toMatchObject({ Status: 'New', Reference: `ref-${kind}`, Priority: 'High', SpecificContent: { InvoiceId: 'INV-42', Amount: 99 } });
		const listed = await run({
			resource: 'queueItem',
			operation: 'getAll',
			folder: SHARED,
			limit: 5,
			filters: { queueName: QUEUE, statuses: ['New'], reference: `ref-${kind}` },
		});
		expect(listed.json(NODE_NAME).map((entry) => entry.Id)).toEqual([item.Id]);
	});

	itConforms('sends only requests that UiPath\'s orchestrator.yaml describes, and valid ones', async () => {
		await run({
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.quick),
			strategy: 'JobsCount',
			jobsCount: 1,
			options: { waitForCompletion: true, pollInterval: 1, runtimeType: 'Unattended' },
		});
		const report = await suite.checkRequests();
		expect(report.checked).toBeGreaterThanOrEqual(2);
		expect(report.problems).toEqual([]);
	});

	it('robot getAll lists the robots of the folder', async () => {
		const result = await run({ resource: 'robot', operation: 'getAll', folder: SHARED, returnAll: true, filters: { name: 'Robot' } });
		expect(result.json(NODE_NAME).map((robot) => robot.Name).sort()).toEqual([...ROBOTS].sort());
	});
});
