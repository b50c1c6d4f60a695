/** What a job is read with, so the output keeps the robot, process and machine UiPath names (JobDto's navigation properties). */
export const JOB_EXPAND = 'Robot,Release,Machine';

/** Orchestrator routes, relative to the tenant's Orchestrator URL (one table, as UiPath's own SDK keeps them). */
export const ODATA = {
	folders: '/odata/Folders',
	/** The folders the identity has roles in, paged with `skip`/`take` (not OData); no tenant-level permission needed. */
	currentUserFolders: '/api/Folders/GetAllForCurrentUser',
	releases: '/odata/Releases',
	processes: '/odata/Processes',
	jobs: '/odata/Jobs',
	job: (id: number) => `/odata/Jobs(${id})`,
	startJobs: '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs',
	stopJob: (id: number) => `/odata/Jobs(${id})/UiPath.Server.Configuration.OData.StopJob`,
	robots: '/odata/Robots',
	sessions: '/odata/Sessions',
	/** A folder's robots for identities without the tenant-level Robots.View (Jobs.Create in the folder is enough). */
	robotsFromFolder: (folderId: number) => `/odata/Robots/UiPath.Server.Configuration.OData.GetRobotsFromFolder(folderId=${folderId})`,
	queueDefinitions: '/odata/QueueDefinitions',
	queueItems: '/odata/QueueItems',
	addQueueItem: '/odata/Queues/UiPathODataSvc.AddQueueItem',
	assets: '/odata/Assets/UiPath.Server.Configuration.OData.GetFiltered',
	asset: (id: number) => `/odata/Assets(${id})`,
	robotLogs: '/odata/RobotLogs',
	bulkAddQueueItems: '/odata/Queues/UiPathODataSvc.BulkAddQueueItems',
	queueItem: (id: number) => `/odata/QueueItems(${id})`,
	buckets: '/odata/Buckets',
	bucketFiles: (bucketId: number) => `/odata/Buckets(${bucketId})/UiPath.Server.Configuration.OData.GetFiles`,
	bucketReadUri: (bucketId: number) => `/odata/Buckets(${bucketId})/UiPath.Server.Configuration.OData.GetReadUri`,
	bucketWriteUri: (bucketId: number) => `/odata/Buckets(${bucketId})/UiPath.Server.Configuration.OData.GetWriteUri`,
	bucketDeleteFile: (bucketId: number) => `/odata/Buckets(${bucketId})/UiPath.Server.Configuration.OData.DeleteFile`,
	attachments: '/odata/Attachments',
	attachment: (id: string) => `/odata/Attachments(${id})`,
	webhooks: '/odata/Webhooks',
	webhook: (id: number) => `/odata/Webhooks(${id})`,
	task: (id: number) => `/odata/Tasks(${id})`,
	taskByKey: (key: string) => `/odata/Tasks/UiPath.Server.Configuration.OData.GetByKey(identifier=${key})`,
	/** Tasks of modern folders; `/odata/Tasks` lists classic folders only (orchestrator.yaml), so listings filter this by folder. */
	tasksAcrossFolders: '/odata/Tasks/UiPath.Server.Configuration.OData.GetTasksAcrossFolders',
	taskUsers: (folderId: number) => `/odata/Tasks/UiPath.Server.Configuration.OData.GetTaskUsers(organizationUnitId=${folderId})`,
	assignTasks: '/odata/Tasks/UiPath.Server.Configuration.OData.AssignTasks',
	reassignTasks: '/odata/Tasks/UiPath.Server.Configuration.OData.ReassignTasks',
	unassignTasks: '/odata/Tasks/UiPath.Server.Configuration.OData.UnassignTasks',
	deleteTasks: '/odata/Tasks/UiPath.Server.Configuration.OData.DeleteTasks',
	taskCatalogs: '/odata/TaskCatalogs',
} as const;

/** Action Center's routes per task type (external tasks are GenericTasks, form tasks TaskForms), relative to Orchestrator. */
export const TASK_ROUTES = {
	ExternalTask: {
		create: '/tasks/GenericTasks/CreateTask',
		data: '/tasks/GenericTasks/GetTaskDataById',
		complete: '/tasks/GenericTasks/CompleteTask',
	},
	FormTask: {
		create: '/forms/TaskForms/CreateFormTask',
		data: '/forms/TaskForms/GetTaskDataById',
		complete: '/forms/TaskForms/CompleteTask',
	},
} as const;
export type TaskType = keyof typeof TASK_ROUTES;

export const TASK_STATUSES = ['Unassigned', 'Pending', 'Completed'] as const;
export const TASK_PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;

/** Automation Cloud portal (organization-scoped), relative to `portalUrl`. */
export const PORTAL = {
	tenantsAndOrganizationInfo: '/filtering/leftnav/tenantsAndOrganizationInfo',
} as const;

/** The 2019 account service, relative to `legacyCloudRpaUrl`. */
export const CLOUD_RPA = {
	accountsForUser: '/getAccountsForUser',
	serviceInstances: (account: string) => `/account/${encodeURIComponent(account)}/getAllServiceInstances`,
} as const;

export const HEADERS = {
	folderId: 'X-UIPATH-OrganizationUnitId',
	folderPathEncoded: 'X-UIPATH-FolderPath-Encoded',
} as const;

/** A UiPath Key (job, process/release), as the text of a regular expression for parameter validation. */
export const GUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const GUID = new RegExp(`^${GUID_PATTERN}$`);

/** Orchestrator refuses `$top` above this. */
export const ODATA_PAGE_SIZE = 1000;
/** Automation Cloud refuses `$top` above 100 on `GET /odata/QueueItems` (release notes, June 2024). */
export const CLOUD_QUEUE_ITEMS_PAGE_SIZE = 100;

export const JOB_STATES = [
	'Pending',
	'Running',
	'Stopping',
	'Terminating',
	'Faulted',
	'Successful',
	'Stopped',
	'Suspended',
	'Resumed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a job never leaves. */
export const FINAL_JOB_STATES: readonly JobState[] = ['Successful', 'Faulted', 'Stopped'];
/** Final states that fail the item. */
export const FAILED_JOB_STATES: readonly JobState[] = ['Faulted', 'Stopped'];

export const START_STRATEGIES = ['ModernJobsCount', 'JobsCount', 'Specific', 'All', 'RobotCount'] as const;
export type StartStrategy = (typeof START_STRATEGIES)[number];

export const QUEUE_ITEM_STATUSES = [
	'New',
	'InProgress',
	'Failed',
	'Successful',
	'Abandoned',
	'Retried',
	'Deleted',
] as const;

/** Severities of robot log lines (`LogDto.Level`), lowest first. */
export const LOG_LEVELS = ['Trace', 'Debug', 'Info', 'Warn', 'Error', 'Fatal'] as const;
/** A faulted job's item carries at most this many of its last error log lines. */
export const MAX_FAULT_LOG_LINES = 20;

/** Orchestrator's limit on `StartProcessDto.InputArguments`. */
export const MAX_INPUT_ARGUMENTS_LENGTH = 10000;
/** Orchestrator's limit on `Reference` (jobs and queue items). */
export const MAX_REFERENCE_LENGTH = 128;

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 3600;
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
