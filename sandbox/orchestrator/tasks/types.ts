/** Action Center tasks as one tenant keeps them (TaskDto's PascalCase names), plus what only the store needs. */

export const TASK_STATUSES = ['Unassigned', 'Pending', 'Completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** The kinds the sandbox creates: external (generic) tasks and form tasks. */
export type TaskType = 'ExternalTask' | 'FormTask';

export interface Task {
	Id: number;
	Key: string;
	Title: string;
	Type: TaskType;
	Priority: TaskPriority;
	Status: TaskStatus;
	OrganizationUnitId: number;
	TaskCatalogName: string | null;
	ExternalTag: string | null;
	Action: string | null;
	AssignedToUserId: number | null;
	CreatorUserId: number;
	LastModifierUserId: number | null;
	LastAssignedTime: string | null;
	CompletionTime: string | null;
	ParentOperationId: string | null;
	IsDeleted: boolean;
	DeleterUserId: number | null;
	DeletionTime: string | null;
	LastModificationTime: string | null;
	CreationTime: string;
	Tags: Array<{ Name: string; DisplayName?: string; Value?: string; DisplayValue?: string }>;
	/** The task's business data (TaskDataDto.data): what the robot handed over, then what the person entered. */
	data: Record<string, unknown>;
	/** A form task's layout, as CreateFormTask received it. */
	formLayout: Record<string, unknown> | null;
	completedByUserId: number | null;
}

export interface TaskCatalog {
	Id: number;
	Key: string;
	Name: string;
	Description: string | null;
	CreationTime: string;
	LastModificationTime: string | null;
	Encrypted: boolean;
	/** Folders the catalog is shared with. */
	folderIds: number[];
}

/** Someone a task can go to (UserLoginInfoDto), with the folders where they hold Tasks.View and Tasks.Edit. */
export interface TaskUser {
	id: number;
	userName: string;
	name: string;
	surname: string;
	emailAddress: string;
	/** Folder Ids, or 'all' for a tenant-wide role. */
	folderIds: readonly number[] | 'all';
}
