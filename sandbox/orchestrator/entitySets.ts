import type { EntitySet } from './odata/query';
import type { TenantStore } from './store/tenantStore';
import type {
	Asset,
	Folder,
	Job,
	ProcessPackage,
	QueueDefinition,
	QueueItem,
	Release,
	Robot,
	RobotLog,
	Session,
	Webhook,
} from './store/types';

/** Lists the wire properties of an entity, checked against its type. */
const fieldsOf =
	<T>() =>
	<K extends keyof T & string>(...names: K[]): readonly string[] =>
		names;

/** The short robot UiPath nests in a job (`SimpleRobotDto`). */
export function simpleRobot(robot: Robot | undefined): Record<string, unknown> | null {
	if (!robot) return null;
	return {
		LicenseKey: null,
		MachineName: robot.MachineName,
		MachineId: robot.MachineId,
		Name: robot.Name,
		Username: robot.Username,
		ExternalName: null,
		Description: robot.Description,
		Type: robot.Type,
		HostingType: robot.HostingType,
		ProvisionType: robot.ProvisionType,
		Password: null,
		CredentialStoreId: null,
		UserId: null,
		Enabled: robot.Enabled,
		CredentialType: robot.CredentialType,
		Environments: [],
		RobotEnvironments: '',
		ExecutionSettings: {},
		IsExternalLicensed: robot.IsExternalLicensed,
		LimitConcurrentExecution: robot.LimitConcurrentExecution,
		Id: robot.Id,
	};
}

export const FOLDER_FIELDS = fieldsOf<Folder>()(
	'Key', 'DisplayName', 'FullyQualifiedName', 'Description', 'FolderType', 'IsPersonal', 'ProvisionType',
	'PermissionModel', 'ParentId', 'ParentKey', 'FeedType', 'Id',
);

export const RELEASE_FIELDS = fieldsOf<Release>()(
	'Key', 'ProcessKey', 'ProcessVersion', 'IsLatestVersion', 'IsProcessDeleted', 'Description', 'Name', 'EntryPointId',
	'EntryPointPath', 'InputArguments', 'EnvironmentVariables', 'ProcessType', 'SupportsMultipleEntryPoints',
	'RequiresUserInteraction', 'IsAttended', 'IsCompiled', 'Arguments', 'AutoUpdate', 'HiddenForAttendedUser', 'FeedId',
	'JobPriority', 'SpecificPriorityValue', 'FolderKey', 'OrganizationUnitId', 'OrganizationUnitFullyQualifiedName',
	'TargetFramework', 'RobotSize', 'RemoteControlAccess', 'Tags', 'LastModificationTime', 'CreationTime', 'Id',
);

export const PACKAGE_FIELDS = fieldsOf<ProcessPackage>()(
	'IsActive', 'Arguments', 'SupportsMultipleEntryPoints', 'MainEntryPointPath', 'EntryPoints', 'RequiresUserInteraction', 'IsAttended', 'TargetFramework',
	'PackageType', 'Title', 'Version', 'Key', 'Description', 'Published', 'IsLatestVersion', 'Authors', 'ProjectType',
	'IsCompiled', 'Id',
);

export const JOB_FIELDS = fieldsOf<Job>()(
	'Key', 'StartTime', 'EndTime', 'State', 'JobPriority', 'SpecificPriorityValue', 'Source', 'SourceType',
	'BatchExecutionKey', 'Info', 'CreationTime', 'StartingScheduleId', 'ReleaseName', 'Type', 'InputArguments',
	'InputFile', 'EnvironmentVariables', 'OutputArguments', 'OutputFile', 'HostMachineName', 'HasMediaRecorded', 'HasVideoRecorded',
	'PersistenceId', 'ResumeVersion', 'StopStrategy', 'RuntimeType', 'RequiresUserInteraction', 'ReleaseVersionId',
	'EntryPointPath', 'OrganizationUnitId', 'OrganizationUnitFullyQualifiedName', 'Reference', 'ProcessType',
	'ResumeOnSameContext', 'LocalSystemAccount', 'OrchestratorUserIdentity', 'RemoteControlAccess',
	'MaxExpectedRunningTimeSeconds', 'ParentJobKey', 'ResumeTime', 'LastModificationTime', 'JobError', 'ErrorCode',
	'TraceId', 'Id',
);

export const ROBOT_FIELDS = fieldsOf<Robot>()(
	'MachineName', 'MachineId', 'Name', 'Username', 'Description', 'Type', 'HostingType', 'ProvisionType', 'Enabled',
	'CredentialType', 'IsExternalLicensed', 'LimitConcurrentExecution', 'CreationTime', 'Id',
);

export const SESSION_FIELDS = fieldsOf<Session>()(
	'HostMachineName', 'MachineId', 'MachineName', 'State', 'ReportingTime', 'Info', 'IsUnresponsive',
	'OrganizationUnitId', 'FolderName', 'RobotSessionType', 'Version', 'Platform', 'Id',
);

export const QUEUE_FIELDS = fieldsOf<QueueDefinition>()(
	'Key', 'Name', 'Description', 'MaxNumberOfRetries', 'AcceptAutomaticallyRetry', 'RetryAbandonedItems',
	'EnforceUniqueReference', 'Encrypted', 'SpecificDataJsonSchema', 'OutputDataJsonSchema', 'AnalyticsDataJsonSchema',
	'CreationTime', 'ProcessScheduleId', 'SlaInMinutes', 'RiskSlaInMinutes', 'ReleaseId', 'IsProcessInCurrentFolder',
	'FoldersCount', 'OrganizationUnitId', 'OrganizationUnitFullyQualifiedName', 'Tags', 'Id',
);

