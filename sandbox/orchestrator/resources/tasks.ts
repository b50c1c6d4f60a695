import { jsonBody, type Route, type RouteContext } from '../context';
import type { EntitySet } from '../odata/query';
import { badRequest, noContent, notFound, ok } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import { canSeeFolder } from '../access';
import {
	actorIdOf,
	assignTask,
	canTake,
	completeTask,
	createTask,
	deleteTask,
	editTaskMetadata,
	optionalObject,
	requireTask,
	requireType,
	saveTaskData,
	unassignTask,
	type TaskOperationError,
} from '../tasks/lifecycle';
import { taskCatalogDto, taskDataDto, taskDto, userLoginInfo } from '../tasks/serialize';
import type { Task, TaskType } from '../tasks/types';
import { byIdRoute, listRoute } from './generic';

/** Action Center's routes: /odata/Tasks (metadata, assignment, deletion), GenericTasks (external tasks) and TaskForms (form tasks). */

const ACTION = 'UiPath\\.Server\\.Configuration\\.OData';
type Wire = Record<string, unknown> & { Id: number };

/** Who a task is assigned to, who created and who last changed it: navigation properties, sent on `$expand`. */
const NAVIGATION = ['AssignedToUser', 'CreatorUser', 'LastModifierUser'] as const;

const withoutNavigation = (dto: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(dto).filter(([name]) => !(NAVIGATION as readonly string[]).includes(name)));

/** TaskDto's own properties, in the order taskDto() writes them. */
const TASK_FIELDS = [
	'Status', 'TaskAssignmentCriteria', 'TaskCatalogName', 'IsCompleted', 'Encrypted', 'Tags', 'Action', 'TaskAssigneeName',
	'Title', 'Type', 'Priority', 'AssignedToUserId', 'OrganizationUnitId', 'ExternalTag', 'LastAssignedTime', 'CompletionTime',
	'ParentOperationId', 'Key', 'IsDeleted', 'DeleterUserId', 'DeletionTime', 'LastModificationTime', 'LastModifierUserId',
	'CreationTime', 'CreatorUserId', 'Id',
];

/** The OData view of tasks: TaskDto records, whose navigation properties only `$expand` sends. */
const TASK_SET: EntitySet<Wire> = {
	name: 'Tasks',
	typeName: 'TaskDto',
	fields: TASK_FIELDS,
	navigation: Object.fromEntries(NAVIGATION.map((name) => [name, (dto: Wire) => dto[name] ?? null])),
};

const live = (context: RouteContext) => [...context.store.tasks.values()].filter((task) => !task.IsDeleted);
const dtos = (context: RouteContext, tasks: Task[]) => tasks.map((task) => taskDto(context.store, task) as Wire);

const inFolder = {
	scopes: readScopes('Tasks'),
	folderScoped: true,
	set: () => TASK_SET,
	items: (context: RouteContext) => dtos(context, live(context).filter((task) => task.OrganizationUnitId === context.folder.Id)),
};

const CATALOG_SET: EntitySet<Wire> = {
	name: 'TaskCatalogs',
	typeName: 'TaskCatalogDto',
	fields: ['Key', 'Name', 'Description', 'CreationTime', 'LastModificationTime', 'FoldersCount', 'Encrypted', 'Tags', 'Id'],
};

const operationErrors = (context: RouteContext, errors: Array<TaskOperationError | undefined>) =>
	ok({
		'@odata.context': `${context.serviceRoot}/odata/$metadata#Collection(UiPath.Server.Configuration.OData.TaskOperationErrorResponse)`,
		value: errors.filter((error): error is TaskOperationError => error !== undefined),
	});

/** TasksAssignRequest's array; ASP.NET binds property names case-insensitively, so `TaskAssignments` (uipath-typescript) works too. */
function listIn(body: Record<string, unknown>, name: string, description: string): unknown[] {
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	const value = key === undefined ? undefined : body[key];
	if (!Array.isArray(value)) throw badRequest(`${name} is required: ${description}.`);
	return value;
}

const entries = (values: unknown[], name: string) =>
	values.map((value, index) => {
		if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name}[${index}] must be an object.`);
		return value as Record<string, unknown>;
	});

function assignRoute(name: 'AssignTasks' | 'ReassignTasks'): Route {
	return {
		method: 'POST',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.${name}$`),
		scopes: writeScopes('Tasks'),
		folderScoped: true,
		handle(context) {
			const body = jsonBody(context, '{ "taskAssignments": [{ "TaskId": 1, "UserId": 7 }] }');
			const assignments = entries(listIn(body, 'taskAssignments', 'an array of { "TaskId", "UserId" or "UserNameOrEmail" }'), 'taskAssignments');
			const actor = actorIdOf(context.store, context.token);
			return operationErrors(context, assignments.map((entry) => assignTask(context.store, context.folder, entry, name === 'ReassignTasks', actor)));
		},
	};
}

