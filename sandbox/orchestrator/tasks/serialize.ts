import type { TenantStore } from '../store/tenantStore';
import type { Task, TaskCatalog, TaskUser } from './types';

/** `UserLoginInfoDto` (camelCase even inside PascalCase DTOs, as Orchestrator sends it). */
export function userLoginInfo(user: TaskUser | undefined): Record<string, unknown> | null {
	if (!user) return null;
	return {
		name: user.name,
		surname: user.surname,
		userName: user.userName,
		emailAddress: user.emailAddress,
		displayName: `${user.name} ${user.surname}`,
		id: user.id,
	};
}

export const taskUserById = (store: TenantStore, id: number | null) =>
	id === null ? undefined : store.taskUsers.find((user) => user.id === id);

/** `TaskDto`: the task's metadata, no data (GET /odata/Tasks). */
export function taskDto(store: TenantStore, task: Task): Record<string, unknown> {
	const assignee = taskUserById(store, task.AssignedToUserId);
	return {
		Status: task.Status,
		AssignedToUser: userLoginInfo(assignee),
		TaskAssignmentCriteria: 'SingleUser',
		CreatorUser: userLoginInfo(taskUserById(store, task.CreatorUserId)),
		LastModifierUser: userLoginInfo(taskUserById(store, task.LastModifierUserId)),
		TaskCatalogName: task.TaskCatalogName,
		IsCompleted: task.Status === 'Completed',
		Encrypted: false,
		Tags: task.Tags,
		Action: task.Action,
		TaskAssigneeName: assignee ? `${assignee.name} ${assignee.surname}` : null,
		Title: task.Title,
		Type: task.Type,
		Priority: task.Priority,
		AssignedToUserId: task.AssignedToUserId,
		OrganizationUnitId: task.OrganizationUnitId,
		ExternalTag: task.ExternalTag,
		LastAssignedTime: task.LastAssignedTime,
		CompletionTime: task.CompletionTime,
		ParentOperationId: task.ParentOperationId,
		Key: task.Key,
		IsDeleted: task.IsDeleted,
		DeleterUserId: task.DeleterUserId,
		DeletionTime: task.DeletionTime,
		LastModificationTime: task.LastModificationTime,
		LastModifierUserId: task.LastModifierUserId,
		CreationTime: task.CreationTime,
		CreatorUserId: task.CreatorUserId,
		Id: task.Id,
	};
}

/** `TaskDataDto`: the task with its data and the action taken (CreateTask, GetTaskDataById), in camelCase. */
export function taskDataDto(store: TenantStore, task: Task): Record<string, unknown> {
	const assignee = taskUserById(store, task.AssignedToUserId);
	return {
		status: task.Status,
		data: task.data,
		action: task.Action,
		organizationUnitFullyQualifiedName: store.folders.get(task.OrganizationUnitId)?.FullyQualifiedName ?? null,
		tags: task.Tags,
		assignedToUser: userLoginInfo(assignee),
		completedByUser: userLoginInfo(taskUserById(store, task.completedByUserId)),
		taskAssignmentCriteria: 'SingleUser',
		taskAssignees: assignee ? [userLoginInfo(assignee)] : [],
		title: task.Title,
		type: task.Type,
		priority: task.Priority,
		assignedToUserId: task.AssignedToUserId,
		organizationUnitId: task.OrganizationUnitId,
		externalTag: task.ExternalTag,
		lastAssignedTime: task.LastAssignedTime,
		completionTime: task.CompletionTime,
		parentOperationId: task.ParentOperationId,
		key: task.Key,
		isDeleted: task.IsDeleted,
		deleterUserId: task.DeleterUserId,
		deletionTime: task.DeletionTime,
		lastModificationTime: task.LastModificationTime,
		lastModifierUserId: task.LastModifierUserId,
		creationTime: task.CreationTime,
		creatorUserId: task.CreatorUserId,
		id: task.Id,
	};
}

/** `TaskCatalogDto`. */
export const taskCatalogDto = (catalog: TaskCatalog): Record<string, unknown> => ({
	Key: catalog.Key,
	Name: catalog.Name,
	Description: catalog.Description,
	CreationTime: catalog.CreationTime,
	LastModificationTime: catalog.LastModificationTime,
	FoldersCount: catalog.folderIds.length,
	Encrypted: catalog.Encrypted,
	Tags: [],
	Id: catalog.Id,
});

/** What both task event DTOs carry (`BaseWebhookTaskDto`). */
const webhookTask = (task: Task): Record<string, unknown> => ({
	Title: task.Title,
	Type: task.Type,
	Priority: task.Priority,
	Status: task.Status,
	CreationTime: task.CreationTime,
	TaskCatalogName: task.TaskCatalogName,
	Id: task.Id,
	OrganizationUnitId: task.OrganizationUnitId,
	AssignedToUserId: task.AssignedToUserId,
	Key: task.Key,
});

/** `WebhookTaskCreatedDto` (each of task.created's `Tasks`). */
export const webhookTaskCreated = (task: Task): Record<string, unknown> => ({ ParentOperationId: task.ParentOperationId, Tags: task.Tags, ...webhookTask(task) });

/** `WebhookTaskCompletedDto` (each of task.completed's `Tasks`): the action, not the data. */
export const webhookTaskCompleted = (task: Task): Record<string, unknown> => ({ ...webhookTask(task), Action: task.Action, ExternalTag: task.ExternalTag });
