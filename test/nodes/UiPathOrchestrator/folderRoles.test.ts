/**
 * The node as a user with roles only in folders (the sandbox's folder user, signed in with a personal access token):
 * `GET /odata/Folders` and `GET /odata/Robots` answer 403 for them, as on UiPath, so the folder picker, folder
 * paths and Robot → Get Many fall back to GetAllForCurrentUser and GetRobotsFromFolder.
 */
import { CredentialStore } from '../../harness';

import { listSearch } from '../../../nodes/UiPathOrchestrator/methods';
import { FOLDERS, PROCESSES, ROBOTS } from '../../../sandbox/fixtures';
import { editorContext } from './editorContext';
import { credentialFor, expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

const ACTION = 'UiPath.Server.Configuration.OData';

describe('an identity with folder roles only', () => {
	let suite: Suite;
	let store: CredentialStore;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials']);
		const { personalAccessToken } = suite.sandbox.state.credentials.folderUser;
		store = new CredentialStore([await credentialFor(suite.sandbox, 'personalAccessToken', { personalAccessToken })]);
		suite.stores.set('folderUser', store);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const folderId = (path: string) => suite.sandbox.state.store.folderByPath(path)?.Id as number;
	/** Method, path after the tenant's Orchestrator URL, and status of each API request so far. */
	const sent = () =>
		suite.apiRequests().map((request) => [request.method, request.path.replace(/^.*\/orchestrator_/, ''), request.status]);

	it('the folder picker lists the folders with a role, and searches them', async () => {
		const all = await listSearch.searchFolders.call(editorContext(store, {}));
		expect(all).toEqual({
			results: [
				{ name: FOLDERS.shared, value: String(folderId(FOLDERS.shared)) },
				{ name: FOLDERS.invoices, value: String(folderId(FOLDERS.invoices)) },
			],
		});
		const found = await listSearch.searchFolders.call(editorContext(store, {}), 'invoi');
		expect(found.results.map((entry) => entry.name)).toEqual([FOLDERS.invoices]);
		expect(sent()).toEqual([
			['GET', '/odata/Folders', 403],
			['GET', '/api/Folders/GetAllForCurrentUser', 200],
			['GET', '/odata/Folders', 403],
			['GET', '/api/Folders/GetAllForCurrentUser', 200],
		]);
		expect(suite.apiRequests()[1].query).toEqual({ skip: '0', take: '100' });
	});

	it('Robot → Get Many by folder path: the path resolves through GetAllForCurrentUser, robots come from GetRobotsFromFolder', async () => {
		const result = await suite.run('folderUser', { resource: 'robot', operation: 'getAll', folder: SHARED, returnAll: true, filters: { name: 'Robot' } });
		expect(result.json(NODE_NAME).map((robot) => robot.Name).sort()).toEqual([...ROBOTS].sort());
		const shared = folderId(FOLDERS.shared);
		expect(sent()).toEqual([
			['GET', '/odata/Robots', 403],
			['GET', '/odata/Folders', 403],
			['GET', '/api/Folders/GetAllForCurrentUser', 200],
			['GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=${shared})`, 200],
		]);
		expect(suite.apiRequests()[3].query.$filter).toBe("contains(Name, 'Robot')");
	});

	it('Robot → Get Many by folder ID goes straight to GetRobotsFromFolder after the 403', async () => {
		const invoices = folderId(FOLDERS.invoices);
		const result = await suite.run('folderUser', { resource: 'robot', operation: 'getAll', folder: locator('id', String(invoices)), returnAll: true });
		expect(result.json(NODE_NAME).length).toBe(suite.sandbox.state.store.robotsIn(invoices).length);
		expect(sent()).toEqual([
			['GET', '/odata/Robots', 403],
			['GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=${invoices})`, 200],
		]);
	});

	it('folder paths work in folder-scoped operations; a folder without a role fails with what to do', async () => {
		const releases = await suite.run('folderUser', {
			resource: 'release',
			operation: 'getAll',
			folder: locator('path', FOLDERS.invoices),
			returnAll: true,
		});
		expect(releases.json(NODE_NAME).map((release) => release.Name)).toEqual([PROCESSES.quick]);
		const refused = await suite.run('folderUser', { resource: 'robot', operation: 'getAll', folder: locator('path', FOLDERS.finance), returnAll: true });
		expect(nodeError(refused).message).toBe(`Folder (folder) "${FOLDERS.finance}" does not exist in Orchestrator`);
	});

	it('an identity with tenant-wide roles keeps reading /odata/Robots and /odata/Folders', async () => {
		await suite.run('clientCredentials', { resource: 'robot', operation: 'getAll', folder: SHARED, returnAll: true });
		const picker = await listSearch.searchFolders.call(editorContext(suite.stores.get('clientCredentials') as CredentialStore, {}));
		expect(picker.results.length).toBe(suite.sandbox.state.store.folders.size);
		expect(sent()).toEqual([
			['GET', '/odata/Robots', 200],
			['GET', '/odata/Folders', 200],
		]);
	});
});
