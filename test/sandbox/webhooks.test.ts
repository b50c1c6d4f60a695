import { createHmac } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { FAULT_INFO, FOLDERS, PROCESSES, QUEUE } from '../../sandbox/fixtures';
import { eventually, sandboxSuite, type ODataList } from './client';

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	raw: string;
	payload: Record<string, unknown> & { Type: string };
}

/** A real HTTP endpoint that keeps what Orchestrator posts to it. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ path: req.url ?? '', headers: req.headers, raw, payload: JSON.parse(raw) });
			res.writeHead(202);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const SECRET = 'a-shared-secret-for-signing';
const sign = (raw: string) => createHmac('sha256', SECRET).update(raw, 'utf8').digest('base64');

describe('sandbox Orchestrator: webhooks', () => {
	const suite = sandboxSuite({ timeScale: 20 });
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		receiver = await startReceiver();
	});
	// Runs after the suite's own afterAll, which closes the sandbox first.
	afterAll(() => receiver.close());

	const subscribe = (body: Record<string, unknown>) =>
		suite.call('POST', '/odata/Webhooks', {
			body: { Name: 'n8n', Url: `${receiver.url}/hook`, Enabled: true, AllowInsecureSsl: false, SubscribeToAllEvents: false, ...body },
		});
	const deliveriesOf = (type: string) => receiver.received.filter((entry) => entry.payload.Type === type);

	test('lists the event types it can deliver', async () => {
		const types = await suite.call<ODataList>('GET', '/odata/Webhooks/UiPath.Server.Configuration.OData.GetEventTypes');
		expect(types.json.value.map((type) => type.Name)).toEqual(
			expect.arrayContaining(['job.completed', 'job.faulted', 'job.stopped', 'job.started', 'queueItem.added', 'queueItem.transactionCompleted']),
		);
	});

	test('job events are posted, signed with HMAC-SHA256 of the raw body (base64) in X-UiPath-Signature', async () => {
		const created = await subscribe({
			Secret: SECRET,
			Events: ['job.created', 'job.started', 'job.completed', 'job.faulted', 'job.stopped'].map((EventType) => ({ EventType })),
		});
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ Name: 'n8n', Enabled: true, Secret: SECRET, Events: expect.arrayContaining([{ EventType: 'job.completed' }]) });

		const start = (ReleaseName: string) =>
			suite.call<ODataList>('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
				folder: FOLDERS.shared,
				body: { startInfo: { ReleaseName, InputArguments: '{"Amount":5}' } },
			});
		const quick = (await start(PROCESSES.quick)).json.value[0];
		const faulting = (await start(PROCESSES.faulting)).json.value[0];
		const slow = (await start(PROCESSES.slow)).json.value[0];
		await eventually(() => deliveriesOf('job.started').find((entry) => (entry.payload.Job as { Id: number }).Id === slow.Id));
		await suite.call('POST', `/odata/Jobs(${slow.Id})/UiPath.Server.Configuration.OData.StopJob`, { folder: FOLDERS.shared, body: { strategy: 'Kill' } });

		const completed = await eventually(() => deliveriesOf('job.completed')[0]);
		const faulted = await eventually(() => deliveriesOf('job.faulted')[0]);
		const stopped = await eventually(() => deliveriesOf('job.stopped')[0]);
		expect(deliveriesOf('job.created')).toHaveLength(3);

		for (const entry of [completed, faulted, stopped]) {
			expect(entry.path).toBe('/hook');
			expect(entry.headers['content-type']).toMatch(/^application\/json/);
			expect(entry.headers['x-uipath-signature']).toBe(sign(entry.raw));
		}
		const shared = [...suite.sandbox.state.store.folders.values()].find((folder) => folder.FullyQualifiedName === FOLDERS.shared);
		expect(completed.payload).toMatchObject({
			Type: 'job.completed',
			EventId: expect.stringMatching(/^[0-9a-f]{32}$/),
			Timestamp: expect.any(String),
			TenantId: suite.sandbox.state.store.tenantId,
			OrganizationUnitId: shared?.Id,
			Job: {
				Id: quick.Id,
				Key: quick.Key,
				State: 'Successful',
				OutputArguments: { Amount: 5, Total: 5 },
				InputArguments: { Amount: 5 },
				Robot: { Name: expect.any(String), MachineName: expect.any(String) },
				Release: { Name: PROCESSES.quick },
			},
		});
		expect(faulted.payload.Job).toMatchObject({ Id: faulting.Id, State: 'Faulted', Info: FAULT_INFO });
		expect(stopped.payload.Job).toMatchObject({ Id: slow.Id, State: 'Stopped' });
		expect(new Set(receiver.received.map((entry) => entry.payload.EventId)).size).toBe(receiver.received.length);
		// The receiver keeps a delivery before its 202 reaches the sandbox, which records the status only then.
		await suite.sandbox.state.webhooksIdle();
		expect(suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.type === 'job.completed')[0]).toMatchObject({ status: 202, url: `${receiver.url}/hook` });
	});

	test('queue item events: added, then the transaction result', async () => {
		await subscribe({ Name: 'queue', SubscribeToAllEvents: true });
		const added = await suite.call('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', {
			folder: FOLDERS.shared,
			body: { itemData: { Name: QUEUE, Reference: 'WH-1', SpecificContent: { InvoiceId: 'WH-1' } } },
		});
		const item = await eventually(() => deliveriesOf('queueItem.added').find((entry) => (entry.payload.QueueItem as { Id: number }).Id === added.json.Id));
		expect(item.payload.QueueItem).toMatchObject({ Reference: 'WH-1', Status: 'New', SpecificContent: { InvoiceId: 'WH-1' } });
		expect(item.headers['x-uipath-signature']).toBeUndefined();

		suite.sandbox.state.processQueueItem(added.json.Id as number, { status: 'Successful', output: { Posted: true } });
		const second = await suite.call('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', { folder: FOLDERS.shared, body: { itemData: { Name: QUEUE } } });
		suite.sandbox.state.processQueueItem(second.json.Id as number, { status: 'Failed', reason: 'Supplier blocked' });
		const done = await eventually(() => deliveriesOf('queueItem.transactionCompleted')[0]);
		const failed = await eventually(() => deliveriesOf('queueItem.transactionFailed')[0]);
		expect(done.payload.QueueItem).toMatchObject({ Id: added.json.Id, Status: 'Successful', Output: { Posted: true } });
		expect(failed.payload.QueueItem).toMatchObject({ Id: second.json.Id, Status: 'Failed', ProcessingException: { Reason: 'Supplier blocked' } });
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
});