function taskIdsRoute(name: 'UnassignTasks' | 'DeleteTasks', apply: typeof unassignTask): Route {
	return {
		method: 'POST',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.${name}$`),
		scopes: writeScopes('Tasks'),
		folderScoped: true,
		handle(context) {
			const body = jsonBody(context, '{ "taskIds": [1] }');
			const ids = listIn(body, 'taskIds', 'an array of task Ids');
			const actor = actorIdOf(context.store, context.token);
			return operationErrors(context, ids.map((id) => apply(context.store, context.folder, id, actor)));
		},
	};
}

function taskIdQuery(context: RouteContext): number {
	const raw = context.query.get('taskId') ?? '';
	if (!/^\d+$/.test(raw)) throw badRequest('The taskId query parameter must be the numeric Id of a task.');
	return Number(raw);
}

/** The body of a SaveTaskData or CompleteTask request and the open task of the route's type it names. */
function taskOfBody(context: RouteContext, type: TaskType, description: string): { body: Record<string, unknown>; task: Task } {
	const body = jsonBody(context, description);
	const task = requireTask(context.store, context.folder, body.taskId);
	requireType(task, type);
	return { body, task };
}

/** The routes one task type has: create, read its data, save its data, complete it. */
function typedTaskRoutes(prefix: string, createName: string, type: TaskType): Route[] {
	const base = prefix.replace(/\//g, '\\/');
	return [
		{
			method: 'POST',
			pattern: new RegExp(`^${base}/${createName}$`),
			scopes: writeScopes('Tasks'),
			folderScoped: true,
			handle(context) {
				const body = jsonBody(context, '{ "title": "...", "priority": "Medium", "data": { ... } }');
				const actor = actorIdOf(context.store, context.token);
				const task = createTask(context.store, context.folder, type, body, actor);
				context.webhooks.taskEvent(context.store, 'task.created', task, actor);
				return ok(taskDataDto(context.store, task), 201);
			},
		},
		{
			method: 'GET',
			pattern: new RegExp(`^${base}/GetTaskDataById$`),
			scopes: readScopes('Tasks'),
			folderScoped: true,
			handle(context) {
				const task = requireTask(context.store, context.folder, taskIdQuery(context));
				requireType(task, type);
				return ok(taskDataDto(context.store, task));
			},
		},
		{
			method: 'PUT',
			pattern: new RegExp(`^${base}/SaveTaskData$`),
			scopes: writeScopes('Tasks'),
			folderScoped: true,
			handle(context) {
				const { body, task } = taskOfBody(context, type, '{ "taskId": 1, "data": { ... } }');
				const data = optionalObject(body, 'data');
				if (!data) throw badRequest('data is required: the task data as a JSON object.');
				saveTaskData(task, data, actorIdOf(context.store, context.token));
				return noContent();
			},
		},
		{
			method: 'POST',
			pattern: new RegExp(`^${base}/CompleteTask$`),
			scopes: writeScopes('Tasks'),
			folderScoped: true,
			handle(context) {
				const { body, task } = taskOfBody(context, type, '{ "taskId": 1, "action": "approve", "data": { ... } }');
				const actor = actorIdOf(context.store, context.token);
				completeTask(task, body, actor);
				context.webhooks.taskEvent(context.store, 'task.completed', task, actor);
				return noContent();
			},
		},
	];
}

export const taskRoutes: Route[] = [
	listRoute('Tasks', inFolder),
	byIdRoute('Tasks', 'Task', inFolder),
	{
		// Every folder the caller has a role in; the folder header is not needed (uipath-typescript sends none).
		method: 'GET',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.GetTasksAcrossFolders$`),
		scopes: readScopes('Tasks'),
		folderScoped: false,
		handle(context) {
			const visible = live(context).filter((task) => {
				const folder = context.store.folders.get(task.OrganizationUnitId);
				return folder !== undefined && canSeeFolder(context.access, folder);
			});
			return listRoute('Tasks', { ...inFolder, folderScoped: false, items: () => dtos(context, visible) }).handle(context);
		},
	},
	{
		method: 'GET',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.GetByKey\\(identifier=([0-9a-fA-F-]{36})\\)$`),
		scopes: readScopes('Tasks'),
		folderScoped: true,
		handle(context) {
			const key = context.params[0].toLowerCase();
			const task = live(context).find((one) => one.Key === key && one.OrganizationUnitId === context.folder.Id);
			if (!task) throw notFound(`Task ${key} does not exist.`);
			return ok({ '@odata.context': `${context.serviceRoot}/odata/$metadata#Tasks/$entity`, ...withoutNavigation(taskDto(context.store, task)) });
		},
	},
	{
		method: 'GET',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.GetTaskUsers\\(organizationUnitId=(\\d+)\\)$`),
		scopes: readScopes('Tasks'),
		folderScoped: true,
		handle(context) {
			const folderId = Number(context.params[0]);
			const users = context.store.taskUsers.filter((user) => canTake(user, folderId)).map((user) => userLoginInfo(user) as Wire);
			const set: EntitySet<Wire> = { name: 'UserLoginInfo', typeName: 'UserLoginInfoDto', fields: ['name', 'surname', 'userName', 'emailAddress', 'displayName', 'id'] };
			return listRoute('UserLoginInfo', { scopes: [], folderScoped: true, set: () => set, items: () => users }).handle(context);
		},
	},
	assignRoute('AssignTasks'),
	assignRoute('ReassignTasks'),
	taskIdsRoute('UnassignTasks', unassignTask),
	taskIdsRoute('DeleteTasks', deleteTask),
	{
		method: 'POST',
		pattern: new RegExp(`^/odata/Tasks/${ACTION}\\.EditTaskMetadata$`),
		scopes: writeScopes('Tasks'),
		folderScoped: true,
		handle(context) {
			editTaskMetadata(context.store, context.folder, jsonBody(context, '{ "TaskId": 1, "Title": "..." }'), actorIdOf(context.store, context.token));
			return ok(undefined);
		},
	},
	listRoute('TaskCatalogs', {
		scopes: readScopes('Tasks'),
		folderScoped: true,
		set: () => CATALOG_SET,
		items: (context) =>
			[...context.store.taskCatalogs.values()].filter((catalog) => catalog.folderIds.includes(context.folder.Id)).map((catalog) => taskCatalogDto(catalog) as Wire),
	}),
	...typedTaskRoutes('/tasks/GenericTasks', 'CreateTask', 'ExternalTask'),
	...typedTaskRoutes('/forms/TaskForms', 'CreateFormTask', 'FormTask'),
];
