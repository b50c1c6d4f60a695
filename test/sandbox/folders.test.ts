import { encodeFolderPath } from '../../sandbox';
import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { type ODataList, sandboxSuite } from './client';

describe('sandbox Orchestrator: the folder header', () => {
	const suite = sandboxSuite();

	const folder = (path: string) => {
		const found = [...suite.sandbox.state.store.folders.values()].find((candidate) => candidate.FullyQualifiedName === path);
		if (!found) throw new Error(`no folder ${path}`);
		return found;
	};
	const releaseNames = async (headers: Record<string, string>) => {
		const answer = await suite.call<ODataList>('GET', '/odata/Releases', { headers });
		expect(answer.status).toBe(200);
		return answer.json.value.map((release) => release.Name);
	};

	test('Finance/Invoices is nested under Finance', () => {
		expect(folder(FOLDERS.invoices).ParentId).toBe(folder(FOLDERS.finance).Id);
		expect(folder(FOLDERS.invoices).ParentKey).toBe(folder(FOLDERS.finance).Key);
		expect(folder(FOLDERS.invoices).DisplayName).toBe('Invoices');
	});

	test('each of the four headers selects the folder', async () => {
		const invoices = folder(FOLDERS.invoices);
		const expected = [PROCESSES.quick];
		expect(await releaseNames({ 'X-UIPATH-OrganizationUnitId': String(invoices.Id) })).toEqual(expected);
		expect(await releaseNames({ 'X-UIPATH-FolderKey': invoices.Key })).toEqual(expected);
		expect(await releaseNames({ 'X-UIPATH-FolderPath': FOLDERS.invoices })).toEqual(expected);
		expect(await releaseNames({ 'X-UIPATH-FolderPath-Encoded': encodeFolderPath(FOLDERS.invoices) })).toEqual(expected);
		expect(await releaseNames({ 'X-UIPATH-FolderPath': FOLDERS.shared })).toHaveLength(3);
		expect(await releaseNames({ 'X-UIPATH-FolderPath': FOLDERS.finance })).toEqual([]);
	});

	test('X-UIPATH-FolderPath-Encoded is base64 of the UTF-16LE path, as uipath-typescript sends it', () => {
		expect(encodeFolderPath('Shared')).toBe('UwBoAGEAcgBlAGQA');
		expect(Buffer.from(encodeFolderPath(FOLDERS.invoices), 'base64').toString('utf16le')).toBe(FOLDERS.invoices);
	});

	test('without a folder header a folder-scoped route answers 400 with errorCode 1101', async () => {
		for (const path of ['/odata/Releases', '/odata/Jobs', '/odata/Robots', '/odata/Sessions', '/odata/QueueDefinitions', '/odata/QueueItems', '/odata/Assets']) {
			const answer = await suite.call('GET', path);
			expect([path, answer.status]).toEqual([path, 400]);
			expect(answer.json).toEqual({
				message: 'An organization unit is required for this action.',
				errorCode: 1101,
				traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
			});
		}
	});

	test('a header naming no folder answers errorCode 1100', async () => {
		const cases: Record<string, string>[] = [
			{ 'X-UIPATH-OrganizationUnitId': '999999' },
			{ 'X-UIPATH-OrganizationUnitId': 'Shared' },
			{ 'X-UIPATH-FolderKey': '00000000-0000-0000-0000-000000000000' },
			{ 'X-UIPATH-FolderPath': 'Finance/Payroll' },
			{ 'X-UIPATH-FolderPath-Encoded': encodeFolderPath('Nope') },
			{ 'X-UIPATH-FolderPath-Encoded': Buffer.from('Shared').toString('base64') },
		];
		for (const headers of cases) {
			const answer = await suite.call('GET', '/odata/Releases', { headers });
			expect([headers, answer.status, answer.json.errorCode]).toEqual([headers, 400, 1100]);
			expect(answer.json.message).toBe('Folder does not exist or the user does not have access to the folder.');
		}
	});

	test('folder paths resolve without regard to case and with a leading slash', async () => {
		expect(await releaseNames({ 'X-UIPATH-FolderPath': '/finance/INVOICES' })).toEqual([PROCESSES.quick]);
	});

	test('tenant-level routes need no folder header', async () => {
		for (const path of ['/odata/Folders', '/odata/Processes', '/odata/Webhooks', '/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser']) {
			expect([path, (await suite.call('GET', path)).status]).toEqual([path, 200]);
		}
	});

	test('Folders lists the tree; Folders(id) and api/Folders/GetAllForCurrentUser read it', async () => {
		const list = await suite.call<ODataList>('GET', '/odata/Folders', { query: { $filter: "startswith(FullyQualifiedName,'Finance')" } });
		expect(list.json.value.map((entry) => entry.FullyQualifiedName)).toEqual([FOLDERS.finance, FOLDERS.invoices]);
		const one = await suite.call('GET', `/odata/Folders(${folder(FOLDERS.shared).Id})`);
		expect(one.json).toMatchObject({ DisplayName: 'Shared', FullyQualifiedName: 'Shared', ParentId: null });
		expect((await suite.call('GET', '/odata/Folders(42)')).status).toBe(404);
		const page = await suite.call<{ PageItems: { FullyQualifiedName: string }[]; Count: number }>('GET', '/api/Folders/GetAllForCurrentUser', {
			query: { skip: 1, take: 1 },
		});
		expect(page.json.Count).toBe(3);
		expect(page.json.PageItems.map((entry) => entry.FullyQualifiedName)).toEqual([FOLDERS.finance]);
	});
});
