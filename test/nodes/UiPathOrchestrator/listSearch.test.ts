/**
 * The resource locators' searchable lists, called as n8n's editor calls them (loadOptionsContext.ts), with real
 * HTTP to the sandbox.
 */
import type { INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../nodes/UiPathOrchestrator/methods';
import { ASSETS, BUCKETS, FOLDERS, PROCESSES, QUEUE, ROBOTS } from '../../../sandbox/fixtures';
import type { CredentialStore } from '../../harness';
import { editorContext } from './editorContext';
import { expectConformingRequests, locator, SHARED, startSuite, type CredentialKind, type Suite } from './sandboxSuite';

describe.each(['clientCredentials', 'oauth2'] as const)('list search with the %s credential', (kind: CredentialKind) => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite([kind], { seed: { releases: 230 } });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const contextFor = (parameters: INodeParameters) => editorContext(suite.stores.get(kind) as CredentialStore, parameters);

	it('folders, searched on the server', async () => {
		const all = await listSearch.searchFolders.call(contextFor({}));
		expect(all.results.map((entry) => entry.name)).toEqual(expect.arrayContaining([FOLDERS.shared, FOLDERS.invoices]));
		const found = await listSearch.searchFolders.call(contextFor({}), 'Invoices');
		expect(found.results.map((entry) => entry.name)).toEqual([FOLDERS.invoices]);
		const request = suite.apiRequests().slice(-1)[0];
		expect(request.query.$filter).toBe("contains(FullyQualifiedName, 'Invoices')");
	});

	it('processes of the chosen folder, page by page with a pagination token', async () => {
		const context = contextFor({ folder: SHARED });
		const first = await listSearch.searchReleases.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await listSearch.searchReleases.call(context, undefined, first.paginationToken);
		const third = await listSearch.searchReleases.call(context, undefined, second.paginationToken);
		expect(third.paginationToken).toBeUndefined();
		const names = [...first.results, ...second.results, ...third.results].map((entry) => entry.name);
		expect(names).toHaveLength(233);
		expect(new Set(names).size).toBe(233);
		const found = await listSearch.searchReleases.call(context, 'echo');
		expect(found.results).toEqual([expect.objectContaining({ name: PROCESSES.quick, value: expect.stringMatching(/^[0-9a-f-]{36}$/) })]);
	});

	it('robots and queues of a folder given by ID', async () => {
		const shared = suite.sandbox.state.store.folderByPath(FOLDERS.shared);
		const context = contextFor({ folder: locator('id', String(shared?.Id)) });
		const robots = await listSearch.searchRobots.call(context);
		expect(robots.results.map((entry) => entry.name).sort()).toEqual([...ROBOTS].sort());
		const queues = await listSearch.searchQueues.call(context, 'Inv');
		expect(queues.results).toEqual([{ name: QUEUE, value: QUEUE }]);
	});

	it('assets of the chosen folder, searched by name, with their value type', async () => {
		const context = contextFor({ folder: SHARED });
		const all = await listSearch.searchAssets.call(context);
		expect(all.results.map((entry) => entry.name).sort()).toEqual(Object.values(ASSETS).sort());
		const found = await listSearch.searchAssets.call(context, 'Account');
		const credential = [...suite.sandbox.state.store.assets.values()].find((asset) => asset.Name === ASSETS.credential);
		expect(found.results).toEqual([{ name: ASSETS.credential, value: String(credential?.Id), description: 'Credential asset' }]);
		expect(suite.apiRequests().slice(-1)[0].path).toMatch(/\/odata\/Assets\/UiPath\.Server\.Configuration\.OData\.GetFiltered$/);
	});

	it('storage buckets of a folder, by their Id, saying where each keeps its files', async () => {
		const context = contextFor({ folder: SHARED });
		const buckets = await listSearch.searchBuckets.call(context);
		const ids = [...suite.sandbox.state.store.buckets.values()].map((bucket) => String(bucket.Id));
		expect(buckets.results).toEqual([
			{ name: BUCKETS.hosted, value: ids[0], description: 'Kept by Orchestrator' },
			{ name: BUCKETS.external, value: ids[1], description: 'Azure storage' },
		]);
		expect((await listSearch.searchBuckets.call(context, 'sca')).results.map((entry) => entry.name)).toEqual([BUCKETS.external]);
	});

	it('asks for a folder first', async () => {
		await expect(listSearch.searchReleases.call(contextFor({}))).rejects.toThrow('Choose a folder first');
		expect(suite.apiRequests()).toEqual([]);
	});
});
