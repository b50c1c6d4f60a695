import { randomUUID } from 'crypto';
import type { TokenInfo } from '../../contract';
import { badRequest, notFound } from '../reply';
import type { TenantStore } from '../store/tenantStore';
import type { Folder } from '../store/types';
import { TASK_PRIORITIES, type Task, type TaskPriority, type TaskType, type TaskUser } from './types';

/**
 * The task state machine: Unassigned → (assign) → Pending → (complete) → Completed; unassign takes Pending back
 * to Unassigned, reassign moves Pending to another person. Completed and deleted tasks accept no change.
 */

/** The Id an application acting as itself (client credentials) records as creator or modifier, as GetCurrentUser answers it. */
const APPLICATION_USER_ID = 9;
const MAX_TITLE_LENGTH = 512;
const MAX_CATALOG_NAME_LENGTH = 50;
const MAX_EXTERNAL_TAG_LENGTH = 512;

/** The person behind a token: the seeded task user with its e-mail; 2019 and on-premises sessions act as the first user. */
export function taskUserOf(store: TenantStore, token: TokenInfo): TaskUser | undefined {
	if (token.kind === 'client') return undefined;
	const subject = token.subject.toLowerCase();
	return store.taskUsers.find((user) => user.emailAddress === subject || user.userName === subject) ?? store.taskUsers[0];
}

export const actorIdOf = (store: TenantStore, token: TokenInfo) => taskUserOf(store, token)?.id ?? APPLICATION_USER_ID;

/** Whether the person holds Tasks.View and Tasks.Edit in the folder (GetTaskUsers lists exactly these). */
export const canTake = (user: TaskUser, folderId: number) => user.folderIds === 'all' || user.folderIds.includes(folderId);

/** The task with this Id in the folder; deleted tasks are gone for every route. */
export function taskIn(store: TenantStore, folder: Folder, id: number): Task | undefined {
	const task = store.tasks.get(id);
	return task && !task.IsDeleted && task.OrganizationUnitId === folder.Id ? task : undefined;
}

export function requireTask(store: TenantStore, folder: Folder, id: unknown): Task {
	if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw badRequest('taskId must be the numeric Id of a task.');
	const task = taskIn(store, folder, id);
	if (!task) throw notFound(`Task ${id} does not exist in folder '${folder.FullyQualifiedName}'.`);
	return task;
}

function optionalText(body: Record<string, unknown>, name: string, max: number): string | null {
	const value = body[name];
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string') throw badRequest(`${name} must be a string.`);
	if (value.length > max) throw badRequest(`${name} is ${value.length} characters long; the maximum is ${max}.`);
	return value;
}

