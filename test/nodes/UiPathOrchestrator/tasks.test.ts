/**
 * The Task resource (Action Center) through n8n-core against the sandbox: every request real HTTP, checked against
 * orchestrator.yaml after each test.
 */
import { listSearch } from '../../../nodes/UiPathOrchestrator/methods';
import { FOLDERS, TASK_CATALOGS, TASK_USERS } from '../../../sandbox/fixtures';
import { CredentialStore } from '../../harness';
import { editorContext } from './editorContext';
import { credentialFor, expectConformingRequests, locator, nodeError, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

const INVOICES = locator('path', FOLDERS.invoices);
const [robin, casey, morgan] = TASK_USERS;

describe('task operations', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['personalAccessToken']);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: Parameters<Suite['run']>[1], options?: Parameters<Suite['run']>[2]) => await suite.run('personalAccessToken', parameters, options);
	const tasks = () => [...suite.sandbox.state.store.tasks.values()];
	const createExternal = async (title: string, extra: Record<string, unknown> = {}) => {
		const done = await run({ resource: 'task', operation: 'create', folder: INVOICES, title, data: '{"InvoiceId":"INV-1","Amount":1200}', ...extra });
		return done.json(NODE_NAME)[0] as { id: number; key: string };
	};

	it('create makes an external task with title, priority, catalog, data and external tag, one per input item', async () => {
		const done = await run(
			{
				resource: 'task',
				operation: 'create',
				folder: INVOICES,
				title: '={{ "Approve " + $json.invoice }}',
				priority: 'High',
				data: '={{ JSON.stringify({ InvoiceId: $json.invoice, Amount: $json.amount }) }}',
				options: { catalog: TASK_CATALOGS.approvals.name, externalTag: '={{ "erp-" + $json.invoice }}' },
			},
			{ items: [{ invoice: 'INV-1', amount: 1200 }, { invoice: 'INV-2', amount: 90 }] },
		);
		const output = done.items(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json).toMatchObject({ status: 'Unassigned', type: 'ExternalTask', title: 'Approve INV-2', priority: 'High', data: { InvoiceId: 'INV-2', Amount: 90 }, externalTag: 'erp-INV-2' });
		const stored = suite.sandbox.state.store.tasks.get(output[0].json.id as number);
		expect(stored).toMatchObject({ TaskCatalogName: TASK_CATALOGS.approvals.name, Status: 'Unassigned', CreatorUserId: robin.id });
		const sent = suite.apiRequests().filter((request) => request.path.endsWith('/tasks/GenericTasks/CreateTask'));
		expect(JSON.parse(sent[0].body)).toEqual({ type: 'ExternalTask', title: 'Approve INV-1', priority: 'High', data: { InvoiceId: 'INV-1', Amount: 1200 }, taskCatalogName: TASK_CATALOGS.approvals.name, externalTag: 'erp-INV-1' });
	});

	it('create takes data as fields, and makes form tasks through TaskForms', async () => {
		const done = await run({
			resource: 'task',
			operation: 'create',
			folder: INVOICES,
			taskType: 'FormTask',
			title: 'Fill in the vendor',
			dataMode: 'fields',
			dataFields: { field: [{ name: 'Vendor', value: 'ACME' }, { name: 'Note', value: '' }] },
			options: { formLayout: '{"components":[{"key":"Vendor","type":"textfield"}]}' },
		});
		expect(done.json(NODE_NAME)[0]).toMatchObject({ type: 'FormTask', data: { Vendor: 'ACME', Note: '' } });
		expect(suite.apiRequests().some((request) => request.path.endsWith('/forms/TaskForms/CreateFormTask'))).toBe(true);
		expect(suite.sandbox.state.store.tasks.get(done.json(NODE_NAME)[0].id as number)?.formLayout).toEqual({ components: [{ key: 'Vendor', type: 'textfield' }] });
	});

	it('create refuses no folder, a missing title, data that is not an object and an unknown catalog, naming item and field', async () => {
		const before = tasks().length;
		// An expression that yields nothing gets past the editor's required check, as an empty input field would.
		const noFolder = await run({ resource: 'task', operation: 'create', folder: locator('list', '={{ $json.folder }}'), title: 'x' });
		expect(nodeError(noFolder).message).toBe('Folder (folder) in item 0 is required: this operation runs inside an Orchestrator folder');
		const noTitle = await run({ resource: 'task', operation: 'create', folder: INVOICES, title: '  ' });
		expect(nodeError(noTitle).message).toBe('Title (title) in item 0 is required');
		const array = await run({ resource: 'task', operation: 'create', folder: INVOICES, title: 'x', data: '={{ $json.data }}' }, { items: [{ data: {} }, { data: [1, 2] }] });
		expect(nodeError(array).message).toBe('Data (JSON) (data) in item 1 must be a JSON object, not an array');
		const catalog = await run({ resource: 'task', operation: 'create', folder: locator('path', FOLDERS.shared), title: 'x', options: { catalog: TASK_CATALOGS.review.name } });
		expect(nodeError(catalog).message).toBe(`Catalog (options.catalog) in item 0 "${TASK_CATALOGS.review.name}" is not an action catalog shared with folder "Shared"`);
		// The first item of the array run was created; nothing else was.
		expect(tasks().length).toBe(before + 1);
	});

	it('get by Id and by Key returns the task with its data and the action taken', async () => {
		const created = await createExternal('Get me');
		const byId = await run({ resource: 'task', operation: 'get', folder: INVOICES, taskId: String(created.id) });
		expect(byId.json(NODE_NAME)[0]).toMatchObject({ Id: created.id, Key: created.key, Status: 'Unassigned', Type: 'ExternalTask', Title: 'Get me', Action: null, Data: { InvoiceId: 'INV-1', Amount: 1200 } });
		expect(byId.json(NODE_NAME)[0]).not.toHaveProperty('@odata.context');
		const byKey = await run({ resource: 'task', operation: 'get', folder: INVOICES, taskId: created.key.toUpperCase() });
		expect(byKey.json(NODE_NAME)[0]).toMatchObject({ Id: created.id, Data: { InvoiceId: 'INV-1' } });
		const bad = await run({ resource: 'task', operation: 'get', folder: INVOICES, taskId: 'INV-1' });
		expect(nodeError(bad).message).toBe('Task ID or Key (taskId) in item 0 "INV-1" is neither a task ID (a whole number) nor a task Key (a GUID)');
		const missing = await run({ resource: 'task', operation: 'get', folder: INVOICES, taskId: '999999' });
		expect(nodeError(missing)).toMatchObject({ httpCode: '404' });
	});

	it('assign, reassign and unassign move the task; an assignee who cannot take it is refused before any change', async () => {
		const created = await createExternal('Assign me');
		const assigned = await run({ resource: 'task', operation: 'assign', folder: INVOICES, taskId: String(created.id), assignee: locator('email', morgan.email) });
		expect(assigned.json(NODE_NAME)[0]).toMatchObject({ Id: created.id, Status: 'Pending', AssignedToUserId: morgan.id });
		const reassigned = await run({ resource: 'task', operation: 'assign', folder: INVOICES, taskId: created.key, assignment: 'reassign', assignee: locator('list', casey.email) });
		expect(reassigned.json(NODE_NAME)[0]).toMatchObject({ Status: 'Pending', AssignedToUserId: casey.id });
		const again = await run({ resource: 'task', operation: 'assign', folder: INVOICES, taskId: String(created.id), assignee: locator('email', robin.email) });
		expect(nodeError(again).message).toMatch(new RegExp(`^Task ${created.id} was not assigned: Task ${created.id} is already assigned`));
		const unassigned = await run({ resource: 'task', operation: 'assign', folder: INVOICES, taskId: String(created.id), assignment: 'unassign' });
		expect(unassigned.json(NODE_NAME)[0]).toMatchObject({ Status: 'Unassigned', AssignedToUserId: null });

		const inShared = await run({ resource: 'task', operation: 'create', folder: SHARED, title: 'Shared one' });
		const sharedId = String(inShared.json(NODE_NAME)[0].id);
		suite.sandbox.state.clearRequests();
		const refused = await run({ resource: 'task', operation: 'assign', folder: SHARED, taskId: sharedId, assignee: locator('email', morgan.email) });
		expect(nodeError(refused).message).toBe(`Assignee (assignee) in item 0 "${morgan.email}" cannot take tasks in folder "Shared"`);
		expect(suite.apiRequests().filter((request) => request.path.endsWith('.AssignTasks'))).toEqual([]);
		const noOne = await run({ resource: 'task', operation: 'assign', folder: SHARED, taskId: sharedId, assignee: locator('list', '={{ $json.nobody }}') });
		expect(nodeError(noOne).message).toBe('Assignee (assignee) in item 0 is required');
	});

	it('complete sends the action and data through the route of the task type and outputs the completed task', async () => {
		const created = await createExternal('Approve me');
		const done = await run({ resource: 'task', operation: 'complete', folder: INVOICES, taskId: String(created.id), taskAction: 'approve', data: '{"Approved":true,"Comment":"ok"}' });
		expect(done.json(NODE_NAME)[0]).toMatchObject({ Id: created.id, Status: 'Completed', Action: 'approve', Data: { Approved: true, Comment: 'ok' } });
		const sent = suite.apiRequests().find((request) => request.path.endsWith('/tasks/GenericTasks/CompleteTask'));
		expect(JSON.parse(sent?.body ?? '{}')).toEqual({ taskId: created.id, action: 'approve', data: { Approved: true, Comment: 'ok' } });
		const twice = await run({ resource: 'task', operation: 'complete', folder: INVOICES, taskId: String(created.id), taskAction: 'reject', data: '{}' });
		expect(nodeError(twice)).toMatchObject({ httpCode: '400' });
		expect(nodeError(twice).message).toMatch(/already completed/);
		const noAction = await run({ resource: 'task', operation: 'complete', folder: INVOICES, taskId: String(created.id), taskAction: ' ' });
		expect(nodeError(noAction).message).toBe('Action (taskAction) in item 0 is required');
	});

	it('getAll lists the folder\'s tasks with status, assignee and catalog filters, Return All or a limit', async () => {
		const a = await createExternal('List A', { options: { catalog: TASK_CATALOGS.review.name } });
		await createExternal('List B', { options: { catalog: TASK_CATALOGS.review.name } });
		await run({ resource: 'task', operation: 'assign', folder: INVOICES, taskId: String(a.id), assignee: locator('email', morgan.email) });
		const pending = await run({ resource: 'task', operation: 'getAll', folder: INVOICES, returnAll: true, filters: { statuses: ['Pending'], assignee: morgan.email, catalog: TASK_CATALOGS.review.name } });
		expect(pending.json(NODE_NAME).map((task) => task.Id)).toEqual([a.id]);
		const listed = suite.apiRequests().filter((request) => request.path.endsWith('.GetTasksAcrossFolders'));
		expect(listed[0].query.$filter).toBe(`(OrganizationUnitId eq ${suite.sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id}) and (Status eq 'Pending') and (AssignedToUserId eq ${morgan.id}) and (TaskCatalogName eq '${TASK_CATALOGS.review.name}')`);
		const all = await run({ resource: 'task', operation: 'getAll', folder: INVOICES, returnAll: true });
		const inInvoices = tasks().filter((task) => task.OrganizationUnitId === suite.sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id && !task.IsDeleted);
		expect(all.json(NODE_NAME)).toHaveLength(inInvoices.length);
		const two = await run({ resource: 'task', operation: 'getAll', folder: INVOICES, returnAll: false, limit: 2 });
		expect(two.json(NODE_NAME).map((task) => task.Id)).toEqual(inInvoices.map((task) => task.Id).sort((x, y) => y - x).slice(0, 2));
		const stranger = await run({ resource: 'task', operation: 'getAll', folder: SHARED, filters: { assignee: morgan.email } });
		expect(nodeError(stranger).message).toBe(`Assignee (filters.assignee) in item 0 "${morgan.email}" is not someone tasks in folder "Shared" can go to`);
	});

	it('delete removes the task; a second delete is refused', async () => {
		const created = await createExternal('Delete me');
		const done = await run({ resource: 'task', operation: 'delete', folder: INVOICES, taskId: String(created.id) });
		expect(done.json(NODE_NAME)).toEqual([{ Id: created.id, deleted: true }]);
		expect(suite.sandbox.state.store.tasks.get(created.id)?.IsDeleted).toBe(true);
		const again = await run({ resource: 'task', operation: 'delete', folder: INVOICES, taskId: String(created.id) }, { continueOnFail: true });
		expect(again.json(NODE_NAME)[0]).toMatchObject({ error: expect.stringMatching(new RegExp(`^Task ${created.id} was not deleted: Task ${created.id} does not exist`)) });
	});

	it('the assignee list shows the people who can take tasks in the chosen folder', async () => {
		const store = suite.stores.get('personalAccessToken') as CredentialStore;
		const shared = await listSearch.searchTaskUsers.call(editorContext(store, { folder: SHARED }, 'parameters.assignee'));
		expect(shared.results.map((entry) => entry.value)).toEqual([casey.email, robin.email]);
		const searched = await listSearch.searchTaskUsers.call(editorContext(store, { folder: INVOICES }, 'parameters.assignee'), 'morgan');
		expect(searched.results).toEqual([{ name: 'Morgan Reviewer', value: morgan.email, description: morgan.email }]);
	});

	it('a credential without OR.Tasks gets a 403 that names the scope', async () => {
		const narrow = new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope: 'OR.Folders.Read OR.Jobs' })]);
		suite.stores.set('clientCredentials', narrow);
		const refused = nodeError(await suite.run('clientCredentials', { resource: 'task', operation: 'get', folder: INVOICES, taskId: '1' }));
		expect(refused.httpCode).toBe('403');
		expect(refused.description).toMatch(/needs the scope OR\.Tasks or OR\.Tasks\.Read/);
	});
});
