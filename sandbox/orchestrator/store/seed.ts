import { randomUUID } from 'crypto';
import {
	ASSET,
	ASSET_FOLDER,
	ASSET_VALUE,
	BUCKETS,
	FOLDERS,
	MACHINES,
	PACKAGES,
	PROCESSES,
	QUEUE,
	QUEUE_FOLDER,
	ROBOTS,
} from '../../fixtures';
import type { TenantStore } from './tenantStore';
import type { Folder, ProcessBehaviourName, QueueItem, Release } from './types';

const STRING_TYPE = 'System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';
const DECIMAL_TYPE = 'System.Decimal, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';

/** Argument metadata as Studio publishes it (a JSON string per direction). */
const ARGUMENTS: Record<ProcessBehaviourName, { Input: string | null; Output: string | null }> = {
	quick: {
		Input: JSON.stringify([
			{ name: 'InvoiceId', type: STRING_TYPE, required: true, hasDefault: false },
			{ name: 'Amount', type: DECIMAL_TYPE, required: false, hasDefault: true },
		]),
		Output: JSON.stringify([{ name: 'Total', type: DECIMAL_TYPE }]),
	},
	faulting: {
		Input: JSON.stringify([{ name: 'InvoiceId', type: STRING_TYPE, required: false, hasDefault: false }]),
		Output: null,
	},
	slow: {
		Input: JSON.stringify([{ name: 'Month', type: STRING_TYPE, required: false, hasDefault: true }]),
		Output: JSON.stringify([{ name: 'ReportUrl', type: STRING_TYPE }]),
	},
};

const DESCRIPTIONS: Record<ProcessBehaviourName, string> = {
	quick: 'Echoes its input arguments and adds their numeric Total.',
	faulting: 'Always faults after about a second.',
	slow: 'Runs for about 30 seconds unless stopped.',
};

const iso = (time: number) => new Date(time).toISOString();

export function addFolder(store: TenantStore, fullyQualifiedName: string, parent?: Folder): Folder {
	const id = store.nextId('folder');
	const folder: Folder = {
		Id: id,
		Key: randomUUID(),
		DisplayName: fullyQualifiedName.split('/').pop() ?? fullyQualifiedName,
		FullyQualifiedName: fullyQualifiedName,
		Description: null,
		FolderType: 'Standard',
		IsPersonal: false,
		ProvisionType: 'Automatic',
		PermissionModel: 'FineGrained',
		ParentId: parent?.Id ?? null,
		ParentKey: parent?.Key ?? null,
		FeedType: 'Processes',
	};
	store.folders.set(id, folder);
	return folder;
}

export function addRelease(
	store: TenantStore,
	folder: Folder,
	name: string,
	behaviour: ProcessBehaviourName,
	createdAt: number,
): Release {
	const id = store.nextId('release');
	const pkg = PACKAGES[behaviour];
	const release: Release = {
		Id: id,
		Key: randomUUID(),
		ProcessKey: pkg.id,
		ProcessVersion: pkg.version,
		IsLatestVersion: true,
		IsProcessDeleted: false,
		Description: DESCRIPTIONS[behaviour],
		Name: name,
		EntryPointId: id,
		EntryPointPath: 'Main.xaml',
		InputArguments: null,
		EnvironmentVariables: '',
		ProcessType: 'Process',
		SupportsMultipleEntryPoints: false,
		RequiresUserInteraction: false,
		IsAttended: false,
		IsCompiled: true,
		Arguments: ARGUMENTS[behaviour],
		AutoUpdate: false,
		HiddenForAttendedUser: false,
		FeedId: store.tenantKey,
		JobPriority: 'Normal',
		SpecificPriorityValue: 45,
		FolderKey: folder.Key,
		OrganizationUnitId: folder.Id,
		OrganizationUnitFullyQualifiedName: folder.FullyQualifiedName,
		TargetFramework: 'Windows',
		RobotSize: null,
		RemoteControlAccess: 'None',
		Tags: [],
		CreationTime: iso(createdAt),
		LastModificationTime: null,
		behaviour,
	};
	store.releases.set(id, release);
	return release;
}

