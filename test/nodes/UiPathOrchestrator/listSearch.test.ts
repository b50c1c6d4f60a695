/**
 * The resource locators' searchable lists, called as n8n's editor calls them: n8n-core's LoadOptionsContext
 * (what n8n's DynamicNodeParametersService builds for a listSearch request) with the node's current parameters,
 * the harness's credentials helper, and real HTTP to the sandbox.
 */
import { CredentialStore, HarnessCredentialsHelper, loadPackageTypes } from '../../harness';
import { CredentialTypeRegistry } from '../../harness/credential-types';
import { NodeTypeRegistry } from '../../harness/node-types';
import { OAuth2Api } from '../../harness/stand-ins/OAuth2Api.credentials';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { listSearch } from '../../../nodes/UiPathOrchestrator/methods';
import { BUCKETS, FOLDERS, PROCESSES, QUEUE, ROBOTS } from '../../../sandbox/fixtures';
import {
	CREDENTIAL_ID,
	expectConformingRequests,
	locator,
	NODE_NAME,
	NODE_TYPE,
	SHARED,
	startSuite,
	type CredentialKind,
	type Suite,
} from './sandboxSuite';

describe.each(['clientCredentials', 'oauth2'] as const)('list search with the %s credential', (kind: CredentialKind) => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite([kind], { seed: { releases: 230 } });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	function contextFor(parameters: INodeParameters): LoadOptionsContext {
		const packageTypes = loadPackageTypes();
		const nodeTypes = new NodeTypeRegistry(packageTypes.nodeTypes);
		const credentialTypes = new CredentialTypeRegistry([new OAuth2Api(), ...packageTypes.credentialTypes], nodeTypes);
		const store = suite.stores.get(kind) as CredentialStore;
		const credential = store.get(CREDENTIAL_ID);
		const node: INode = {
			id: 'list-search',
			name: NODE_NAME,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: credential.type, ...parameters },
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = {
			credentialsHelper: new HarnessCredentialsHelper(credentialTypes, store),
			currentNodeParameters: node.parameters,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.release');
	}

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
