import { randomUUID } from 'crypto';
import type { Task, TaskCatalog, TaskUser } from '../tasks/types';
import type { Asset, Attachment, Bucket, Folder, Job, Machine, ProcessPackage, QueueDefinition, QueueItem, Release, Robot, RobotLog, Session, Webhook } from './types';

function attachmentBucket(provider: 'Azure' | null): Bucket {
	return {
		Id: 0,
		Identifier: randomUUID(),
		Name: 'Attachments',
		Description: null,
		StorageProvider: provider,
		StorageParameters: null,
		StorageContainer: provider ? 'orchestrator-attachments' : null,
		Options: 'None',
		CredentialStoreId: null,
		ExternalName: null,
		Password: null,
		FoldersCount: 0,
		Tags: [],
		folderIds: [],
		files: new Map(),
	};
}

/** Where each kind of id starts, so an id of one kind never happens to be a valid id of another. */
const FIRST_IDS = {
	folder: 1001,
	release: 2001,
	machine: 3001,
	robot: 4001,
	session: 5001,
	queue: 6001,
	queueItem: 700001,
	asset: 8001,
	webhook: 9001,
	robotLog: 50000001,
	bucket: 10001,
	job: 1000001,
	task: 300001,
	taskCatalog: 11001,
} as const;

export type EntityKind = keyof typeof FIRST_IDS;

/** Everything one tenant holds. Tests read and change it through `sandbox.state`. */
export class TenantStore {
	readonly folders = new Map<number, Folder>();
	/** Packages of the tenant feed, by package id. */
	readonly packages = new Map<string, ProcessPackage>();
	readonly releases = new Map<number, Release>();
	readonly machines = new Map<number, Machine>();
	readonly robots = new Map<number, Robot>();
	readonly sessions = new Map<number, Session>();
	readonly jobs = new Map<number, Job>();
	readonly queues = new Map<number, QueueDefinition>();
	readonly queueItems = new Map<number, QueueItem>();
	readonly assets = new Map<number, Asset>();
	readonly webhooks = new Map<number, Webhook>();
	readonly robotLogs = new Map<number, RobotLog>();
	readonly buckets = new Map<number, Bucket>();
	/** Action Center: tasks, their catalogs, and the people tasks can go to. */
	readonly tasks = new Map<number, Task>();
	readonly taskCatalogs = new Map<number, TaskCatalog>();
	readonly taskUsers: TaskUser[] = [];
	/** By Id (a GUID in lower case). */
	readonly attachments = new Map<string, Attachment>();
	/** Where attachments' bytes are kept: Orchestrator itself (RequiresAuth) or external storage (pre-signed URIs); listed by no route. */
	readonly attachmentStorage: { orchestrator: Bucket; external: Bucket } = {
		orchestrator: attachmentBucket(null),
		external: attachmentBucket('Azure'),
	};
	private readonly nextIds: Record<EntityKind, number> = { ...FIRST_IDS };

	constructor(
		/** Tenant name as it appears in URLs. */
		readonly name: string,
		/** Numeric tenant id, sent in webhook deliveries. */
		readonly tenantId: number,
		readonly tenantKey: string,
	) {}

	nextId(kind: EntityKind): number {
		const id = this.nextIds[kind];
		this.nextIds[kind] = id + 1;
		return id;
	}

	/** Case-insensitive, as Orchestrator resolves folder paths; a leading slash is allowed. */
	folderByPath(path: string): Folder | undefined {
		const wanted = path.replace(/^\//, '').toLowerCase();
		for (const folder of this.folders.values()) {
			if (folder.FullyQualifiedName.toLowerCase() === wanted) return folder;
		}
		return undefined;
	}

	folderByKey(key: string): Folder | undefined {
		const wanted = key.toLowerCase();
		for (const folder of this.folders.values()) if (folder.Key === wanted) return folder;
		return undefined;
	}

	releasesIn(folderId: number): Release[] {
		return [...this.releases.values()].filter((release) => release.OrganizationUnitId === folderId);
	}

	robotsIn(folderId: number): Robot[] {
		return [...this.robots.values()].filter((robot) => robot.folderIds.includes(folderId));
	}

	queueByName(folderId: number, name: string): QueueDefinition | undefined {
		const wanted = name.toLowerCase();
		for (const queue of this.queues.values()) {
			if (queue.OrganizationUnitId === folderId && queue.Name.toLowerCase() === wanted) return queue;
		}
		return undefined;
	}
}
