import type { IDataObject } from 'n8n-workflow';

import { ODATA, TASK_ROUTES, type TaskType } from '../helpers/constants';
import type { FolderRef, ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';

/** A task as `/odata/Tasks` answers it (TaskDto, PascalCase). */
export interface TaskMetadata extends IDataObject {
	Id: number;
	Key: string;
	Type: string;
	Status: string;
	Title: string;
}

/** A task as GenericTasks / TaskForms answer it (TaskDataDto, camelCase), with its data and the action taken. */
export interface TaskData extends IDataObject {
	id: number;
	key: string;
	status: string;
	data?: IDataObject | null;
	action?: string | null;
}

/** One entry that Orchestrator refused in an assign/reassign/unassign/delete request (`TaskOperationErrorResponse`). */
export interface TaskOperationError extends IDataObject {
	TaskId?: number | null;
	UserId?: number | null;
	ErrorCode?: number | null;
	ErrorMessage?: string | null;
	UserNameOrEmail?: string | null;
}

/** Someone a task can go to (`UserLoginInfoDto`). */
export interface TaskUser extends IDataObject {
	id: number;
	userName?: string | null;
	emailAddress?: string | null;
	displayName?: string | null;
}

/** The routes of a task type; app and document tasks have their own, which the node does not serve. */
export function taskRoutes(type: string): (typeof TASK_ROUTES)[TaskType] | undefined {
	return type in TASK_ROUTES ? TASK_ROUTES[type as TaskType] : undefined;
}

/** CreateTask (external) or CreateFormTask (form). Not retried blindly: a resend would create a second task. */
export async function createTask(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	type: TaskType,
	body: IDataObject,
): Promise<TaskData> {
	return await uiPathApiRequest<TaskData>(context, credentialType, { method: 'POST', path: TASK_ROUTES[type].create, folder, body, idempotent: false });
}

/** The task's metadata, by its numeric Id or its Key. */
export async function getTask(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	task: { id: number } | { key: string },
): Promise<TaskMetadata> {
	const path = 'id' in task ? ODATA.task(task.id) : ODATA.taskByKey(task.key);
	return await uiPathApiRequest<TaskMetadata>(context, credentialType, { path, folder });
}

/** The task's data and the action taken, from the route of its type. */
export async function getTaskData(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	type: TaskType,
	taskId: number,
): Promise<TaskData> {
	return await uiPathApiRequest<TaskData>(context, credentialType, { path: TASK_ROUTES[type].data, folder, qs: { taskId } });
}

/** CompleteTask of the task's type (Orchestrator refuses a second completion). */
export async function completeTask(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	type: TaskType,
	body: { taskId: number; action: string; data?: IDataObject },
): Promise<void> {
	await uiPathApiRequest(context, credentialType, { method: 'POST', path: TASK_ROUTES[type].complete, folder, body });
}

export type AssignmentChange = 'assign' | 'reassign' | 'unassign';

/** Assign/Reassign (to a user Id or a user name or e-mail) or Unassign one task; the entries Orchestrator refused. */
export async function changeTaskAssignment(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	change: AssignmentChange,
	taskId: number,
	user?: { UserId: number } | { UserNameOrEmail: string },
): Promise<TaskOperationError[]> {
	const path = { assign: ODATA.assignTasks, reassign: ODATA.reassignTasks, unassign: ODATA.unassignTasks }[change];
	const body = change === 'unassign' ? { taskIds: [taskId] } : { taskAssignments: [{ TaskId: taskId, ...user }] };
	const response = await uiPathApiRequest<ODataPage<TaskOperationError>>(context, credentialType, { method: 'POST', path, folder, body, idempotent: true });
	return Array.isArray(response?.value) ? response.value : [];
}

export async function deleteTask(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	taskId: number,
): Promise<TaskOperationError[]> {
	const response = await uiPathApiRequest<ODataPage<TaskOperationError>>(context, credentialType, {
		method: 'POST',
		path: ODATA.deleteTasks,
		folder,
		body: { taskIds: [taskId] },
		idempotent: true,
	});
	return Array.isArray(response?.value) ? response.value : [];
}

/** The action catalog of this name shared with the folder, if any. */
export async function findTaskCatalog(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	name: string,
): Promise<IDataObject | undefined> {
	const response = await uiPathApiRequest<ODataPage<IDataObject>>(context, credentialType, {
		path: ODATA.taskCatalogs,
		folder,
		qs: { $filter: `Name eq ${odataString(name)}`, $top: 1, $select: 'Id,Name' },
	});
	return response.value?.[0];
}

/** The person with this e-mail or user name among those a task in the folder can go to. */
export async function findTaskUser(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folderId: number,
	emailOrUserName: string,
): Promise<TaskUser | undefined> {
	const text = odataString(emailOrUserName);
	const response = await uiPathApiRequest<ODataPage<TaskUser>>(context, credentialType, {
		path: ODATA.taskUsers(folderId),
		folder: { id: folderId },
		qs: { $filter: `emailAddress eq ${text} or userName eq ${text}`, $top: 1 },
	});
	return response.value?.[0];
}
