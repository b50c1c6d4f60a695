import { encodeFolderPath, startSandbox, type RecordedRequest, type Sandbox } from '../../sandbox';
import { BUCKETS, FOLDERS, PROCESSES, QUEUE } from '../../sandbox/fixtures';
import { ROUTES } from '../../sandbox/orchestrator';
import { openApiValidator, orchestratorPath, type OpenApiValidator } from '../support/openapi';
import { describeConformance } from '../support/uipathDescriptions';
import { clientToken, eventually, orchestratorClient, type ODataList } from './client';
import { exerciseTaskRoutes } from './tasksConformanceScenario';

/**
 * Where the sandbox deliberately differs from orchestrator.yaml, and why. The validator in test/support/openapi.ts
 * applies the first three; every other exchange must conform as it is.
 */
const DIFFERENCES = [
	{
		what: 'Properties that have no value are sent as null',
		why: "UiPath's description marks no property nullable, yet the live service sends null for unset values (StartTime of a pending job); the validator checks responses with null properties left out.",
	},
	{
		what: 'Any one of X-UIPATH-OrganizationUnitId, X-UIPATH-FolderPath, X-UIPATH-FolderPath-Encoded, X-UIPATH-FolderKey names the folder',
		why: 'uipathcli, whose copy of the description this is, marked X-UIPATH-OrganizationUnitId required; the service accepts any of the four headers.',
	},
	{
		what: 'Values of key-value maps (SpecificContent, Output of queue items) may be any JSON value',
		why: "UiPath's generator turned C# Dictionary<string, object> into maps whose values must be objects; the service stores strings, numbers and booleans there, and every UiPath client sends them.",
	},
	{
		what: 'PATCH Webhooks({key}) accepts a partial WebhookDto',
		why: 'OData PATCH is a delta: the service changes only the properties sent, while the description reuses WebhookDto with its required properties. Checked with the properties that were not sent taken from the subscription.',
	},
];

const ACTION = 'UiPath.Server.Configuration.OData';

