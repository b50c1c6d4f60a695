import { ASSET, ASSET_VALUE, FOLDERS, QUEUE, USER_EMAIL, USER_NAME } from '../../sandbox/fixtures';
import { clientToken, type ODataList, sandboxSuite } from './client';

const ADD = '/odata/Queues/UiPathODataSvc.AddQueueItem';

describe('sandbox Orchestrator: queues, queue items, assets, robots, processes, current user', () => {
	const suite = sandboxSuite();

	const add = (itemData: Record<string, unknown>, folder: string = FOLDERS.shared) => suite.call('POST', ADD, { folder, body: { itemData } });

	test(`the queue ${QUEUE} lives in ${FOLDERS.shared} with a few items in several states`, async () => {
		const queues = await suite.call<ODataList>('GET', '/odata/QueueDefinitions', { folder: FOLDERS.shared });
		expect(queues.json.value.map((queue) => queue.Name)).toEqual([QUEUE]);
		const queue = queues.json.value[0];
		expect((await suite.call('GET', `/odata/QueueDefinitions(${queue.Id})`, { folder: FOLDERS.shared })).json.Name).toBe(QUEUE);
		const items = await suite.call<ODataList>('GET', '/odata/QueueItems', { folder: FOLDERS.shared, query: { $count: true } });
		expect(items.json['@odata.count']).toBeGreaterThanOrEqual(3);
		expect(new Set(items.json.value.map((item) => item.Status))).toEqual(new Set(['New', 'Successful', 'Failed']));
		const fresh = await suite.call<ODataList>('GET', '/odata/QueueItems', {
			folder: FOLDERS.shared,
			query: { $filter: `QueueDefinitionId eq ${queue.Id} and Status eq 'New'`, $expand: 'QueueDefinition' },
		});
		expect(fresh.json.value.every((item) => (item.QueueDefinition as { Name: string }).Name === QUEUE)).toBe(true);
	});

	test('AddQueueItem creates a New item (201) readable by id and filterable by Reference', async () => {
		const created = await add({
			Name: QUEUE,
			Priority: 'High',
			Reference: 'INV-2001',
			SpecificContent: { InvoiceId: 'INV-2001', Amount: 42 },
			DueDate: '2026-12-24T17:00:00Z',
		});
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			'@odata.context': expect.stringMatching(/#QueueItems\/\$entity$/),
			Status: 'New',
			Priority: 'High',
			Reference: 'INV-2001',
			SpecificContent: { InvoiceId: 'INV-2001', Amount: 42 },
			DueDate: '2026-12-24T17:00:00.000Z',
		});
		const byId = await suite.call('GET', `/odata/QueueItems(${created.json.Id})`, { folder: FOLDERS.shared });
		expect(byId.json.Key).toBe(created.json.Key);
		const found = await suite.call<ODataList>('GET', '/odata/QueueItems', { folder: FOLDERS.shared, query: { $filter: "Reference eq 'INV-2001'" } });
		expect(found.json.value.map((item) => item.Id)).toEqual([created.json.Id]);
	});

	test('a queue that enforces unique references refuses a duplicate with 409 and errorCode 1016', async () => {
		expect((await add({ Name: QUEUE, Reference: 'INV-3001' })).status).toBe(201);
		const duplicate = await add({ Name: QUEUE, Reference: 'inv-3001' });
		expect(duplicate.status).toBe(409);
		expect(duplicate.json).toEqual({ message: 'Error creating Transaction. Duplicate Reference.', errorCode: 1016, traceId: expect.any(String) });
		expect((await add({ Name: QUEUE })).status).toBe(201);
	});

	test.each([
		[{}, 400, /itemData\.Name \(the queue name\) is required/],
		[{ Name: 'Payroll' }, 404, /Queue 'Payroll' does not exist in folder 'Shared'/],
		[{ Name: QUEUE, Priority: 'Urgent' }, 400, /itemData\.Priority must be one of High, Normal, Low/],
		[{ Name: QUEUE, SpecificContent: [1] }, 400, /itemData\.SpecificContent must be a JSON object/],
		[{ Name: QUEUE, Reference: 'r'.repeat(129) }, 400, /itemData\.Reference is 129 characters long/],
		[{ Name: QUEUE, DueDate: 'tomorrow' }, 400, /itemData\.DueDate must be an ISO 8601 date-time/],
	])('itemData %j answers %i', async (itemData, status, message) => {
		const answer = await add(itemData);
		expect(answer.status).toBe(status);
		expect(answer.json.message).toMatch(message);
	});

	test('the queue is not visible from another folder', async () => {
		expect((await add({ Name: QUEUE }, FOLDERS.invoices)).status).toBe(404);
		expect((await suite.call<ODataList>('GET', '/odata/QueueItems', { folder: FOLDERS.invoices })).json.value).toEqual([]);
	});

	test(`the asset ${ASSET} holds its text value`, async () => {
		const assets = await suite.call<ODataList>('GET', '/odata/Assets', { folder: FOLDERS.shared, query: { $filter: `Name eq '${ASSET}'` } });
		expect(assets.json.value).toHaveLength(1);
		expect(assets.json.value[0]).toMatchObject({ Name: ASSET, ValueType: 'Text', Value: ASSET_VALUE, StringValue: ASSET_VALUE });
		const byId = await suite.call('GET', `/odata/Assets(${assets.json.value[0].Id})`, { folder: FOLDERS.shared });
		expect(byId.json.Name).toBe(ASSET);
		expect((await suite.call('GET', `/odata/Assets(${assets.json.value[0].Id})`, { folder: FOLDERS.invoices })).status).toBe(404);
	});

	test('robots, sessions and the process feed', async () => {
		const robots = await suite.call<ODataList>('GET', '/odata/Robots', { folder: FOLDERS.shared });
		expect(robots.json.value.map((robot) => robot.Name)).toEqual(['Robot-01', 'Robot-02']);
		expect((await suite.call<ODataList>('GET', '/odata/Robots', { folder: FOLDERS.finance })).json.value).toEqual([]);
		const sessions = await suite.call<ODataList>('GET', '/odata/Sessions', { folder: FOLDERS.shared });
		expect(sessions.json.value.map((session) => session.State)).toEqual(['Available', 'Available']);
		const processes = await suite.call<ODataList>('GET', '/odata/Processes', { query: { $select: 'Id,Version' } });
		expect(processes.json.value).toEqual([
			{ Id: 'AlwaysFaults', Version: '1.2.0' },
			{ Id: 'InvoiceEcho', Version: '1.0.3' },
			{ Id: 'MonthEndReport', Version: '2.0.1' },
		]);
	});

	test('GetCurrentUser answers the signed-in person, or the application for client credentials', async () => {
		const path = '/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser';
		const person = await suite.call('GET', path);
		expect(person.json).toMatchObject({ UserName: USER_NAME, EmailAddress: USER_EMAIL, TenancyName: 'DefaultTenant', Type: 'DirectoryUser' });
		const application = await suite.call('GET', path, { token: await clientToken(suite.sandbox, 'OR.Users.Read') });
		expect(application.json).toMatchObject({
			UserName: suite.sandbox.state.credentials.clientCredentials.clientId,
			Type: 'DirectoryExternalApplication',
			EmailAddress: null,
		});
	});

	test('state.processQueueItem plays the robot: the item ends Successful with its output', async () => {
		const created = await add({ Name: QUEUE, Reference: 'INV-4001' });
		suite.sandbox.state.processQueueItem(created.json.Id as number, { status: 'Successful', output: { PostedDocument: 'DOC-1' } });
		const item = await suite.call('GET', `/odata/QueueItems(${created.json.Id})`, { folder: FOLDERS.shared });
		expect(item.json).toMatchObject({ Status: 'Successful', Output: { PostedDocument: 'DOC-1' } });
		expect(() => suite.sandbox.state.processQueueItem(created.json.Id as number, { status: 'Failed' })).toThrow(/is Successful, not New/);
	});
});
