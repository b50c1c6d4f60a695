import { randomUUID } from 'crypto';
import { FOLDERS, QUEUE } from '../../fixtures';
import { newTraceId } from '../reply';
import { addQueueItem, addRelease } from './seed';
import type { TenantStore } from './tenantStore';
import type { Job, ProcessBehaviourName, Release } from './types';

/** Extra data for paging benchmarks, all in the Shared folder. */
export interface BulkSeed {
	/** Extra processes named `Bulk Process 00001`… */
	releases?: number;
	/** Finished jobs, one a minute back from now, spread over the processes of Shared. */
	jobs?: number;
	/** New items in the Invoices queue, one a second back from now. */
	queueItems?: number;
}

const BEHAVIOURS: ProcessBehaviourName[] = ['quick', 'faulting', 'slow'];

function finishedJob(store: TenantStore, release: Release, index: number, now: number): Job {
	const created = now - (index + 1) * 60_000;
	const state = index % 10 === 9 ? 'Faulted' : index % 25 === 24 ? 'Stopped' : 'Successful';
	const robots = store.robotsIn(release.OrganizationUnitId);
	const robot = robots[index % Math.max(robots.length, 1)];
	const input = JSON.stringify({ InvoiceId: `INV-${String(index).padStart(6, '0')}`, Amount: index % 500 });
	return {
		Id: store.nextId('job'),
		Key: randomUUID(),
		StartTime: new Date(created + 500).toISOString(),
		EndTime: new Date(created + 2500).toISOString(),
		State: state,
		JobPriority: 'Normal',
		SpecificPriorityValue: 45,
		Source: 'Manual',
		SourceType: 'Manual',
		BatchExecutionKey: randomUUID(),
		Info: state === 'Successful' ? 'Job completed' : state === 'Faulted' ? 'Seeded fault for paging benchmarks.' : 'Job stopped.',
		CreationTime: new Date(created).toISOString(),
		StartingScheduleId: null,
		ReleaseName: release.Name,
		Type: 'Unattended',
		InputArguments: input,
		InputFile: null,
		EnvironmentVariables: null,
		OutputArguments: state === 'Successful' ? JSON.stringify({ Total: index % 500 }) : null,
		OutputFile: null,
		HostMachineName: robot?.MachineName ?? null,
		HasMediaRecorded: false,
		HasVideoRecorded: false,
		PersistenceId: null,
		ResumeVersion: null,
		StopStrategy: state === 'Stopped' ? 'SoftStop' : null,
		RuntimeType: 'Unattended',
		RequiresUserInteraction: false,
		ReleaseVersionId: release.Id,
		EntryPointPath: release.EntryPointPath,
		OrganizationUnitId: release.OrganizationUnitId,
		OrganizationUnitFullyQualifiedName: release.OrganizationUnitFullyQualifiedName,
		Reference: `bulk-${index}`,
		ProcessType: 'Process',
		ResumeOnSameContext: false,
		LocalSystemAccount: robot?.Username ?? '',
		OrchestratorUserIdentity: null,
		RemoteControlAccess: 'None',
		MaxExpectedRunningTimeSeconds: null,
		ParentJobKey: null,
		ResumeTime: null,
		LastModificationTime: new Date(created + 2500).toISOString(),
		JobError: null,
		ErrorCode: null,
		TraceId: newTraceId(),
		releaseId: release.Id,
		robotId: robot?.Id ?? null,
		behaviour: release.behaviour,
		inputText: input,
	};
}

export function seedBulk(store: TenantStore, seed: BulkSeed, now = Date.now()): void {
	const shared = store.folderByPath(FOLDERS.shared);
	if (!shared) throw new Error('the Shared folder is missing');
	const width = String(Math.max(seed.releases ?? 0, 1)).length;
	for (let index = 1; index <= (seed.releases ?? 0); index += 1) {
		addRelease(store, shared, `Bulk Process ${String(index).padStart(Math.max(width, 5), '0')}`, BEHAVIOURS[index % 3], now - 86_400_000);
	}
	const releases = store.releasesIn(shared.Id);
	for (let index = 0; index < (seed.jobs ?? 0); index += 1) {
		const job = finishedJob(store, releases[index % releases.length], index, now);
		store.jobs.set(job.Id, job);
	}
	const queue = store.queueByName(shared.Id, QUEUE);
	for (let index = 0; index < (seed.queueItems ?? 0); index += 1) {
		if (!queue) throw new Error(`the ${QUEUE} queue is missing`);
		const created = new Date(now - (index + 1) * 1000).toISOString();
		addQueueItem(store, queue.Id, { CreationTime: created, Reference: `bulk-${index}`, SpecificContent: { InvoiceId: `INV-B${index}` } });
	}
}
