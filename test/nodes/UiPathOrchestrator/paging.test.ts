import { expectConformingRequests, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

/** The seeded Shared folder holds three processes; the bulk seed adds the rest. */
const SEEDED_RELEASES = 3;
const TOTAL = 2500;

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
