import { createHmac } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { FAULT_INFO, FOLDERS, PROCESSES, QUEUE } from '../../sandbox/fixtures';
import { addQueueItem as addStoredQueueItem } from '../../sandbox/orchestrator/store/seed';
import { openApiValidator, type OpenApiValidator } from '../support/openapi';
import { descriptionsAvailable, itConforms } from '../support/uipathDescriptions';
import { eventually, sandboxSuite, type ODataList } from './client';

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	raw: string;
	payload: Record<string, unknown> & { Type: string };
}

/** A real HTTP endpoint that keeps what Orchestrator posts to it; `statusFor` chooses each answer by path. */
async function startReceiver(): Promise<{
	url: string;
	received: Received[];
	statusFor: Record<string, number>;
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	const statusFor: Record<string, number> = {};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ path: req.url ?? '', headers: req.headers, raw, payload: JSON.parse(raw) });
			res.writeHead(statusFor[req.url ?? ''] ?? 202);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		statusFor,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const SECRET = 'a-shared-secret-for-signing';
const sign = (raw: string) => createHmac('sha256', SECRET).update(raw, 'utf8').digest('base64');

type Entity = Record<string, unknown>;

describe('sandbox Orchestrator: webhooks', () => {
	const suite = sandboxSuite({ timeScale: 20 });
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	// Only the schema check needs UiPath's description; every other test here runs without it.
	let validator: OpenApiValidator | undefined;

	beforeAll(async () => {
		[receiver, validator] = await Promise.all([startReceiver(), descriptionsAvailable ? openApiValidator() : undefined]);
	});
	// Runs after the suite's own afterAll, which closes the sandbox first.
	afterAll(() => receiver.close());

	const subscribe = (body: Record<string, unknown>) =>
		suite.call('POST', '/odata/Webhooks', {
			body: { Name: 'n8n', Url: `${receiver.url}/hook`, Enabled: true, AllowInsecureSsl: false, SubscribeToAllEvents: false, ...body },
		});
	const deliveriesOf = (type: string, path = '/hook') => receiver.received.filter((entry) => entry.payload.Type === type && entry.path === path);
	const start = (ReleaseName: string, JobsCount = 1) =>
		suite.call<ODataList>('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
			folder: FOLDERS.shared,
			body: { startInfo: { ReleaseName, Strategy: 'ModernJobsCount', JobsCount, InputArguments: '{"Amount":5}' } },
		});
	const addQueueItem = (itemData: Record<string, unknown>) =>
		suite.call('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', { folder: FOLDERS.shared, body: { itemData: { Name: QUEUE, ...itemData } } });

	test('lists the event types it can deliver', async () => {
		const types = await suite.call<ODataList>('GET', '/odata/Webhooks/UiPath.Server.Configuration.OData.GetEventTypes');
		expect(types.json.value.map((type) => type.Name)).toEqual(
			expect.arrayContaining(['job.completed', 'job.faulted', 'job.stopped', 'job.started', 'queueItem.added', 'queueItem.transactionCompleted']),
		);
	});

	test('job events are posted in UiPath\'s shapes, signed with HMAC-SHA256 of the raw body (base64) in X-UiPath-Signature', async () => {
		const created = await subscribe({
			Secret: SECRET,
			Events: ['job.created', 'job.started', 'job.completed', 'job.faulted', 'job.stopped'].map((EventType) => ({ EventType })),
		});
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ Name: 'n8n', Enabled: true, Secret: SECRET, Events: expect.arrayContaining([{ EventType: 'job.completed' }]) });

		const quick = (await start(PROCESSES.quick)).json.value[0];
		const faulting = (await start(PROCESSES.faulting)).json.value[0];
		const slow = (await start(PROCESSES.slow)).json.value[0];
		await eventually(() => deliveriesOf('job.started').find((entry) => (entry.payload.Job as Entity).Id === slow.Id));
		await suite.call('POST', `/odata/Jobs(${slow.Id})/UiPath.Server.Configuration.OData.StopJob`, { folder: FOLDERS.shared, body: { strategy: 'Kill' } });

		const completed = await eventually(() => deliveriesOf('job.completed')[0]);
		const faulted = await eventually(() => deliveriesOf('job.faulted')[0]);
		const stopped = await eventually(() => deliveriesOf('job.stopped')[0]);
		// One job.created per StartJobs call, with the start request and its jobs.
		expect(deliveriesOf('job.created').map((entry) => (entry.payload.Jobs as Entity[]).map((job) => job.Id))).toEqual([[quick.Id], [faulting.Id], [slow.Id]]);
		expect(deliveriesOf('job.created')[0].payload).toMatchObject({
			StartInfo: { Strategy: 'ModernJobsCount', JobsCount: 1, Source: 'Manual' },
			Jobs: [{ State: 'Pending', ReleaseName: PROCESSES.quick, InputArguments: { Amount: 5 } }],
		});

		for (const entry of [completed, faulted, stopped]) {
			expect(entry.path).toBe('/hook');
			expect(entry.headers['content-type']).toMatch(/^application\/json/);
			expect(entry.headers['x-uipath-signature']).toBe(sign(entry.raw));
		}
		const shared = [...suite.sandbox.state.store.folders.values()].find((folder) => folder.FullyQualifiedName === FOLDERS.shared);
		expect(completed.payload).toMatchObject({
			Type: 'job.completed',
			EventId: expect.stringMatching(/^[0-9a-f]{32}$/),
			EntityKey: quick.Key,
			Timestamp: expect.any(String),
			TenantId: suite.sandbox.state.store.tenantId,
			OrganizationUnitId: shared?.Id,
			Job: {
				Id: quick.Id,
				Key: quick.Key,
				State: 'Successful',
				OutputArguments: { Amount: 5, Total: 5 },
				Robot: { Name: expect.any(String), MachineName: expect.any(String) },
				Release: { Name: PROCESSES.quick, ProcessKey: expect.any(String) },
			},
		});
		// SimpleJobEventDto: the process is Job.Release; no InputArguments, no ReleaseName.
		expect(completed.payload.Job).not.toHaveProperty('InputArguments');
		expect(completed.payload.Job).not.toHaveProperty('ReleaseName');
		expect(faulted.payload.Job).toMatchObject({ Id: faulting.Id, State: 'Faulted', Info: FAULT_INFO, Error: { detail: FAULT_INFO } });
		expect(stopped.payload).not.toHaveProperty('Job');
		expect(stopped.payload.Jobs).toEqual([expect.objectContaining({ Id: slow.Id, State: 'Stopped' })]);
		expect(new Set(receiver.received.map((entry) => entry.payload.EventId)).size).toBe(receiver.received.length);
		// The receiver keeps a delivery before its 202 reaches the sandbox, which records the status only then.
		await suite.sandbox.state.webhooksIdle();
		expect(suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.type === 'job.completed')[0]).toMatchObject({ status: 202, url: `${receiver.url}/hook` });
	});

	test('StopJobs of three jobs sends one job.stopped carrying the three jobs', async () => {
		const jobs = (await start(PROCESSES.slow, 3)).json.value;
		const ids = jobs.map((job) => job.Id as number);
		await eventually(() => {
			const started = new Set(deliveriesOf('job.started').map((entry) => (entry.payload.Job as Entity).Id));
			return ids.every((id) => started.has(id)) ? true : undefined;
		});
		const before = deliveriesOf('job.stopped').length;
		const answer = await suite.call('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StopJobs', {
			folder: FOLDERS.shared,
			body: { jobIds: ids, strategy: 'SoftStop' },
		});
		expect(answer.status).toBe(200);
		const event = await eventually(() => deliveriesOf('job.stopped')[before]);
		expect((event.payload.Jobs as Entity[]).map((job) => [job.Id, job.State]).sort()).toEqual(ids.map((id) => [id, 'Stopped']).sort());
		await suite.sandbox.state.webhooksIdle();
		expect(deliveriesOf('job.stopped')).toHaveLength(before + 1);
	});

	test('queue item events: added (QueueItems and Queue), then the transaction result (QueueItem and Queue)', async () => {
		await subscribe({ Name: 'queue', SubscribeToAllEvents: true });
		const added = await addQueueItem({ Reference: 'WH-1', SpecificContent: { InvoiceId: 'WH-1' } });
		const event = await eventually(() => deliveriesOf('queueItem.added').find((entry) => (entry.payload.QueueItems as Entity[])[0].Id === added.json.Id));
		expect(event.payload).toMatchObject({
			EventId: expect.any(String),
			Queue: { Name: QUEUE },
			QueueItems: [{ Reference: 'WH-1', Status: 'New', SpecificContent: { InvoiceId: 'WH-1' } }],
		});
		expect(event.headers['x-uipath-signature']).toBeUndefined();

		suite.sandbox.state.processQueueItem(added.json.Id as number, { status: 'Successful', output: { Posted: true } });
		const second = await addQueueItem({});
		suite.sandbox.state.processQueueItem(second.json.Id as number, { status: 'Failed', reason: 'Supplier blocked' });
		const done = await eventually(() => deliveriesOf('queueItem.transactionCompleted')[0]);
		const failed = await eventually(() => deliveriesOf('queueItem.transactionFailed')[0]);
		expect(done.payload).toMatchObject({ Queue: { Name: QUEUE }, QueueItem: { Id: added.json.Id, Status: 'Successful', Output: { Posted: true } } });
		expect(failed.payload.QueueItem).toMatchObject({ Id: second.json.Id, Status: 'Failed', ProcessingException: { Reason: 'Supplier blocked' } });
	});

	test('the dispatcher sends items added together as one queueItem.added event (BulkAddQueueItems)', async () => {
		const { store, webhooks } = suite.sandbox.state;
		const shared = store.folderByPath(FOLDERS.shared);
		const queue = shared && store.queueByName(shared.Id, QUEUE);
		if (!queue) throw new Error(`the sandbox has no ${QUEUE} queue in ${FOLDERS.shared}`);
		const items = ['BULK-1', 'BULK-2'].map((Reference) => addStoredQueueItem(store, queue.Id, { Reference, CreationTime: new Date().toISOString() }));
		const before = deliveriesOf('queueItem.added').length;
		webhooks.queueItemsAdded(store, queue, items);
		const event = await eventually(() => deliveriesOf('queueItem.added')[before]);
		expect((event.payload.QueueItems as Entity[]).map((item) => item.Reference)).toEqual(['BULK-1', 'BULK-2']);
		expect(event.payload).toMatchObject({ Queue: { Id: queue.Id }, OrganizationUnitId: shared.Id });
	});

	test('a failed delivery opens the subscription\'s circuit breaker: later events are skipped, never retried, until it closes', async () => {
		const failing = await subscribe({ Name: 'failing', Url: `${receiver.url}/down`, Events: [{ EventType: 'queueItem.added' }] });
		const id = failing.json.Id as number;
		receiver.statusFor['/down'] = 500;
		const { state } = suite.sandbox;
		const scale = state.jobs.timeScale;
		// One hour of the sandbox's clock lasts 200 ms of real time from here on.
		state.jobs.timeScale = 3_600_000 / 200;
		try {
			await addQueueItem({ Reference: 'CB-1' });
			await state.webhooksIdle();
			expect(state.webhooks.isBreakerOpen(id)).toBe(true);
			await addQueueItem({ Reference: 'CB-2' });
			await state.webhooksIdle();
			const tried = state.webhookDeliveries.filter((delivery) => delivery.webhookId === id);
			expect(tried.map((delivery) => [delivery.status, delivery.skipped])).toEqual([
				[500, undefined],
				[undefined, true],
			]);
			expect(deliveriesOf('queueItem.added', '/down')).toHaveLength(1);

			receiver.statusFor['/down'] = 200;
			await eventually(() => (state.webhooks.isBreakerOpen(id) ? undefined : true));
			await addQueueItem({ Reference: 'CB-3' });
			await state.webhooksIdle();
			const references = deliveriesOf('queueItem.added', '/down').map((entry) => (entry.payload.QueueItems as Entity[])[0].Reference);
			// CB-2 is lost for good: UiPath does not send skipped events once the breaker closes.
			expect(references).toEqual(['CB-1', 'CB-3']);
			expect(state.webhooks.isBreakerOpen(id)).toBe(false);
		} finally {
			state.jobs.timeScale = scale;
		}
	});

	test('subscriptions can be read, changed, pinged and deleted; a disabled one receives nothing', async () => {
		const created = await subscribe({ Name: 'crud', Events: [{ EventType: 'queueItem.added' }], Secret: SECRET });
		const id = created.json.Id as number;
		expect((await suite.call('GET', `/odata/Webhooks(${id})`)).json.Name).toBe('crud');
		const list = await suite.call<ODataList>('GET', '/odata/Webhooks', { query: { $filter: "Name eq 'crud'" } });
		expect(list.json.value).toHaveLength(1);

		const ping = await suite.call('POST', `/odata/Webhooks(${id})/UiPath.Server.Configuration.OData.Ping`);
		expect(ping.status).toBe(202);
		expect(ping.json).toMatchObject({ Type: 'ping', EventId: expect.any(String), TenantId: suite.sandbox.state.store.tenantId });
		const pinged = await eventually(() => deliveriesOf('ping')[0]);
		expect(pinged.headers['x-uipath-signature']).toBe(sign(pinged.raw));

		const patched = await suite.call('PATCH', `/odata/Webhooks(${id})`, { body: { Enabled: false } });
		expect(patched.json).toMatchObject({ Enabled: false, Name: 'crud', Url: `${receiver.url}/hook` });
		const before = suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.webhookId === id).length;
		await suite.call('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', { folder: FOLDERS.shared, body: { itemData: { Name: QUEUE } } });
		await suite.sandbox.state.webhooksIdle();
		expect(suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.webhookId === id)).toHaveLength(before);

		const put = await suite.call('PUT', `/odata/Webhooks(${id})`, {
			body: { Name: 'renamed', Url: `${receiver.url}/other`, Enabled: true, AllowInsecureSsl: false, SubscribeToAllEvents: true },
		});
		expect(put.json).toMatchObject({ Name: 'renamed', SubscribeToAllEvents: true, Secret: null });
		expect((await suite.call('DELETE', `/odata/Webhooks(${id})`)).status).toBe(204);
		expect((await suite.call('GET', `/odata/Webhooks(${id})`)).status).toBe(404);
	});

	test.each([
		[{ Url: undefined }, /Url is required/],
		[{ Url: 'not a url' }, /is not an absolute URL/],
		[{ Url: 'ftp://example.test/x' }, /Url must use http or https/],
		[{ Name: '' }, /Name is required/],
		[{ Events: [] }, /Events must list at least one event type when SubscribeToAllEvents is false/],
		[{ Events: [{ EventType: 'job.exploded' }] }, /Events\[0\]\.EventType 'job\.exploded' is not a known event type/],
		[{ SubscribeToAllEvents: 'yes' }, /SubscribeToAllEvents must be true or false/],
	])('a subscription %j is refused', async (body, message) => {
		const answer = await subscribe({ Events: [{ EventType: 'job.completed' }], ...body });
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(message);
	});

	test('a disabled subscription gets nothing; each delivery names its jobs, counted per job; runDuration sets how long a job runs', async () => {
		expect((await subscribe({ Url: `${receiver.url}/off`, Enabled: false, Events: [{ EventType: 'job.completed' }] })).status).toBe(201);
		suite.sandbox.state.jobs.runDuration = (job) => (job.ReleaseName === PROCESSES.quick ? 60_000 : undefined);
		const started = await start(PROCESSES.quick);
		const id = Number((started.json.value[0] as Entity).Id);
		const job = () => suite.sandbox.state.store.jobs.get(id);
		await eventually(() => (job()?.State === 'Running' ? true : undefined));
		// 2 s of sandbox time is the process's own run; at timeScale 20 that is 100 ms: wait three times that.
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(job()?.State).toBe('Running');
		suite.sandbox.state.jobs.runDuration = undefined;
		suite.sandbox.state.jobs.finish(id);
		await suite.sandbox.state.webhooksIdle();

		expect(deliveriesOf('job.completed', '/off')).toEqual([]);
		const completed = suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.type === 'job.completed' && (JSON.parse(delivery.body) as { Job: Entity }).Job.Id === id);
		expect(completed.length).toBeGreaterThan(0);
		expect(completed.every((delivery) => delivery.jobIds.length === 1 && delivery.jobIds[0] === id)).toBe(true);
		expect(suite.sandbox.state.webhooks.deliveriesPerJob(['job.completed']).get(id)).toBe(completed.length);
	});

	itConforms('every delivery the sandbox sent in this suite validates against its x-webhook-event schema', async () => {
		const schemas = validator as OpenApiValidator;
		await suite.sandbox.state.webhooksIdle();
		const deliveries = suite.sandbox.state.webhookDeliveries;
		expect(new Set(deliveries.map((delivery) => delivery.type))).toEqual(
			new Set([
				'job.created', 'job.started', 'job.completed', 'job.faulted', 'job.stopped', 'ping', 'queueItem.added',
				'queueItem.transactionStarted', 'queueItem.transactionCompleted', 'queueItem.transactionFailed',
			]),
		);
		const problems = deliveries
			.map((delivery) => ({ delivery, result: schemas.validateWebhookEvent(delivery.body) }))
			.filter(({ result }) => !result.valid)
			.map(({ delivery, result }) => `${delivery.type} (${String(result.operationId)}): ${result.errors.join('; ')}`);
		expect(problems).toEqual([]);

		// The check has teeth: the fields the old payloads carried are refused by UiPath's DTOs.
		const completed = JSON.parse(deliveries.find((delivery) => delivery.type === 'job.completed')?.body ?? '{}') as { Job: Entity };
		const withOldFields = { ...completed, Job: { ...completed.Job, InputArguments: {}, ReleaseName: 'x' } };
		expect(schemas.validateWebhookEvent(JSON.stringify(withOldFields)).errors.join(' ')).toMatch(/additionalProperty/);
		const singleStopped = { ...completed, Type: 'job.stopped' };
		expect(schemas.validateWebhookEvent(JSON.stringify(singleStopped)).valid).toBe(false);
	});
});
