import { FOLDERS, TASK_CATALOGS, TASK_USERS } from '../../sandbox/fixtures';
import type { Sandbox } from '../../sandbox';
import type { ODataList, OrchestratorCall } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';

/** Reaches every Action Center route once, as the node and UiPath's SDKs send them, for the conformance test to check. */
export async function exerciseTaskRoutes(sandbox: Sandbox, call: OrchestratorCall): Promise<void> {
	const folderId = String(sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id);
	const folder = { headers: { 'X-UIPATH-OrganizationUnitId': folderId } };
	const [robin, , morgan] = TASK_USERS;
	const external = await call('POST', '/tasks/GenericTasks/CreateTask', {
		...folder,
		body: { type: 'ExternalTask', title: 'Approve INV-7', priority: 'High', data: { InvoiceId: 'INV-7', Amount: 7000 }, taskCatalogName: TASK_CATALOGS.approvals.name, externalTag: 'erp-7' },
	});
	const form = await call('POST', '/forms/TaskForms/CreateFormTask', { ...folder, body: { title: 'Review INV-7', formLayout: { components: [] }, data: { Note: '' } } });
	await call('GET', '/odata/Tasks', { ...folder, query: { $filter: "Status eq 'Unassigned'", $expand: 'AssignedToUser', $top: 10, $count: true } });
	await call('GET', `/odata/Tasks(${String(external.json.id)})`, folder);
	await call('GET', `/odata/Tasks/${ACTION}.GetByKey(identifier=${String(external.json.key)})`, folder);
	await call('GET', `/odata/Tasks/${ACTION}.GetTasksAcrossFolders`, { ...folder, query: { $top: 10 } });
	await call<ODataList>('GET', `/odata/Tasks/${ACTION}.GetTaskUsers(organizationUnitId=${folderId})`, folder);
	await call('GET', '/odata/TaskCatalogs', { ...folder, query: { $filter: `Name eq '${TASK_CATALOGS.approvals.name}'` } });
	await call('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...folder, body: { taskAssignments: [{ TaskId: external.json.id, UserNameOrEmail: morgan.email }] } });
	await call('POST', `/odata/Tasks/${ACTION}.ReassignTasks`, { ...folder, body: { taskAssignments: [{ TaskId: external.json.id, UserId: robin.id }] } });
	await call('POST', `/odata/Tasks/${ACTION}.UnassignTasks`, { ...folder, body: { taskIds: [external.json.id] } });
	await call('POST', `/odata/Tasks/${ACTION}.EditTaskMetadata`, { ...folder, body: { TaskId: external.json.id, Title: 'Approve INV-7 (EUR)', Priority: 'Critical' } });
	await call('PUT', '/tasks/GenericTasks/SaveTaskData', { ...folder, body: { taskId: external.json.id, data: { InvoiceId: 'INV-7', Amount: 7000, Seen: true } } });
	await call('POST', '/tasks/GenericTasks/CompleteTask', { ...folder, body: { taskId: external.json.id, action: 'approve', data: { Approved: true } } });
	await call('GET', '/tasks/GenericTasks/GetTaskDataById', { ...folder, query: { taskId: external.json.id as number } });
	await call('POST', `/odata/Tasks/${ACTION}.AssignTasks`, { ...folder, body: { taskAssignments: [{ TaskId: form.json.id, UserId: morgan.id }] } });
	await call('PUT', '/forms/TaskForms/SaveTaskData', { ...folder, body: { taskId: form.json.id, data: { Note: 'draft' } } });
	await call('POST', '/forms/TaskForms/CompleteTask', { ...folder, body: { taskId: form.json.id, action: 'submit', data: { Note: 'ok' } } });
	await call('GET', '/forms/TaskForms/GetTaskDataById', { ...folder, query: { taskId: form.json.id as number } });
	await call('POST', `/odata/Tasks/${ACTION}.DeleteTasks`, { ...folder, body: { taskIds: [form.json.id] } });
}