function seedPackages(store: TenantStore, publishedAt: number) {
	for (const behaviour of Object.keys(PACKAGES) as ProcessBehaviourName[]) {
		const pkg = PACKAGES[behaviour];
		store.packages.set(pkg.id, {
			Id: pkg.id,
			Key: `${pkg.id}:${pkg.version}`,
			Title: pkg.id,
			Version: pkg.version,
			Description: DESCRIPTIONS[behaviour],
			Published: iso(publishedAt),
			IsLatestVersion: true,
			IsActive: true,
			Authors: 'robin.ops',
			PackageType: 'Process',
			ProjectType: 'Process',
			MainEntryPointPath: 'Main.xaml',
			TargetFramework: 'Windows',
			RequiresUserInteraction: false,
			IsAttended: false,
			IsCompiled: true,
			Arguments: ARGUMENTS[behaviour],
		});
	}
}

function seedRobots(store: TenantStore, folderIds: number[], createdAt: number) {
	ROBOTS.forEach((name, index) => {
		const machineName = MACHINES[index];
		const machineId = store.nextId('machine');
		store.machines.set(machineId, {
			Id: machineId,
			Key: randomUUID(),
			Name: machineName,
			Description: `Unattended machine ${index + 1}`,
			Type: 'Standard',
			Scope: 'Default',
			UnattendedSlots: 1,
			NonProductionSlots: 0,
			HeadlessSlots: 0,
			TestAutomationSlots: 0,
		});
		const robotId = store.nextId('robot');
		store.robots.set(robotId, {
			Id: robotId,
			Name: name,
			MachineName: machineName,
			MachineId: machineId,
			Username: `acme\\svc-${name.toLowerCase()}`,
			Description: `Unattended robot on ${machineName}`,
			Type: 'Unattended',
			HostingType: 'Standard',
			ProvisionType: 'Manual',
			Enabled: true,
			CredentialType: 'Default',
			IsExternalLicensed: false,
			LimitConcurrentExecution: false,
			CreationTime: iso(createdAt),
			folderIds,
		});
		const sessionId = store.nextId('session');
		store.sessions.set(sessionId, {
			Id: sessionId,
			HostMachineName: machineName,
			MachineId: machineId,
			MachineName: machineName,
			State: 'Available',
			ReportingTime: iso(createdAt),
			Info: null,
			IsUnresponsive: false,
			OrganizationUnitId: null,
			FolderName: null,
			RobotSessionType: 'LongLived',
			Version: '24.10.3',
			Platform: 'Windows',
			robotId,
		});
	});
}

export function addQueueItem(store: TenantStore, queueId: number, item: Partial<QueueItem> & { CreationTime: string }): QueueItem {
	const queue = store.queues.get(queueId);
	if (!queue) throw new Error(`queue ${queueId} does not exist`);
	const id = store.nextId('queueItem');
	const stored: QueueItem = {
		Id: id,
		Key: randomUUID(),
		QueueDefinitionId: queueId,
		Status: 'New',
		ReviewStatus: 'None',
		Reference: null,
		Priority: 'Normal',
		SpecificContent: null,
		Output: null,
		OutputData: null,
		ProcessingException: null,
		ProcessingExceptionType: null,
		DueDate: null,
		RiskSlaDate: null,
		DeferDate: null,
		StartProcessing: null,
		EndProcessing: null,
		SecondsInPreviousAttempts: 0,
		RetryNumber: 0,
		RobotId: null,
		AncestorId: null,
		UniqueKey: randomUUID(),
		Encrypted: false,
		SpecificData: null,
		Progress: null,
		OrganizationUnitId: queue.OrganizationUnitId,
		OrganizationUnitFullyQualifiedName: queue.OrganizationUnitFullyQualifiedName,
		...item,
	};
	if (stored.SpecificContent && stored.SpecificData === null) stored.SpecificData = JSON.stringify({ DynamicProperties: stored.SpecificContent });
	store.queueItems.set(id, stored);
	return stored;
}

