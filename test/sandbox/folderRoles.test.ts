import { FOLDERS, PROCESSES, ROBOTS } from '../../sandbox/fixtures';
import { type ODataList, sandboxSuite } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';

/** The folder user holds roles in Shared and Finance/Invoices and no tenant-level permission. */
describe('sandbox Orchestrator: an identity with folder roles only', () => {
	const suite = sandboxSuite();
	const asFolderUser = () => ({ token: suite.sandbox.state.credentials.folderUser.personalAccessToken });
	const folderId = (path: string) => String(suite.sandbox.state.store.folderByPath(path)?.Id);

	test('tenant-level lists answer 403 "You are not authorized!", as UiPath does without Units.View, Robots.View, Packages.View', async () => {
		for (const [path, folder] of [
			['/odata/Folders', undefined],
			['/odata/Robots', FOLDERS.shared],
			['/odata/Sessions', FOLDERS.shared],
			['/odata/Processes', undefined],
		] as const) {
			const answer = await suite.call('GET', path, { ...asFolderUser(), folder });
			expect([path, answer.status, answer.json.message, answer.json.errorCode]).toEqual([path, 403, 'You are not authorized!', 0]);
			// The seeded user with tenant-wide roles reads the same routes.
			expect([path, (await suite.call('GET', path, { folder })).status]).toEqual([path, 200]);
		}
	});

	test('GetAllForCurrentUser lists only the folders with roles, paged with skip and take', async () => {
		const page = (skip: number, take: number) =>
			suite.call<{ PageItems: { FullyQualifiedName: string; Id: number }[]; Count: number }>('GET', '/api/Folders/GetAllForCurrentUser', {
				...asFolderUser(),
				query: { skip, take },
			});
		const first = await page(0, 1);
		const second = await page(1, 1);
		expect([first.status, first.json.Count, second.json.Count]).toEqual([200, 2, 2]);
		expect([...first.json.PageItems, ...second.json.PageItems].map((folder) => folder.FullyQualifiedName)).toEqual([FOLDERS.shared, FOLDERS.invoices]);
		expect((await page(2, 1)).json.PageItems).toEqual([]);
		const everyFolder = await suite.call<{ Count: number }>('GET', '/api/Folders/GetAllForCurrentUser');
		expect(everyFolder.json.Count).toBe(suite.sandbox.state.store.folders.size);
	});

	test('folder-scoped routes work in its folders; a folder without a role answers 1100 like one that does not exist', async () => {
		const releases = await suite.call<ODataList>('GET', '/odata/Releases', { ...asFolderUser(), folder: FOLDERS.invoices });
		expect(releases.json.value.map((release) => release.Name)).toEqual([PROCESSES.quick]);
		const finance = await suite.call('GET', '/odata/Releases', { ...asFolderUser(), folder: FOLDERS.finance });
		expect([finance.status, finance.json.errorCode, finance.json.message]).toEqual([
			400,
			1100,
			'Folder does not exist or the user does not have access to the folder.',
		]);
		expect((await suite.call('GET', `/odata/Folders(${folderId(FOLDERS.shared)})`, asFolderUser())).status).toBe(200);
		expect((await suite.call('GET', `/odata/Folders(${folderId(FOLDERS.finance)})`, asFolderUser())).status).toBe(404);
	});

	test('GetRobotsFromFolder lists the robots of a folder with a role, with OData options', async () => {
		const shared = folderId(FOLDERS.shared);
		const robots = await suite.call<ODataList>('GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=${shared})`, {
			...asFolderUser(),
			headers: { 'X-UIPATH-OrganizationUnitId': shared },
			query: { $orderby: 'Name desc', $count: true },
		});
		expect(robots.status).toBe(200);
		expect(robots.json['@odata.count']).toBe(ROBOTS.length);
		expect(robots.json.value.map((robot) => robot.Name)).toEqual([...ROBOTS].sort().reverse());
		const finance = folderId(FOLDERS.finance);
		const refused = await suite.call('GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=${finance})`, {
			...asFolderUser(),
			headers: { 'X-UIPATH-OrganizationUnitId': shared },
		});
		expect([refused.status, refused.json.errorCode]).toEqual([400, 1100]);
	});
});