describeConformance('sandbox Orchestrator conforms to orchestrator.yaml', () => {
	let sandbox: Sandbox;
	let validator: OpenApiValidator;
	let exchanges: RecordedRequest[];

	beforeAll(async () => {
		[sandbox, validator] = await Promise.all([startSandbox({ timeScale: 50 }), openApiValidator()]);
		const call = orchestratorClient(sandbox);
		const shared = { folder: FOLDERS.shared };
		const byId = { headers: { 'X-UIPATH-OrganizationUnitId': String([...sandbox.state.store.folders.values()][0].Id) } };
		const byEncodedPath = { headers: { 'X-UIPATH-FolderPath-Encoded': encodeFolderPath(FOLDERS.shared) } };
		sandbox.state.clearRequests();

		await call('GET', '/odata/Folders', { query: { $count: true, $orderby: 'DisplayName desc' } });
		await call('GET', `/odata/Folders(${[...sandbox.state.store.folders.keys()][0]})`);
		await call('GET', '/api/Folders/GetAllForCurrentUser', { query: { skip: 0, take: 10 } });
		const releases = await call<ODataList>('GET', '/odata/Releases', { ...byId, query: { $filter: "ProcessKey eq 'InvoiceEcho'", $top: 10 } });
		await call('GET', `/odata/Releases(${releases.json.value[0].Id})`, byEncodedPath);
		await call('GET', '/odata/Processes', { query: { $select: 'Id,Version,Title' } });
		const robots = await call<ODataList>('GET', '/odata/Robots', shared);
		await call('GET', `/odata/Robots(${robots.json.value[0].Id})`, shared);
		const sharedId = String(sandbox.state.store.folderByPath(FOLDERS.shared)?.Id);
		await call('GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=${sharedId})`, {
			headers: { 'X-UIPATH-OrganizationUnitId': sharedId },
			query: { $filter: "contains(Name, 'Robot')", $top: 10, $count: true },
		});
		await call('GET', '/odata/Sessions', { ...shared, query: { $expand: 'Robot' } });

		const started = await call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
			...shared,
			body: {
				startInfo: {
					ReleaseKey: releases.json.value[0].Key,
					Strategy: 'ModernJobsCount',
					JobsCount: 1,
					InputArguments: '{"InvoiceId":"INV-1","Amount":10}',
					Reference: 'conformance',
					JobPriority: 'High',
					RuntimeType: 'Unattended',
					Source: 'Manual',
				},
			},
		});
		await call('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
			...shared,
			body: { startInfo: { ReleaseName: PROCESSES.faulting, Strategy: 'Specific', RobotIds: [robots.json.value[1].Id] } },
		});
		const slow = await call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
			...shared,
			body: { startInfo: { ReleaseName: PROCESSES.slow, Strategy: 'JobsCount', JobsCount: 2 } },
		});
		const quickId = started.json.value[0].Id as number;
		await eventually(() => (sandbox.state.store.jobs.get(quickId)?.State === 'Successful' ? true : undefined));
		await call('GET', '/odata/Jobs', { ...shared, query: { $filter: "Reference eq 'conformance'", $expand: 'Robot,Release,Machine', $count: true } });
		await call('GET', `/odata/Jobs(${quickId})`, { ...shared, query: { $expand: 'Robot' } });
		await call('POST', `/odata/Jobs(${slow.json.value[0].Id})/${ACTION}.StopJob`, { ...shared, body: { strategy: 'SoftStop' } });
		await call('POST', `/odata/Jobs/${ACTION}.StopJobs`, { ...shared, body: { jobIds: [slow.json.value[1].Id], strategy: 'Kill' } });
		sandbox.state.jobs.finishAll();
		await call('GET', '/odata/Jobs', { ...shared, query: { $orderby: 'Id desc', $top: 10 } });

		const queues = await call<ODataList>('GET', '/odata/QueueDefinitions', shared);
		await call('GET', `/odata/QueueDefinitions(${queues.json.value[0].Id})`, shared);
		const item = await call('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', {
			...shared,
			body: {
				itemData: {
					Name: QUEUE,
					Priority: 'High',
					Reference: 'conformance-1',
					SpecificContent: { InvoiceId: 'INV-9', Amount: 9.5 },
					DueDate: '2026-12-31T12:00:00Z',
					DeferDate: '2026-12-01T08:00:00Z',
				},
			},
		});
		sandbox.state.processQueueItem(item.json.Id as number, { status: 'Successful', output: { Done: true } });
		await call('GET', '/odata/QueueItems', { ...shared, query: { $filter: "Status eq 'Successful'", $expand: 'QueueDefinition,Robot' } });
		await call('GET', `/odata/QueueItems(${item.json.Id})`, shared);
		const bulk = await call<{ FailedItems: unknown[] }>('POST', '/odata/Queues/UiPathODataSvc.BulkAddQueueItems', {
			...shared,
			body: {
				queueName: QUEUE,
				commitType: 'ProcessAllIndependently',
				queueItems: [
					{ Name: QUEUE, Reference: 'conformance-bulk-1', SpecificContent: { InvoiceId: 'INV-10' }, Priority: 'Low' },
					{ Name: QUEUE, Reference: 'conformance-1', SpecificContent: { InvoiceId: 'INV-11' } },
				],
			},
		});
		const bulkAdded = [...sandbox.state.store.queueItems.values()].find((queued) => queued.Reference === 'conformance-bulk-1');
		expect(bulk.json.FailedItems).toHaveLength(1);
		await call('DELETE', `/odata/QueueItems(${bulkAdded?.Id})`, shared);
		const buckets = await call<ODataList>('GET', '/odata/Buckets', { ...shared, query: { $filter: `Name eq '${BUCKETS.external}'`, $top: 1 } });
		const bucket = `/odata/Buckets(${buckets.json.value[0].Id})/${ACTION}`;
		const write = await call('GET', `${bucket}.GetWriteUri`, { ...shared, query: { path: 'conformance/a.txt', expiryInMinutes: 10, contentType: 'text/plain' } });
		// The file URI itself is the storage's, not an Orchestrator route: it is outside the description.
		await fetch(String(write.json.Uri), { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'text/plain' }, body: 'conformance' });
		await call('GET', `${bucket}.GetReadUri`, { ...shared, query: { path: 'conformance/a.txt', expiryInMinutes: 10 } });
		await call('GET', `${bucket}.GetFiles`, { ...shared, query: { directory: '/', recursive: true, $top: 10, $skip: 0, $count: true } });
		await call('DELETE', `${bucket}.DeleteFile`, { ...shared, query: { path: 'conformance/a.txt' } });
		// Large arguments: input uploaded as an attachment, output kept as one above the size set here.
		sandbox.state.attachments.outputFileAbove = 20;
		const attachment = await call<{ Id: string; BlobFileAccess: { Uri: string } }>('POST', '/odata/Attachments', { ...shared, body: { Name: 'input.json' } });
		await fetch(attachment.json.BlobFileAccess.Uri, {
			method: 'PUT',
			headers: { Authorization: `Bearer ${sandbox.state.credentials.personalAccessToken}` },
			body: JSON.stringify({ InvoiceId: 'INV-FILE', Amount: 5 }),
		});
		const fromFile = await call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
			...shared,
			body: { startInfo: { ReleaseName: PROCESSES.quick, Strategy: 'ModernJobsCount', JobsCount: 1, InputFile: attachment.json.Id } },
		});
		sandbox.state.jobs.finish(fromFile.json.value[0].Id as number);
		const withOutputFile = await call('GET', `/odata/Jobs(${fromFile.json.value[0].Id})`, shared);
		await call('GET', `/odata/Attachments(${String(withOutputFile.json.OutputFile)})`, shared);
		await call('DELETE', `/odata/Attachments(${attachment.json.Id})`, shared);
		const assets = await call<ODataList>('GET', '/odata/Assets', shared);
		await call('GET', `/odata/Assets(${assets.json.value[0].Id})`, shared);
		const integers = await call<ODataList>('GET', `/odata/Assets/${ACTION}.GetFiltered`, { ...shared, query: { $filter: "ValueType eq 'Integer'", $top: 5 } });
		const { LastModificationTime, ...integer } = integers.json.value[0];
		expect(LastModificationTime).toBeNull();
		await call('PUT', `/odata/Assets(${integer.Id})`, { ...shared, body: { ...integer, IntValue: 75, Value: '75' } });
		const faulted = [...sandbox.state.store.jobs.values()].find((job) => job.State === 'Faulted');
		await call('GET', '/odata/RobotLogs', {
			...shared,
			query: { $filter: `JobKey eq ${faulted?.Key} and (Level eq 'Error' or Level eq 'Fatal')`, $orderby: 'TimeStamp desc,Id desc', $top: 20 },
		});

		const hook = await call('POST', '/odata/Webhooks', {
			body: {
				Name: 'conformance',
				Url: 'http://127.0.0.1:9/unreachable',
				Enabled: true,
				Secret: 's3cret',
				SubscribeToAllEvents: false,
				AllowInsecureSsl: false,
				Events: [{ EventType: 'job.completed' }],
			},
		});
		await call('GET', '/odata/Webhooks');
		await call('GET', `/odata/Webhooks(${hook.json.Id})`);
		await call('GET', `/odata/Webhooks/${ACTION}.GetEventTypes`);
		await call('PUT', `/odata/Webhooks(${hook.json.Id})`, {
			body: { Name: 'conformance', Url: 'http://127.0.0.1:9/other', Enabled: false, SubscribeToAllEvents: true, AllowInsecureSsl: false },
		});
		await call('PATCH', `/odata/Webhooks(${hook.json.Id})`, { body: { Description: 'patched' } });
		await call('POST', `/odata/Webhooks(${hook.json.Id})/${ACTION}.Ping`);
		await call('DELETE', `/odata/Webhooks(${hook.json.Id})`);

		await call('GET', `/odata/Users/${ACTION}.GetCurrentUser`);
		await call('GET', `/odata/Users/${ACTION}.GetCurrentUser`, { token: await clientToken(sandbox, 'OR.Users.Read') });
		await exerciseTaskRoutes(sandbox, call);
		await sandbox.state.webhooksIdle();
		exchanges = sandbox.state.requests.filter((entry) => orchestratorPath(entry.path) !== undefined && entry.status > 0);
	});
	afterAll(() => sandbox.close());

	test('the scenario reached every route and the sandbox accepted every request', () => {
		const missed = ROUTES.filter(
			(route) => !exchanges.some((entry) => entry.method === route.method && route.pattern.test(orchestratorPath(entry.path) ?? '')),
		);
		expect(missed.map((route) => `${route.method} ${route.pattern.source}`)).toEqual([]);
		expect(exchanges.filter((entry) => entry.status >= 400).map((entry) => `${entry.method} ${entry.path} ${entry.status} ${entry.responseBody}`)).toEqual([]);
		expect(DIFFERENCES.every((difference) => difference.what && difference.why)).toBe(true);
	});

	test('every accepted request conforms', () => {
		const problems = exchanges.flatMap((entry) => {
			let checked = entry;
			if (entry.method === 'PATCH' && /\/odata\/Webhooks\(\d+\)$/.test(entry.path)) {
				// Third listed difference: a delta, checked merged onto the subscription as it was answered.
				const after = Object.entries(JSON.parse(entry.responseBody) as Record<string, unknown>).filter(([, value]) => value !== null);
				checked = { ...entry, body: JSON.stringify({ ...Object.fromEntries(after), ...JSON.parse(entry.body) }) };
			}
			const result = validator.validateRequest(checked);
			return result.valid ? [] : [`${entry.method} ${entry.path} (${result.operationId}): ${result.errors.join('; ')}`];
		});
		expect(problems).toEqual([]);
	});

	test('every response body conforms to the schema of its operation and status', () => {
		const checked = exchanges.map((entry) => ({ entry, result: validator.validateResponse(entry) }));
		const problems = checked
			.filter(({ result }) => !result.valid)
			.map(({ entry, result }) => `${entry.method} ${entry.path} ${entry.status} (${result.operationId}): ${result.errors.slice(0, 5).join('; ')}`);
		expect(problems).toEqual([]);
		expect(checked.filter(({ result }) => result.skipped).map(({ entry, result }) => `${entry.method} ${entry.path}: ${result.skipped}`)).toEqual([]);
	});

	test('the validator catches a body that does not conform', () => {
		const start = exchanges.find((entry) => entry.path.endsWith('.StartJobs'));
		expect(start).toBeDefined();
		if (!start) return;
		const broken = { ...start, body: JSON.stringify({ startInfo: { ReleaseKey: 1, Strategy: 'Sometimes', JobsCount: 'two' } }) };
		const request = validator.validateRequest(broken);
		expect(request.valid).toBe(false);
		expect(request.errors.join('\n')).toMatch(/Strategy[\s\S]*JobsCount|JobsCount[\s\S]*Strategy/);
		const response = validator.validateResponse({ ...start, responseBody: JSON.stringify({ value: [{ Id: 'one', State: 'Exploded' }] }) });
		expect(response.valid).toBe(false);
		expect(validator.validateRequest({ ...start, headers: { ...start.headers, 'x-uipath-folderpath': undefined } }).valid).toBe(false);
	});
});