function seedQueue(store: TenantStore, folder: Folder, now: number) {
	const id = store.nextId('queue');
	store.queues.set(id, {
		Id: id,
		Key: randomUUID(),
		Name: QUEUE,
		Description: 'Supplier invoices waiting to be posted to the ERP.',
		MaxNumberOfRetries: 1,
		AcceptAutomaticallyRetry: true,
		RetryAbandonedItems: false,
		EnforceUniqueReference: true,
		Encrypted: false,
		SpecificDataJsonSchema: null,
		OutputDataJsonSchema: null,
		AnalyticsDataJsonSchema: null,
		CreationTime: iso(now - 30 * 86_400_000),
		ProcessScheduleId: null,
		SlaInMinutes: 0,
		RiskSlaInMinutes: 0,
		ReleaseId: null,
		IsProcessInCurrentFolder: null,
		FoldersCount: 1,
		OrganizationUnitId: folder.Id,
		OrganizationUnitFullyQualifiedName: folder.FullyQualifiedName,
		Tags: [],
	});
	const samples: { reference: string; amount: number; status: QueueItem['Status'] }[] = [
		{ reference: 'INV-1001', amount: 120.5, status: 'Successful' },
		{ reference: 'INV-1002', amount: 88, status: 'Failed' },
		{ reference: 'INV-1003', amount: 410, status: 'New' },
		{ reference: 'INV-1004', amount: 15.25, status: 'New' },
		{ reference: 'INV-1005', amount: 999.99, status: 'New' },
	];
	samples.forEach((sample, index) => {
		const created = now - (samples.length - index) * 3_600_000;
		const done = sample.status !== 'New';
		addQueueItem(store, id, {
			Reference: sample.reference,
			SpecificContent: { InvoiceId: sample.reference, Amount: sample.amount, Supplier: 'Northwind Traders' },
			Status: sample.status,
			CreationTime: iso(created),
			StartProcessing: done ? iso(created + 60_000) : null,
			EndProcessing: done ? iso(created + 75_000) : null,
			Output: sample.status === 'Successful' ? { PostedDocument: 'DOC-55001' } : null,
			ProcessingException:
				sample.status === 'Failed'
					? { Reason: 'Supplier is blocked in the ERP', Details: 'ERP answered 409', Type: 'BusinessException' }
					: null,
			ProcessingExceptionType: sample.status === 'Failed' ? 'BusinessException' : null,
		});
	});
}

function seedBucket(store: TenantStore, folder: Folder, name: string, provider: 'Azure' | null) {
	const id = store.nextId('bucket');
	store.buckets.set(id, {
		Id: id,
		Identifier: randomUUID(),
		Name: name,
		Description: provider ? `Files in the ${provider} container "${name.toLowerCase()}".` : 'Files kept by Orchestrator.',
		StorageProvider: provider,
		StorageParameters: provider ? 'DefaultEndpointsProtocol=https;AccountName=acmescans;AccountKey=$Password' : null,
		StorageContainer: provider ? name.toLowerCase() : null,
		Options: 'None',
		CredentialStoreId: null,
		ExternalName: null,
		Password: null,
		FoldersCount: 1,
		Tags: [],
		folderIds: [folder.Id],
		files: new Map(),
	});
}

function seedAsset(store: TenantStore, folderIds: number[], now: number) {
	const id = store.nextId('asset');
	store.assets.set(id, {
		Id: id,
		Key: randomUUID(),
		Name: ASSET,
		CanBeDeleted: true,
		ValueScope: 'Global',
		ValueType: 'Text',
		Value: ASSET_VALUE,
		StringValue: ASSET_VALUE,
		BoolValue: false,
		IntValue: 0,
		CredentialUsername: null,
		HasDefaultValue: true,
		Description: 'Base URL of the ERP the invoice robots post to.',
		FoldersCount: folderIds.length,
		Tags: [],
		CreationTime: iso(now - 60 * 86_400_000),
		LastModificationTime: null,
		folderIds,
	});
}

/** The fixture world of one tenant: folders, packages, processes, robots, sessions, a queue with items, an asset, two buckets. */
export function seedTenant(store: TenantStore, now = Date.now()): void {
	const shared = addFolder(store, FOLDERS.shared);
	const finance = addFolder(store, FOLDERS.finance);
	const invoices = addFolder(store, FOLDERS.invoices, finance);
	const created = now - 90 * 86_400_000;
	seedPackages(store, created);
	addRelease(store, shared, PROCESSES.quick, 'quick', created);
	addRelease(store, shared, PROCESSES.faulting, 'faulting', created);
	addRelease(store, shared, PROCESSES.slow, 'slow', created);
	addRelease(store, invoices, PROCESSES.quick, 'quick', created);
	seedRobots(store, [shared.Id, invoices.Id], created);
	const queueFolder = store.folderByPath(QUEUE_FOLDER) ?? shared;
	seedQueue(store, queueFolder, now);
	const assetFolder = store.folderByPath(ASSET_FOLDER) ?? shared;
	seedAsset(store, [assetFolder.Id], now);
	seedBucket(store, shared, BUCKETS.hosted, null);
	seedBucket(store, shared, BUCKETS.external, 'Azure');
}
