import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { FOLDERS, TASK_CATALOGS, TASK_USERS } from '../../sandbox/fixtures';
import { openApiValidator, type OpenApiValidator } from '../support/openapi';
import { descriptionsAvailable, itConforms } from '../support/uipathDescriptions';
import { clientToken, eventually, sandboxSuite, type Answer, type ODataList } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';
const [robin, casey, morgan] = TASK_USERS;

describe('sandbox Action Center tasks', () => {
	const suite = sandboxSuite();
	let received: Array<Record<string, unknown>> = [];
	let receiver: Server;
	let validator: OpenApiValidator | undefined;

	beforeAll(async () => {
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		validator = descriptionsAvailable ? await openApiValidator() : undefined;
	});
	afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

	const folderId = (path: string) => String(suite.sandbox.state.store.folderByPath(path)?.Id);
	const inFolder = (path: string) => ({ headers: { 'X-UIPATH-OrganizationUnitId': folderId(path) } });
	const create = (path: string, body: Record<string, unknown>, route = '/tasks/GenericTasks/CreateTask') =>
		suite.call('POST', route, { ...inFolder(path), body });

	test('a created external task is Unassigned, keeps its data and catalog, and answers TaskDataDto', async () => {
		const answer = await create(FOLDERS.invoices, {
			title: 'Approve INV-1',
			priority: 'High',
			data: { InvoiceId: 'INV-1', Amount: 1200 },
			taskCatalogName: TASK_CATALOGS.approvals.name,
			externalTag: 'erp-4711',
			type: 'ExternalTask',
		});
		expect(answer.status).toBe(201);
		expect(answer.json).toMatchObject({
			status: 'Unassigned',
			type: 'ExternalTask',
			priority: 'High',
			title: 'Approve INV-1',
			data: { InvoiceId: 'INV-1', Amount: 1200 },
			externalTag: 'erp-4711',
			organizationUnitFullyQualifiedName: FOLDERS.invoices,
			creatorUserId: robin.id,
		});
		const listed = await suite.call<ODataList>('GET', `/odata/Tasks(${String(answer.json.id)})`, inFolder(FOLDERS.invoices));
		expect(listed.json).toMatchObject({ TaskCatalogName: TASK_CATALOGS.approvals.name, Status: 'Unassigned', IsCompleted: false });
		expect(listed.json).not.toHaveProperty('data');
	});

	test('create refuses an unknown catalog, a catalog not shared with the folder, data that is not an object, and no folder', async () => {
		const unknown = await create(FOLDERS.invoices, { title: 'x', taskCatalogName: 'Nope' });
		expect(unknown.status).toBe(400);
		expect(unknown.json.message).toMatch(/Action catalog 'Nope' does not exist/);
		const notShared = await create(FOLDERS.shared, { title: 'x', taskCatalogName: TASK_CATALOGS.review.name });
		expect(notShared.status).toBe(400);
		const array = await create(FOLDERS.invoices, { title: 'x', data: [1, 2] });
		expect(array.status).toBe(400);
		expect(array.json.message).toBe('data must be a JSON object.');
		const noFolder = await suite.call('POST', '/tasks/GenericTasks/CreateTask', { body: { title: 'x' } });
		expect(noFolder.status).toBe(400);
		expect(noFolder.json.errorCode).toBe(1101);
	});

	test('Unassigned → Pending → Completed, with the users who may take the task and the refusals of the others', async () => {
		const created = await create(FOLDERS.shared, { title: 'Check scan', data: { Page: 1 } });
		const id = created.json.id as number;
		const users = await suite.call<ODataList>('GET', `/odata/Tasks/${ACTION}.GetTaskUsers(organizationUnitId=${folderId(FOLDERS.shared)})`, inFolder(FOLDERS.shared));
		expect(users.json.value.map((user) => user.emailAddress)).toEqual([robin.email, casey.email]);

		const refused = await suite.call<ODataList>('POST', `/odata/Tasks/${ACTION}.AssignTasks`, {
			...inFolder(FOLDERS.shared),
			body: { taskAssignments: [{ TaskId: id, UserNameOrEmail: morgan.email }] },
		});
		expect(refused.status).toBe(200);
		expect(refused.json.value).toEqual([expect.objectContaining({ TaskId: id, ErrorMessage: expect.stringMatching(/does not have Tasks.View and Tasks.Edit/) })]);

		const assigned = await suite.call<ODataList>('POST', `/odata/Tasks/${ACTION}.AssignTasks`, {
			...inFolder(FOLDERS.shared),
			body: { taskAssignments: [{ TaskId: id, UserNameOrEmail: casey.email }] },
		});
		expect(assigned.json.value).toEqual([]);
		expect(suite.sandbox.state.store.tasks.get(id)).toMatchObject({ Status: 'Pending', AssignedToUserId: casey.id });
		const again = await suite.call<ODataList>('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...inFolder(FOLDERS.shared), body: { taskAssignments: [{ TaskId: id, UserId: robin.id }] } });
		expect(again.json.value[0].ErrorMessage).toMatch(/already assigned/);
		await suite.call('POST', `/odata/Tasks/${ACTION}.ReassignTasks`, { ...inFolder(FOLDERS.shared), body: { taskAssignments: [{ TaskId: id, UserId: robin.id }] } });
		expect(suite.sandbox.state.store.tasks.get(id)?.AssignedToUserId).toBe(robin.id);
		await suite.call('POST', `/odata/Tasks/${ACTION}.UnassignTasks`, { ...inFolder(FOLDERS.shared), body: { taskIds: [id] } });
		expect(suite.sandbox.state.store.tasks.get(id)).toMatchObject({ Status: 'Unassigned', AssignedToUserId: null });

		const completed = await suite.call('POST', '/tasks/GenericTasks/CompleteTask', { ...inFolder(FOLDERS.shared), body: { taskId: id, action: 'approve', data: { Page: 1, Ok: true } } });
		expect(completed.status).toBe(204);
		const data = await suite.call('GET', '/tasks/GenericTasks/GetTaskDataById', { ...inFolder(FOLDERS.shared), query: { taskId: id } });
		expect(data.json).toMatchObject({ status: 'Completed', action: 'approve', data: { Page: 1, Ok: true }, completedByUser: { emailAddress: robin.email } });
		const twice = await suite.call('POST', '/tasks/GenericTasks/CompleteTask', { ...inFolder(FOLDERS.shared), body: { taskId: id, action: 'reject' } });
		expect(twice.status).toBe(400);
		const late = await suite.call<ODataList>('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...inFolder(FOLDERS.shared), body: { taskAssignments: [{ TaskId: id, UserId: robin.id }] } });
		expect(late.json.value[0].ErrorMessage).toMatch(/already completed/);
	});

	test('a form task is completed through TaskForms once someone has it, never through GenericTasks', async () => {
		const created = await create(FOLDERS.invoices, { title: 'Fill in', formLayout: { components: [] }, data: { Name: '' } }, '/forms/TaskForms/CreateFormTask');
		expect(created.json.type).toBe('FormTask');
		const id = created.json.id as number;
		const wrongRoute = await suite.call('GET', '/tasks/GenericTasks/GetTaskDataById', { ...inFolder(FOLDERS.invoices), query: { taskId: id } });
		expect(wrongRoute.status).toBe(400);
		const unassigned = await suite.call('POST', '/forms/TaskForms/CompleteTask', { ...inFolder(FOLDERS.invoices), body: { taskId: id, action: 'submit' } });
		expect(unassigned.status).toBe(400);
		await suite.call('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...inFolder(FOLDERS.invoices), body: { taskAssignments: [{ TaskId: id, UserId: morgan.id }] } });
		expect((await suite.call('PUT', '/forms/TaskForms/SaveTaskData', { ...inFolder(FOLDERS.invoices), body: { taskId: id, data: { Name: 'draft' } } })).status).toBe(204);
		expect((await suite.call('POST', '/forms/TaskForms/CompleteTask', { ...inFolder(FOLDERS.invoices), body: { taskId: id, action: 'submit' } })).status).toBe(204);
		const data = await suite.call('GET', '/forms/TaskForms/GetTaskDataById', { ...inFolder(FOLDERS.invoices), query: { taskId: id } });
		expect(data.json).toMatchObject({ status: 'Completed', action: 'submit', data: { Name: 'draft' } });
	});

	test('lists filter by status, assignee and catalog; GetByKey finds a task; deleted tasks are gone', async () => {
		const a = await create(FOLDERS.invoices, { title: 'List A', taskCatalogName: TASK_CATALOGS.review.name });
		await suite.call('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...inFolder(FOLDERS.invoices), body: { taskAssignments: [{ TaskId: a.json.id, UserId: morgan.id }] } });
		const pending = await suite.call<ODataList>('GET', '/odata/Tasks', {
			...inFolder(FOLDERS.invoices),
			query: { $filter: `Status eq 'Pending' and AssignedToUserId eq ${morgan.id} and TaskCatalogName eq '${TASK_CATALOGS.review.name}'`, $expand: 'AssignedToUser' },
		});
		expect(pending.json.value.map((task) => task.Id)).toEqual([a.json.id]);
		expect(pending.json.value[0].AssignedToUser).toMatchObject({ emailAddress: morgan.email });
		const byKey = await suite.call('GET', `/odata/Tasks/${ACTION}.GetByKey(identifier=${String(a.json.key)})`, inFolder(FOLDERS.invoices));
		expect(byKey.json.Id).toBe(a.json.id);
		const deleted = await suite.call<ODataList>('POST', `/odata/Tasks/${ACTION}.DeleteTasks`, { ...inFolder(FOLDERS.invoices), body: { taskIds: [a.json.id, 999] } });
		expect(deleted.json.value.map((error) => error.TaskId)).toEqual([999]);
		expect((await suite.call('GET', `/odata/Tasks(${String(a.json.id)})`, inFolder(FOLDERS.invoices))).status).toBe(404);
	});

	test('scopes and folder roles: OR.Tasks.Read cannot write, a folder without a role is not found', async () => {
		const readOnly = await clientToken(suite.sandbox, 'OR.Tasks.Read');
		const write = await suite.call('POST', '/tasks/GenericTasks/CreateTask', { ...inFolder(FOLDERS.shared), token: readOnly, body: { title: 'x' } });
		expect(write.status).toBe(403);
		expect(write.json.message).toMatch(/OR\.Tasks or OR\.Tasks\.Write/);
		expect((await suite.call('GET', '/odata/Tasks', { ...inFolder(FOLDERS.shared), token: readOnly })).status).toBe(200);
		const caseyToken = suite.sandbox.state.credentials.folderUser.personalAccessToken;
		const finance = await suite.call('GET', '/odata/Tasks', { ...inFolder(FOLDERS.finance), token: caseyToken });
		expect(finance.json.errorCode).toBe(1100);
		const across = await suite.call<ODataList>('GET', `/odata/Tasks/${ACTION}.GetTasksAcrossFolders`, { token: caseyToken });
		const folders = new Set(across.json.value.map((task) => task.OrganizationUnitId));
		expect([...folders].every((id) => [folderId(FOLDERS.shared), folderId(FOLDERS.invoices)].includes(String(id)))).toBe(true);
	});

	test('task.created and task.completed reach a subscription in UiPath event shapes', async () => {
		received = [];
		const hook = await suite.call('POST', '/odata/Webhooks', {
			body: { Name: 'tasks', Url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, Enabled: true, AllowInsecureSsl: false, SubscribeToAllEvents: false, Events: [{ EventType: 'task.created' }, { EventType: 'task.completed' }] },
		});
		expect(hook.status).toBe(201);
		const created: Answer = await create(FOLDERS.shared, { title: 'Evented', externalTag: 'tag-1' });
		await suite.call('POST', '/tasks/GenericTasks/CompleteTask', { ...inFolder(FOLDERS.shared), body: { taskId: created.json.id, action: 'approve' } });
		await eventually(() => (received.length >= 2 ? true : undefined));
		expect(received.map((event) => event.Type)).toEqual(['task.created', 'task.completed']);
		expect(received[1]).toMatchObject({
			EntityKey: created.json.key,
			OrganizationUnitId: Number(folderId(FOLDERS.shared)),
			UserId: robin.id,
			Tasks: [expect.objectContaining({ Id: created.json.id, Status: 'Completed', Action: 'approve', ExternalTag: 'tag-1' })],
		});
		await suite.call('DELETE', `/odata/Webhooks(${String(hook.json.Id)})`);
	});

	itConforms('every task event the sandbox sent validates against its x-webhook-event schema', async () => {
		await suite.sandbox.state.webhooksIdle();
		const tasks = suite.sandbox.state.webhookDeliveries.filter((delivery) => delivery.type.startsWith('task.'));
		expect(tasks.length).toBeGreaterThanOrEqual(2);
		const problems = tasks.map((delivery) => (validator as OpenApiValidator).validateWebhookEvent(delivery.body)).filter((result) => !result.valid);
		expect(problems).toEqual([]);
	});
});
