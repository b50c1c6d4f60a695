import { QUEUE } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, nodeError, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

describe('queue item get, add many and delete', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials']);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: Parameters<Suite['run']>[1], options?: Parameters<Suite['run']>[2]) => await suite.run('clientCredentials', parameters, options);
	const seededOrUndefined = (reference: string) => [...suite.sandbox.state.store.queueItems.values()].find((item) => item.Reference === reference);
	const seeded = (reference: string) => seededOrUndefined(reference)!;
	const bulkRequests = () => suite.apiRequests().filter((request) => request.path.endsWith('.BulkAddQueueItems'));

	it('get returns an item by Id with its Status, Output and ProcessingException', async () => {
		const done = await run({ resource: 'queueItem', operation: 'get', folder: SHARED, queueItemId: String(seeded('INV-1001').Id) });
		expect(done.json(NODE_NAME)).toEqual([expect.objectContaining({ Id: seeded('INV-1001').Id, Status: 'Successful', Output: { PostedDocument: 'DOC-55001' } })]);
		expect(done.json(NODE_NAME)[0]).not.toHaveProperty(['@odata.context']);
		const failed = await run({ resource: 'queueItem', operation: 'get', folder: SHARED, queueItemId: String(seeded('INV-1002').Id) });
		expect(failed.json(NODE_NAME)[0]).toMatchObject({ Status: 'Failed', ProcessingException: { Reason: 'Supplier is blocked in the ERP', Type: 'BusinessException' } });
	});

	it('get and delete refuse an Id that is not a number before any request; UiPath\'s 404 is explained', async () => {
		suite.sandbox.state.clearRequests();
		const bad = await run({ resource: 'queueItem', operation: 'delete', folder: SHARED, queueItemId: 'INV-1003' });
		expect(nodeError(bad).message).toBe('Queue Item ID (queueItemId) in item 0 "INV-1003" is not a queue item ID (a whole number)');
		expect(suite.apiRequests()).toEqual([]);
		const missing = await run({ resource: 'queueItem', operation: 'get', folder: SHARED, queueItemId: '999999' });
		expect(nodeError(missing)).toMatchObject({ message: 'Queue item 999999 does not exist. [error 1002]', httpCode: '404' });
		expect(nodeError(missing).description).toMatch(/Check the ID or name/);
	});

	it('delete marks a New item Deleted; an item a robot has processed is refused with UiPath\'s reason', async () => {
		const item = seeded('INV-1004');
		const deleted = await run({ resource: 'queueItem', operation: 'delete', folder: SHARED, queueItemId: String(item.Id) });
		expect(deleted.json(NODE_NAME)).toEqual([{ Id: item.Id, deleted: true }]);
		expect(item.Status).toBe('Deleted');
		const refused = await run({ resource: 'queueItem', operation: 'delete', folder: SHARED, queueItemId: String(seeded('INV-1001').Id) });
		expect(nodeError(refused)).toMatchObject({ httpCode: '400' });
		expect(nodeError(refused).message).toMatch(/only items in status New can be deleted, and it is Successful/);
	});

	it('add many sends one BulkAddQueueItems request per 1,000 input items and outputs one item per queue item', async () => {
		const items = Array.from({ length: 2500 }, (_, index) => ({ invoice: `BULK-${index}` }));
		const before = suite.sandbox.state.store.queueItems.size;
		const result = await run(
			{
				resource: 'queueItem',
				operation: 'addMany',
				folder: SHARED,
				queue: locator('list', QUEUE),
				specificContent: '={{ JSON.stringify({ InvoiceId: $json.invoice }) }}',
				commitType: 'ProcessAllIndependently',
				options: { priority: 'High', reference: '={{ $json.invoice }}' },
			},
			{ items },
		);
		const output = result.items(NODE_NAME);
		expect(output).toHaveLength(2500);
		expect(output[1234]).toEqual({
			json: { Name: QUEUE, SpecificContent: { InvoiceId: 'BULK-1234' }, Reference: 'BULK-1234', Priority: 'High' },
			pairedItem: { item: 1234 },
		});
		expect(bulkRequests().map((request) => JSON.parse(request.body).queueItems.length)).toEqual([1000, 1000, 500]);
		expect(JSON.parse(bulkRequests()[0].body)).toMatchObject({ queueName: QUEUE, commitType: 'ProcessAllIndependently' });
		expect(suite.sandbox.state.store.queueItems.size).toBe(before + 2500);
	});

	it('add many pairs each refused queue item with its input item; All or Nothing fails the whole request', async () => {
		const parameters = {
			resource: 'queueItem',
			operation: 'addMany',
			folder: SHARED,
			// A plain string, as workflows saved before the queue picker was a resource locator hold it.
			queue: QUEUE,
			specificContent: '={{ JSON.stringify({ InvoiceId: $json.ref }) }}',
			options: { reference: '={{ $json.ref }}' },
		};
		const items = [{ ref: 'MANY-1' }, { ref: 'INV-1001' }, { ref: 'MANY-2' }];
		const independent = await run({ ...parameters, commitType: 'ProcessAllIndependently' }, { items, continueOnFail: true });
		const output = independent.items(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ Reference: 'MANY-1' });
		expect(output[1].json.error).toBe('Queue item of input item 1 (reference INV-1001) was not added to queue "Invoices": Error creating Transaction. Duplicate Reference.');
		expect(output[1].json.description).toMatch(/unique references/);
		expect(output[2].json).toMatchObject({ Reference: 'MANY-2' });

		const allOrNothing = await run({ ...parameters, commitType: 'AllOrNothing' }, { items: [{ ref: 'MANY-3' }, { ref: 'INV-1001' }] });
		expect(nodeError(allOrNothing).message).toMatch(/input item 0 \(reference MANY-3\) was not added.*another item of the same request was refused/);
		expect(nodeError(allOrNothing).context?.itemIndex).toBe(0);
		expect(seededOrUndefined('MANY-3')).toBeUndefined();
	});

	it('add many refuses bad input before any request unless Continue On Fail is on', async () => {
		suite.sandbox.state.clearRequests();
		const parameters = { resource: 'queueItem', operation: 'addMany', folder: SHARED, queue: locator('name', QUEUE), specificContent: '={{ $json.content }}' };
		const items = [{ content: '{"InvoiceId": "OK-1"}' }, { content: '{not json' }];
		const failed = await run(parameters, { items });
		expect(nodeError(failed).message).toMatch(/^Specific Content \(specificContent\) in item 1 is not valid JSON/);
		expect(suite.apiRequests()).toEqual([]);
		const continued = await run(parameters, { items, continueOnFail: true });
		expect(continued.items(NODE_NAME).map((item) => [item.pairedItem, item.json.error === undefined])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
		]);
		expect(bulkRequests().map((request) => JSON.parse(request.body).queueItems.length)).toEqual([1]);
	});

	it('get many filters by a queue from the picker or, as older workflows saved it, by its plain name', async () => {
		for (const queueName of [locator('list', QUEUE), QUEUE]) {
			const result = await run({ resource: 'queueItem', operation: 'getAll', folder: SHARED, returnAll: true, filters: { queueName, reference: 'INV-1001' } });
			expect(result.json(NODE_NAME).map((item) => item.Reference)).toEqual(['INV-1001']);
		}
	});

	it('add takes a queue saved as a plain string, as older workflows hold it', async () => {
		const result = await run({ resource: 'queueItem', operation: 'add', folder: SHARED, queue: QUEUE, specificContent: '{"InvoiceId": "STR-1"}' });
		expect(result.json(NODE_NAME)[0]).toMatchObject({ SpecificContent: { InvoiceId: 'STR-1' }, Status: 'New' });
	});
});