export function optionalObject(body: Record<string, unknown>, name: string): Record<string, unknown> | null {
	const value = body[name];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name} must be a JSON object.`);
	return value as Record<string, unknown>;
}

function readPriority(body: Record<string, unknown>): TaskPriority {
	const priority = body.priority ?? 'Medium';
	if (typeof priority !== 'string' || !(TASK_PRIORITIES as readonly string[]).includes(priority)) {
		throw badRequest(`priority must be one of ${TASK_PRIORITIES.join(', ')}.`);
	}
	return priority as TaskPriority;
}

/** A catalog named on a task must exist and be shared with the task's folder. */
function readCatalog(store: TenantStore, folder: Folder, body: Record<string, unknown>): string | null {
	const name = optionalText(body, 'taskCatalogName', MAX_CATALOG_NAME_LENGTH);
	if (name === null) return null;
	const catalog = [...store.taskCatalogs.values()].find((one) => one.Name.toLowerCase() === name.toLowerCase());
	if (!catalog || !catalog.folderIds.includes(folder.Id)) {
		throw badRequest(`Action catalog '${name}' does not exist or is not shared with folder '${folder.FullyQualifiedName}'.`);
	}
	return catalog.Name;
}

/** CreateTask (ExternalTask) and CreateFormTask (FormTask): a new Unassigned task. */
export function createTask(store: TenantStore, folder: Folder, type: TaskType, body: Record<string, unknown>, actorId: number): Task {
	const title = body.title;
	if (typeof title !== 'string' || title.trim() === '') throw badRequest('title is required.');
	if (title.length > MAX_TITLE_LENGTH) throw badRequest(`title is ${title.length} characters long; the maximum is ${MAX_TITLE_LENGTH}.`);
	if (type === 'ExternalTask' && body.type !== undefined && body.type !== null && body.type !== 'ExternalTask') {
		throw badRequest("type must be 'ExternalTask' on GenericTasks/CreateTask.");
	}
	const tags = body.tags ?? [];
	if (!Array.isArray(tags) || tags.some((tag) => !tag || typeof tag !== 'object' || typeof (tag as { Name?: unknown }).Name !== 'string')) {
		throw badRequest('tags must be an array of { "Name": "..." } objects.');
	}
	const now = new Date().toISOString();
	const id = store.nextId('task');
	const task: Task = {
		Id: id,
		Key: randomUUID(),
		Title: title,
		Type: type,
		Priority: readPriority(body),
		Status: 'Unassigned',
		OrganizationUnitId: folder.Id,
		TaskCatalogName: readCatalog(store, folder, body),
		ExternalTag: optionalText(body, 'externalTag', MAX_EXTERNAL_TAG_LENGTH),
		Action: null,
		AssignedToUserId: null,
		CreatorUserId: actorId,
		LastModifierUserId: null,
		LastAssignedTime: null,
		CompletionTime: null,
		ParentOperationId: optionalText(body, 'parentOperationId', 128),
		IsDeleted: false,
		DeleterUserId: null,
		DeletionTime: null,
		LastModificationTime: null,
		CreationTime: now,
		Tags: tags as Task['Tags'],
		data: optionalObject(body, 'data') ?? {},
		formLayout: type === 'FormTask' ? optionalObject(body, 'formLayout') : null,
		completedByUserId: null,
	};
	store.tasks.set(id, task);
	return task;
}

/** One failed entry of an assign/unassign/reassign/delete request (`TaskOperationErrorResponse`); the codes are the sandbox's own. */
export interface TaskOperationError {
	TaskId: number | null;
	UserId: number | null;
	ErrorCode: number;
	ErrorMessage: string;
	UserNameOrEmail: string | null;
}

export const TASK_ERROR_CODES = { notFound: 1002, completed: 2400, notAssignable: 2401, state: 2402 } as const;

const touch = (task: Task, actorId: number) => {
	task.LastModifierUserId = actorId;
	task.LastModificationTime = new Date().toISOString();
};

/** The person an assignment names (UserId wins over UserNameOrEmail, as TaskAssignmentRequest says). */
function assignee(store: TenantStore, entry: Record<string, unknown>): TaskUser | undefined {
	if (typeof entry.UserId === 'number') return store.taskUsers.find((user) => user.id === entry.UserId);
	const named = typeof entry.UserNameOrEmail === 'string' ? entry.UserNameOrEmail.toLowerCase() : undefined;
	return named ? store.taskUsers.find((user) => user.emailAddress === named || user.userName === named) : undefined;
}

/** AssignTasks (Unassigned only) and ReassignTasks (Unassigned or Pending): the entry's error, or undefined once assigned. */
export function assignTask(
	store: TenantStore,
	folder: Folder,
	entry: Record<string, unknown>,
	reassign: boolean,
	actorId: number,
): TaskOperationError | undefined {
	const taskId = typeof entry.TaskId === 'number' ? entry.TaskId : null;
	const userId = typeof entry.UserId === 'number' ? entry.UserId : null;
	const userNameOrEmail = typeof entry.UserNameOrEmail === 'string' ? entry.UserNameOrEmail : null;
	const fail = (ErrorCode: number, ErrorMessage: string): TaskOperationError => ({ TaskId: taskId, UserId: userId, ErrorCode, ErrorMessage, UserNameOrEmail: userNameOrEmail });
	const task = taskId === null ? undefined : taskIn(store, folder, taskId);
	if (!task) return fail(TASK_ERROR_CODES.notFound, `Task ${String(taskId)} does not exist in folder '${folder.FullyQualifiedName}'.`);
	if (task.Status === 'Completed') return fail(TASK_ERROR_CODES.completed, `Task ${task.Id} is already completed.`);
	if (!reassign && task.Status !== 'Unassigned') {
		return fail(TASK_ERROR_CODES.state, `Task ${task.Id} is already assigned; reassign it instead.`);
	}
	const user = assignee(store, entry);
	if (!user || !canTake(user, task.OrganizationUnitId)) {
		const who = userId ?? userNameOrEmail ?? 'no user';
		return fail(TASK_ERROR_CODES.notAssignable, `User '${who}' does not have Tasks.View and Tasks.Edit permissions in folder '${folder.FullyQualifiedName}'.`);
	}
	task.Status = 'Pending';
	task.AssignedToUserId = user.id;
	task.LastAssignedTime = new Date().toISOString();
	touch(task, actorId);
	return undefined;
}

/** UnassignTasks: Pending back to Unassigned. */
export function unassignTask(store: TenantStore, folder: Folder, taskId: unknown, actorId: number): TaskOperationError | undefined {
	const id = typeof taskId === 'number' ? taskId : null;
	const fail = (ErrorCode: number, ErrorMessage: string): TaskOperationError => ({ TaskId: id, UserId: null, ErrorCode, ErrorMessage, UserNameOrEmail: null });
	const task = id === null ? undefined : taskIn(store, folder, id);
	if (!task) return fail(TASK_ERROR_CODES.notFound, `Task ${String(taskId)} does not exist in folder '${folder.FullyQualifiedName}'.`);
	if (task.Status === 'Completed') return fail(TASK_ERROR_CODES.completed, `Task ${task.Id} is already completed.`);
	if (task.Status === 'Unassigned') return fail(TASK_ERROR_CODES.state, `Task ${task.Id} is not assigned.`);
	task.Status = 'Unassigned';
	task.AssignedToUserId = null;
	touch(task, actorId);
	return undefined;
}

/** DeleteTasks: the task stays in the store, marked deleted, and no route shows it again. */
export function deleteTask(store: TenantStore, folder: Folder, taskId: unknown, actorId: number): TaskOperationError | undefined {
	const id = typeof taskId === 'number' ? taskId : null;
	const task = id === null ? undefined : taskIn(store, folder, id);
	if (!task) {
		return { TaskId: id, UserId: null, ErrorCode: TASK_ERROR_CODES.notFound, ErrorMessage: `Task ${String(taskId)} does not exist in folder '${folder.FullyQualifiedName}'.`, UserNameOrEmail: null };
	}
	task.IsDeleted = true;
	task.DeleterUserId = actorId;
	task.DeletionTime = new Date().toISOString();
	return undefined;
}

/** The route's type must be the task's: GenericTasks serve external tasks, TaskForms form tasks. */
export function requireType(task: Task, type: TaskType): void {
	if (task.Type !== type) throw badRequest(`Task ${task.Id} is a ${task.Type}; this route serves ${type}s.`);
}

/** SaveTaskData: the data replaced, the task still open. */
export function saveTaskData(task: Task, data: Record<string, unknown>, actorId: number): void {
	if (task.Status === 'Completed') throw badRequest(`Task ${task.Id} is already completed; its data can no longer change.`);
	task.data = data;
	touch(task, actorId);
}

/** CompleteTask: the action and the data the person submitted; Completed is final. */
export function completeTask(task: Task, body: Record<string, unknown>, actorId: number): void {
	if (task.Status === 'Completed') throw badRequest(`Task ${task.Id} is already completed.`);
	// An external system may close its task at any time; a form is completed by the person it is assigned to.
	if (task.Type === 'FormTask' && task.Status !== 'Pending') throw badRequest(`Task ${task.Id} is not assigned to anyone; assign it before completing it.`);
	const action = body.action;
	if (action !== undefined && action !== null && typeof action !== 'string') throw badRequest('action must be a string.');
	const data = optionalObject(body, 'data');
	const now = new Date().toISOString();
	if (data) task.data = data;
	task.Action = typeof action === 'string' && action !== '' ? action : null;
	task.Status = 'Completed';
	task.CompletionTime = now;
	task.completedByUserId = actorId;
	// A task completed without an assignee is recorded as the completing person's, as Action Center does.
	task.AssignedToUserId ??= actorId === APPLICATION_USER_ID ? null : actorId;
	touch(task, actorId);
}

/** EditTaskMetadata: title, priority and catalog of an open task. */
export function editTaskMetadata(store: TenantStore, folder: Folder, body: Record<string, unknown>, actorId: number): void {
	const task = requireTask(store, folder, body.TaskId);
	if (task.Status === 'Completed') throw badRequest(`Task ${task.Id} is already completed.`);
	const title = optionalText(body, 'Title', MAX_TITLE_LENGTH);
	if (title !== null) task.Title = title;
	if (body.Priority !== undefined && body.Priority !== null) task.Priority = readPriority({ priority: body.Priority });
	if (body.UnsetTaskCatalog === true) task.TaskCatalogName = null;
	else if (typeof body.TaskCatalogId === 'number') {
		const catalog = store.taskCatalogs.get(body.TaskCatalogId);
		if (!catalog || !catalog.folderIds.includes(folder.Id)) throw badRequest(`Action catalog ${body.TaskCatalogId} is not shared with folder '${folder.FullyQualifiedName}'.`);
		task.TaskCatalogName = catalog.Name;
	}
	touch(task, actorId);
}
