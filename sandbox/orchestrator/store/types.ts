/**
 * Stored Orchestrator entities. PascalCase properties are what UiPath sends (see the DTOs in
 * orchestrator.yaml); camelCase ones are the sandbox's own bookkeeping and never leave the server.
 */
export type JobState = 'Pending' | 'Running' | 'Stopping' | 'Terminating' | 'Faulted' | 'Successful' | 'Stopped';
export type ProcessBehaviourName = 'quick' | 'faulting' | 'slow';
export type QueueItemStatus = 'New' | 'InProgress' | 'Failed' | 'Successful' | 'Abandoned' | 'Retried' | 'Deleted';

export interface Folder {
	Id: number;
	Key: string;
	DisplayName: string;
	FullyQualifiedName: string;
	Description: string | null;
	FolderType: 'Standard';
	IsPersonal: boolean;
	ProvisionType: 'Automatic';
	PermissionModel: 'FineGrained';
	ParentId: number | null;
	ParentKey: string | null;
	FeedType: 'Processes';
}

/** A package in the tenant feed (`/odata/Processes`). */
export interface ProcessPackage {
	Id: string;
	Key: string;
	Title: string;
	Version: string;
	Description: string;
	Published: string;
	IsLatestVersion: boolean;
	IsActive: boolean;
	Authors: string;
	PackageType: 'Process';
	ProjectType: 'Process';
	MainEntryPointPath: string;
	SupportsMultipleEntryPoints: boolean;
	/** `EntryPointDto`s: the workflows a job of this package can start at. */
	EntryPoints: { UniqueId: string; Path: string; InputArguments: string | null; OutputArguments: string | null; Id: number }[];
	TargetFramework: 'Windows';
	RequiresUserInteraction: boolean;
	IsAttended: boolean;
	IsCompiled: boolean;
	Arguments: { Input: string | null; Output: string | null };
}

/** A process deployed to a folder (UiPath calls it a release in the API). */
export interface Release {
	Id: number;
	Key: string;
	ProcessKey: string;
	ProcessVersion: string;
	IsLatestVersion: boolean;
	IsProcessDeleted: boolean;
	Description: string;
	Name: string;
	EntryPointId: number;
	EntryPointPath: string;
	InputArguments: string | null;
	EnvironmentVariables: string;
	ProcessType: 'Process';
	SupportsMultipleEntryPoints: boolean;
	RequiresUserInteraction: boolean;
	IsAttended: boolean;
	IsCompiled: boolean;
	Arguments: { Input: string | null; Output: string | null };
	AutoUpdate: boolean;
	HiddenForAttendedUser: boolean;
	FeedId: string;
	JobPriority: 'Low' | 'Normal' | 'High';
	SpecificPriorityValue: number;
	FolderKey: string;
	OrganizationUnitId: number;
	OrganizationUnitFullyQualifiedName: string;
	TargetFramework: 'Windows';
	RobotSize: null;
	RemoteControlAccess: 'None';
	Tags: never[];
	CreationTime: string;
	LastModificationTime: string | null;
	behaviour: ProcessBehaviourName;
}

export interface Machine {
	Id: number;
	Key: string;
	Name: string;
	Description: string;
	Type: 'Standard';
	Scope: 'Default';
	UnattendedSlots: number;
	NonProductionSlots: number;
	HeadlessSlots: number;
	TestAutomationSlots: number;
}

export interface Robot {
	Id: number;
	Name: string;
	MachineName: string;
	MachineId: number;
	Username: string;
	Description: string;
	Type: 'Unattended';
	HostingType: 'Standard';
	ProvisionType: 'Manual';
	Enabled: boolean;
	CredentialType: 'Default';
	IsExternalLicensed: boolean;
	LimitConcurrentExecution: boolean;
	CreationTime: string;
	folderIds: number[];
}

export interface Session {
	Id: number;
	HostMachineName: string;
	MachineId: number;
	MachineName: string;
	State: 'Available' | 'Busy' | 'Disconnected';
	ReportingTime: string;
	Info: string | null;
	IsUnresponsive: boolean;
	OrganizationUnitId: number | null;
	FolderName: string | null;
	RobotSessionType: 'LongLived';
	Version: string;
	Platform: 'Windows';
	robotId: number;
}

export interface Job {
	Id: number;
	Key: string;
	StartTime: string | null;
	EndTime: string | null;
	State: JobState;
	JobPriority: 'Low' | 'Normal' | 'High';
	SpecificPriorityValue: number;
	Source: string;
	SourceType: 'Manual';
	BatchExecutionKey: string;
	Info: string | null;
	CreationTime: string;
	StartingScheduleId: null;
	ReleaseName: string;
	Type: 'Unattended';
	InputArguments: string | null;
	/** The attachment holding the input arguments when they were too large to send inline. */
	InputFile: string | null;
	EnvironmentVariables: string | null;
	OutputArguments: string | null;
	/** The attachment holding the output arguments when the robot's output was kept as a file. */
	OutputFile: string | null;
	HostMachineName: string | null;
	HasMediaRecorded: boolean;
	HasVideoRecorded: boolean;
	PersistenceId: null;
	ResumeVersion: null;
	StopStrategy: 'SoftStop' | 'Kill' | null;
	RuntimeType: string;
	RequiresUserInteraction: boolean;
	ReleaseVersionId: number;
	EntryPointPath: string;
	OrganizationUnitId: number;
	OrganizationUnitFullyQualifiedName: string;
	Reference: string;
	ProcessType: 'Process';
	ResumeOnSameContext: boolean;
	LocalSystemAccount: string;
	OrchestratorUserIdentity: string | null;
	RemoteControlAccess: 'None';
	MaxExpectedRunningTimeSeconds: null;
	ParentJobKey: null;
	ResumeTime: null;
	LastModificationTime: string | null;
	JobError: { code: string; title: string; detail: string; category: string; status: number; timestamp: string } | null;
	ErrorCode: string | null;
	TraceId: string;
	releaseId: number;
	robotId: number | null;
	behaviour: ProcessBehaviourName;
	/** The input arguments the robot reads: InputArguments, or the text of InputFile. */
	inputText: string | null;
}

