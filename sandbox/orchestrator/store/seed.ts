import { randomBytes, randomUUID } from 'crypto';
import {
	ASSET_FOLDER,
	ASSET_VALUE,
	ASSET_VALUES,
	ASSETS,
	BUCKETS,
	FOLDERS,
	MACHINES,
	PACKAGES,
	PROCESSES,
	QUEUE,
	QUEUE_FOLDER,
	ROBOTS,
} from '../../fixtures';
import { seedTasks } from '../tasks/seed';
import type { TenantStore } from './tenantStore';
import type { Asset, Folder, ProcessBehaviourName, QueueItem, Release } from './types';

/** .NET type names as Studio writes them: mscorlib for Legacy projects, System.Private.CoreLib for Windows ones. */
const legacyType = (name: string) => `System.${name}, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`;
const coreType = (name: string) => `System.${name}, System.Private.CoreLib, Version=6.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e`;
const CORE = 'System.Private.CoreLib, Version=6.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e';
const DICTIONARY_TYPE = `System.Collections.Generic.Dictionary\`2[[System.String, ${CORE}],[System.Object, ${CORE}]], ${CORE}`;
const DATA_TABLE_TYPE = 'System.Data.DataTable, System.Data.Common, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a';

/** The workflows each package can start at; Invoice Echo has a second one, for the Entry Point option. */
const ENTRY_POINTS: Record<ProcessBehaviourName, string[]> = {
	quick: ['Main.xaml', 'Flows/Refund.xaml'],
	faulting: ['Main.xaml'],
	slow: ['Main.xaml'],
};

const argument = (name: string, type: string, required = false) => ({ name, type, required, hasDefault: !required });

/**
 * Argument metadata as Studio publishes it (a JSON string per direction): Invoice Echo declares one argument of
 * each kind the node maps to a field, Always Faults publishes none, Month End Report has a DataTable.
 */
const ARGUMENTS: Record<ProcessBehaviourName, { Input: string | null; Output: string | null }> = {
	quick: {
		Input: JSON.stringify([
			argument('InvoiceId', coreType('String'), true),
			argument('Amount', coreType('Decimal')),
			argument('Quantity', coreType('Int32')),
			argument('Approved', coreType('Boolean')),
			argument('DueDate', coreType('DateTime')),
			argument('Tags', coreType('String[]')),
			argument('Metadata', DICTIONARY_TYPE),
		]),
		Output: JSON.stringify([{ name: 'Total', type: coreType('Decimal') }]),
	},
	faulting: { Input: null, Output: null },
	slow: {
		Input: JSON.stringify([argument('Month', legacyType('String')), argument('Lines', DATA_TABLE_TYPE)]),
		Output: JSON.stringify([{ name: 'ReportUrl', type: legacyType('String') }]),
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
		SupportsMultipleEntryPoints: ENTRY_POINTS[behaviour].length > 1,
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
		const entryPoints = ENTRY_POINTS[behaviour];
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
			SupportsMultipleEntryPoints: entryPoints.length > 1,
			EntryPoints: entryPoints.map((path, index) => ({
				UniqueId: randomUUID(),
				Path: path,
				InputArguments: index === 0 ? ARGUMENTS[behaviour].Input : null,
				OutputArguments: index === 0 ? ARGUMENTS[behaviour].Output : null,
				Id: index + 1,
			})),
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

type AssetValue = Pick<Asset, 'ValueType' | 'Value' | 'StringValue' | 'BoolValue' | 'IntValue' | 'CredentialUsername' | 'credentialPassword'>;

/** What AssetDto carries for each value type: the typed property set, the others at their empty value. */
function assetValue(type: Asset['ValueType'], value: string | number | boolean, password: string | null = null): AssetValue {
	return {
		ValueType: type,
		Value: type === 'Credential' ? `username: ${String(value)}` : String(value),
		StringValue: type === 'Text' ? String(value) : '',
		BoolValue: type === 'Bool' ? value === true : false,
		IntValue: type === 'Integer' ? Number(value) : 0,
		CredentialUsername: type === 'Credential' ? String(value) : '',
		credentialPassword: password,
	};
}

function seedAssets(store: TenantStore, folderIds: number[], now: number) {
	const assets: Array<{ name: string; description: string; value: AssetValue }> = [
		{ name: ASSETS.text, description: 'Base URL of the ERP the invoice robots post to.', value: assetValue('Text', ASSET_VALUE) },
		{ name: ASSETS.integer, description: 'Invoices a robot posts per run.', value: assetValue('Integer', ASSET_VALUES.integer) },
		{ name: ASSETS.bool, description: 'Whether robots post to the ERP or only validate.', value: assetValue('Bool', ASSET_VALUES.bool) },
		{
			name: ASSETS.credential,
			description: 'The ERP account the invoice robots sign in with.',
			value: assetValue('Credential', ASSET_VALUES.credentialUsername, randomBytes(18).toString('base64url')),
		},
	];
	for (const { name, description, value } of assets) {
		const id = store.nextId('asset');
		store.assets.set(id, {
			Id: id,
			Key: randomUUID(),
			Name: name,
			CanBeDeleted: true,
			ValueScope: 'Global',
			...value,
			HasDefaultValue: true,
			Description: description,
			FoldersCount: folderIds.length,
			Tags: [],
			CreationTime: iso(now - 60 * 86_400_000),
			LastModificationTime: null,
			folderIds,
		});
	}
}

/** The fixture world of one tenant: folders, packages, processes, robots, sessions, a queue with items, assets, two buckets. */
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
	seedAssets(store, [assetFolder.Id], now);
	seedBucket(store, shared, BUCKETS.hosted, null);
	seedBucket(store, shared, BUCKETS.external, 'Azure');
	seedTasks(store, now);
}
