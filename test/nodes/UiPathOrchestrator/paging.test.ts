import { expectConformingRequests, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

/** The seeded Shared folder holds three processes; the bulk seed adds the rest. */
const SEEDED_RELEASES = 3;
const TOTAL = 2500;
/** The seeded Invoices queue in Shared holds five items. */
const SEEDED_QUEUE_ITEMS = 5;

describe('OData paging', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { seed: { releases: TOTAL - SEEDED_RELEASES } });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const releaseRequests = () => suite.apiRequests().filter((request) => request.path.endsWith('/odata/Releases'));

	it('returns all 2,500 processes in 3 requests of $top=1000 and rising $skip', async () => {
		const result = await suite.run('clientCredentials', { resource: 'release', operation: 'getAll', folder: SHARED, returnAll: true });
		const releases = result.json(NODE_NAME);
		expect(releases).toHaveLength(TOTAL);
		expect(new Set(releases.map((release) => release.Id)).size).toBe(TOTAL);
		expect(releaseRequests().map((request) => [request.query.$top, request.query.$skip])).toEqual([
			['1000', '0'],
			['1000', '1000'],
			['1000', '2000'],
		]);
	});

	it('stops at the limit, asking only for what is still missing', async () => {
		const result = await suite.run('clientCredentials', { resource: 'release', operation: 'getAll', folder: SHARED, limit: 1500 });
		expect(result.json(NODE_NAME)).toHaveLength(1500);
		expect(releaseRequests().map((request) => [request.query.$top, request.query.$skip])).toEqual([
			['1000', '0'],
			['500', '1000'],
		]);
	});

	it('passes filters and a raw OData $filter to the server', async () => {
		const result = await suite.run('clientCredentials', {
			resource: 'release',
			operation: 'getAll',
			folder: SHARED,
			returnAll: true,
			filters: { name: 'Bulk Process 0001', odataFilter: "Name ne 'Bulk Process 00010'" },
		});
		expect(result.json(NODE_NAME).map((release) => release.Name)).toEqual(
			Array.from({ length: 9 }, (_, i) => `Bulk Process 0001${i + 1}`).filter((name) => name !== 'Bulk Process 00010'),
		);
		expect(releaseRequests()[0].query.$filter).toBe("(contains(Name, 'Bulk Process 0001')) and (Name ne 'Bulk Process 00010')");
	});
});

describe('OData page limits', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { seed: { releases: 250 - SEEDED_RELEASES, queueItems: 250 - SEEDED_QUEUE_ITEMS } });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => {
		suite.sandbox.state.maxTop.Releases = 1000;
		await expectConformingRequests(suite);
	});

	const requestsTo = (set: string) => suite.apiRequests().filter((request) => request.path.endsWith(`/odata/${set}`));

	it('reads queue items 100 at a time, as Automation Cloud allows: 250 items in 3 requests', async () => {
		const result = await suite.run('clientCredentials', { resource: 'queueItem', operation: 'getAll', folder: SHARED, returnAll: true });
		expect(new Set(result.json(NODE_NAME).map((item) => item.Id)).size).toBe(250);
		expect(requestsTo('QueueItems').map((request) => [request.query.$top, request.query.$skip, request.status])).toEqual([
			['100', '0', 200],
			['100', '100', 200],
			['100', '200', 200],
		]);
	});

	it('reads a page again at the limit Orchestrator names, and keeps it: 250 releases under a limit of 100 in 4 requests', async () => {
		suite.sandbox.state.maxTop.Releases = 100;
		const result = await suite.run('clientCredentials', { resource: 'release', operation: 'getAll', folder: SHARED, returnAll: true });
		const ids = result.json(NODE_NAME).map((release) => release.Id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		const requests = requestsTo('Releases');
		expect(requests.map((request) => [request.query.$top, request.query.$skip, request.status])).toEqual([
			['1000', '0', 400],
			['100', '0', 200],
			['100', '100', 200],
			['100', '200', 200],
		]);
		expect(JSON.parse(requests[0].responseBody).message).toBe(
			"The query specified in the URI is not valid. The limit of '100' for Top query has been exceeded. The value from the incoming request is '1000'.",
		);
	});

	it('a limit below what the item limit asks for still returns exactly the limit', async () => {
		suite.sandbox.state.maxTop.Releases = 40;
		const result = await suite.run('clientCredentials', { resource: 'release', operation: 'getAll', folder: SHARED, limit: 90 });
		expect(result.json(NODE_NAME)).toHaveLength(90);
		expect(requestsTo('Releases').map((request) => [request.query.$top, request.query.$skip])).toEqual([
			['90', '0'],
			['40', '0'],
			['40', '40'],
			['10', '80'],
		]);
	});
});