/** An attachment (`AttachmentDto`): a file a job reads or wrote, its bytes kept like a bucket file. */
export interface Attachment {
	Id: string;
	Name: string;
	CreationTime: string;
	LastModificationTime: string | null;
	folderId: number;
	/** Where its bytes live: Orchestrator's own storage or the tenant's external storage. */
	storage: Bucket;
}

export interface QueueDefinition {
	Id: number;
	Key: string;
	Name: string;
	Description: string;
	MaxNumberOfRetries: number;
	AcceptAutomaticallyRetry: boolean;
	RetryAbandonedItems: boolean;
	EnforceUniqueReference: boolean;
	Encrypted: boolean;
	SpecificDataJsonSchema: string | null;
	OutputDataJsonSchema: string | null;
	AnalyticsDataJsonSchema: string | null;
	CreationTime: string;
	ProcessScheduleId: number | null;
	SlaInMinutes: number;
	RiskSlaInMinutes: number;
	ReleaseId: number | null;
	IsProcessInCurrentFolder: boolean | null;
	FoldersCount: number;
	OrganizationUnitId: number;
	OrganizationUnitFullyQualifiedName: string;
	Tags: never[];
}

export interface QueueItem {
	Id: number;
	Key: string;
	QueueDefinitionId: number;
	Status: QueueItemStatus;
	ReviewStatus: 'None';
	Reference: string | null;
	Priority: 'High' | 'Normal' | 'Low';
	SpecificContent: Record<string, unknown> | null;
	Output: Record<string, unknown> | null;
	OutputData: string | null;
	ProcessingException: { Reason: string; Details: string; Type: 'ApplicationException' | 'BusinessException' } | null;
	ProcessingExceptionType: 'ApplicationException' | 'BusinessException' | null;
	DueDate: string | null;
	RiskSlaDate: string | null;
	DeferDate: string | null;
	StartProcessing: string | null;
	EndProcessing: string | null;
	SecondsInPreviousAttempts: number;
	RetryNumber: number;
	RobotId: number | null;
	AncestorId: number | null;
	UniqueKey: string;
	Encrypted: boolean;
	SpecificData: string | null;
	CreationTime: string;
	Progress: string | null;
	OrganizationUnitId: number;
	OrganizationUnitFullyQualifiedName: string;
}

export interface Asset {
	Id: number;
	Key: string;
	Name: string;
	CanBeDeleted: boolean;
	ValueScope: 'Global';
	ValueType: 'Text' | 'Bool' | 'Integer' | 'Credential';
	Value: string;
	StringValue: string | null;
	BoolValue: boolean;
	IntValue: number;
	CredentialUsername: string | null;
	/** Kept by the sandbox only: no route sends it (AssetDto's CredentialPassword is never in ASSET_FIELDS). */
	credentialPassword: string | null;
	HasDefaultValue: boolean;
	Description: string;
	FoldersCount: number;
	Tags: never[];
	CreationTime: string;
	LastModificationTime: string | null;
	folderIds: number[];
}

export type LogLevel = 'Trace' | 'Debug' | 'Info' | 'Warn' | 'Error' | 'Fatal';

/** A line a robot logged while running a job (`LogDto`, served at /odata/RobotLogs). */
export interface RobotLog {
	Id: number;
	Level: LogLevel;
	WindowsIdentity: string;
	ProcessName: string;
	TimeStamp: string;
	Message: string;
	JobKey: string;
	RawMessage: string;
	RobotName: string;
	HostMachineName: string;
	MachineId: number;
	MachineKey: string;
	RuntimeType: string;
	folderId: number;
}

export interface Webhook {
	Id: number;
	Key: string;
	Name: string;
	Description: string | null;
	Url: string;
	Enabled: boolean;
	Secret: string | null;
	SubscribeToAllEvents: boolean;
	AllowInsecureSsl: boolean;
	Events: { EventType: string }[];
}

/** A file in a bucket; its bytes live on disk, never in memory. */
export interface BlobFile {
	FullPath: string;
	ContentType: string;
	Size: number;
	/** Where the sandbox keeps the bytes. */
	diskPath: string;
}

export interface Bucket {
	Id: number;
	Identifier: string;
	Name: string;
	Description: string | null;
	/** null: kept by Orchestrator itself; otherwise the external provider (Azure, Amazon, Minio...). */
	StorageProvider: 'Azure' | 'Amazon' | 'Minio' | 'S3Compatible' | null;
	StorageParameters: string | null;
	StorageContainer: string | null;
	Options: 'None' | 'ReadOnly' | 'AuditReadAccess' | 'AccessDataThroughOrchestrator';
	CredentialStoreId: number | null;
	ExternalName: string | null;
	Password: null;
	FoldersCount: number;
	Tags: never[];
	folderIds: number[];
	/** By FullPath. */
	files: Map<string, BlobFile>;
}