export const QUEUE_ITEM_FIELDS = fieldsOf<QueueItem>()(
	'QueueDefinitionId', 'ProcessingException', 'Encrypted', 'SpecificContent', 'Output', 'OutputData', 'Status',
	'ReviewStatus', 'Key', 'Reference', 'ProcessingExceptionType', 'DueDate', 'RiskSlaDate', 'Priority', 'RobotId',
	'DeferDate', 'StartProcessing', 'EndProcessing', 'SecondsInPreviousAttempts', 'AncestorId', 'RetryNumber',
	'UniqueKey', 'SpecificData', 'CreationTime', 'Progress', 'OrganizationUnitId', 'OrganizationUnitFullyQualifiedName',
	'Id',
);

export const ASSET_FIELDS = fieldsOf<Asset>()(
	'Key', 'Name', 'CanBeDeleted', 'ValueScope', 'ValueType', 'Value', 'StringValue', 'BoolValue', 'IntValue',
	'CredentialUsername', 'HasDefaultValue', 'Description', 'FoldersCount', 'Tags', 'LastModificationTime', 'CreationTime',
	'Id',
);

export const ROBOT_LOG_FIELDS = fieldsOf<RobotLog>()(
	'Level', 'WindowsIdentity', 'ProcessName', 'TimeStamp', 'Message', 'JobKey', 'RawMessage', 'RobotName', 'HostMachineName',
	'MachineId', 'MachineKey', 'RuntimeType', 'Id',
);

export const WEBHOOK_FIELDS = fieldsOf<Webhook>()(
	'Key', 'Name', 'Description', 'Url', 'Enabled', 'Secret', 'SubscribeToAllEvents', 'AllowInsecureSsl', 'Events', 'Id',
);

/** The OData entity sets of one tenant, with navigation properties that read the tenant's store. */
export function entitySets(store: TenantStore) {
	const robot = (id: number | null) => (id === null ? undefined : store.robots.get(id));
	const folders: EntitySet<Folder> = { name: 'Folders', typeName: 'FolderDto', fields: FOLDER_FIELDS };
	const releases: EntitySet<Release> = { name: 'Releases', typeName: 'ReleaseDto', fields: RELEASE_FIELDS };
	const processes: EntitySet<ProcessPackage> = { name: 'Processes', typeName: 'ProcessDto', fields: PACKAGE_FIELDS };
	const jobs: EntitySet<Job> = {
		name: 'Jobs',
		typeName: 'JobDto',
		fields: JOB_FIELDS,
		navigation: {
			Robot: (job) => simpleRobot(robot(job.robotId)),
			Release: (job) => {
				const release = store.releases.get(job.releaseId);
				return release ? serializeFields(release, RELEASE_FIELDS) : null;
			},
			Machine: (job) => {
				const machine = store.machines.get(robot(job.robotId)?.MachineId ?? -1);
				return machine ? { ...machine } : null;
			},
		},
	};
	const robots: EntitySet<Robot> = { name: 'Robots', typeName: 'RobotDto', fields: ROBOT_FIELDS };
	// The robot with the user it belongs to; the sandbox's robots belong to no user, so those fields are null.
	const robotsFromFolder: EntitySet<Robot> = {
		name: 'Robots',
		typeName: 'RobotsFromFolderModel',
		fields: ['UserType', 'UserEmail', 'UserFullName', 'UserKey', ...ROBOT_FIELDS],
	};
	const sessions: EntitySet<Session> = {
		name: 'Sessions',
		typeName: 'SessionDto',
		fields: SESSION_FIELDS,
		navigation: { Robot: (session) => simpleRobot(robot(session.robotId)) },
	};
	const queues: EntitySet<QueueDefinition> = { name: 'QueueDefinitions', typeName: 'QueueDefinitionDto', fields: QUEUE_FIELDS };
	const queueItems: EntitySet<QueueItem> = {
		name: 'QueueItems',
		typeName: 'QueueItemDto',
		fields: QUEUE_ITEM_FIELDS,
		navigation: {
			QueueDefinition: (item) => {
				const queue = store.queues.get(item.QueueDefinitionId);
				return queue ? serializeFields(queue, QUEUE_FIELDS) : null;
			},
			Robot: (item) => simpleRobot(robot(item.RobotId)),
		},
	};
	const assets: EntitySet<Asset> = { name: 'Assets', typeName: 'AssetDto', fields: ASSET_FIELDS };
	const webhooks: EntitySet<Webhook> = { name: 'Webhooks', typeName: 'WebhookDto', fields: WEBHOOK_FIELDS };
	const robotLogs: EntitySet<RobotLog> = { name: 'RobotLogs', typeName: 'LogDto', fields: ROBOT_LOG_FIELDS };
	return { folders, releases, processes, jobs, robots, robotsFromFolder, sessions, queues, queueItems, assets, webhooks, robotLogs };
}

/** The wire form of an entity without OData options (webhook payloads, nested objects). */
export function serializeFields(entity: object, fields: readonly string[]): Record<string, unknown> {
	const record = entity as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const name of fields) out[name] = record[name] ?? null;
	return out;
}
