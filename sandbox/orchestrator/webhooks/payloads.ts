import type { StartPlan } from '../jobs/startInfo';
import type { TenantStore } from '../store/tenantStore';
import type { Job, QueueDefinition, QueueItem, Release, Robot } from '../store/types';

/**
 * The entities of webhook deliveries, in the shapes of UiPath's event DTOs (orchestrator.yaml, `x-webhook-event`).
 * Those DTOs forbid other properties, so each builder lists its fields rather than serializing the stored entity.
 */

function parseJson(text: string | null): unknown {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** `SimpleReleaseEventDto`: the process is `Release.Name`, its package `Release.ProcessKey`. */
const simpleRelease = (release: Release | undefined) =>
	release ? { Id: release.Id, Key: release.Key, ProcessKey: release.ProcessKey, Name: release.Name, ProcessType: release.ProcessType } : null;

/** `SimpleRobotEventDto`. */
const simpleRobot = (robot: Robot | undefined, job: Job) =>
	robot ? { Id: robot.Id, Name: robot.Name, Type: robot.Type, MachineName: robot.MachineName, LocalSystemAccount: job.LocalSystemAccount } : null;

/** `SimpleJobEventDto` (job.started/completed/faulted and each of job.stopped's `Jobs`): output arguments, no input arguments. */
export function simpleJob(store: TenantStore, job: Job): Record<string, unknown> {
	return {
		Id: job.Id,
		Key: job.Key,
		Type: job.Type,
		State: job.State,
		StartTime: job.StartTime,
		EndTime: job.EndTime,
		CreationTime: job.CreationTime,
		Info: job.Info,
		SpecificPriorityValue: job.SpecificPriorityValue,
		ErrorCode: job.ErrorCode,
		Error: job.JobError,
		RuntimeType: job.RuntimeType,
		SourceType: job.SourceType,
		TraceId: job.TraceId,
		OutputArguments: parseJson(job.OutputArguments),
		Robot: simpleRobot(job.robotId === null ? undefined : store.robots.get(job.robotId), job),
		Release: simpleRelease(store.releases.get(job.releaseId)),
		EntryPointPath: job.EntryPointPath,
	};
}

/** `WrappedJobDto` (each of job.created's `Jobs`). */
function wrappedJob(store: TenantStore, job: Job): Record<string, unknown> {
	const robot = job.robotId === null ? undefined : store.robots.get(job.robotId);
	const release = store.releases.get(job.releaseId);
	return {
		Id: job.Id,
		Key: job.Key,
		CreationTime: job.CreationTime,
		State: job.State,
		Source: job.Source,
		SourceType: job.SourceType,
		BatchExecutionKey: job.BatchExecutionKey,
		ReleaseName: job.ReleaseName,
		Type: job.Type,
		Robot: robot
			? { Id: robot.Id, Name: robot.Name, MachineId: robot.MachineId, MachineName: robot.MachineName, UserName: robot.Username, Type: robot.Type, HostingType: robot.HostingType }
			: null,
		Release: release
			? { Id: release.Id, Key: release.Key, ProcessKey: release.ProcessKey, ProcessVersion: release.ProcessVersion, Name: release.Name, Description: release.Description, IsLatestVersion: release.IsLatestVersion, InputArguments: null }
			: null,
		InputArguments: parseJson(job.InputArguments),
		OutputArguments: null,
		RuntimeType: job.RuntimeType,
		ProcessType: job.ProcessType,
		SpecificPriorityValue: job.SpecificPriorityValue,
		TraceId: job.TraceId,
		EntryPointPath: job.EntryPointPath,
	};
}

/** `QueueDefinitionEventDto`. */
function queueEvent(queue: QueueDefinition): Record<string, unknown> {
	return {
		Id: queue.Id,
		Key: queue.Key,
		Name: queue.Name,
		Description: queue.Description,
		MaxNumberOfRetries: queue.MaxNumberOfRetries,
		AcceptAutomaticallyRetry: queue.AcceptAutomaticallyRetry,
		RetryAbandonedItems: queue.RetryAbandonedItems,
		EnforceUniqueReference: queue.EnforceUniqueReference,
		SlaInMinutes: queue.SlaInMinutes,
		RiskSlaInMinutes: queue.RiskSlaInMinutes,
		Tags: [],
	};
}

/** `QueueItemSimpleEventDto`. */
function queueItemEvent(item: QueueItem): Record<string, unknown> {
	return {
		Id: item.Id,
		Key: item.Key,
		Reference: item.Reference,
		QueueDefinitionId: item.QueueDefinitionId,
		Status: item.Status,
		ReviewStatus: item.ReviewStatus,
		ProcessingException: item.ProcessingException,
		DueDate: item.DueDate,
		Priority: item.Priority,
		CreationTime: item.CreationTime,
		DeferDate: item.DeferDate,
		StartProcessing: item.StartProcessing,
		EndProcessing: item.EndProcessing,
		RiskSlaDate: item.RiskSlaDate,
		SecondsInPreviousAttempts: item.SecondsInPreviousAttempts,
		AncestorId: item.AncestorId,
		RetryNumber: item.RetryNumber,
		UniqueKey: item.UniqueKey,
		Progress: item.Progress,
		SpecificContent: item.SpecificContent,
		Output: item.Output,
	};
}

/** job.created: the start request and every job it created. */
export const jobsCreatedContent = (store: TenantStore, plan: StartPlan, jobs: Job[]) => ({
	StartInfo: {
		ReleaseKey: plan.release.Key,
		Strategy: plan.strategy,
		RobotIds: plan.robots.flatMap((robot) => (robot ? [robot.Id] : [])),
		JobsCount: jobs.length,
		Source: plan.source,
	},
	Jobs: jobs.map((job) => wrappedJob(store, job)),
});

/** queueItem.added: the queue once, then every item one request added. */
export const queueItemsAddedContent = (queue: QueueDefinition, items: QueueItem[]) => ({
	Queue: queueEvent(queue),
	QueueItems: items.map(queueItemEvent),
});

/** queueItem.transaction*: one item with its queue. */
export const queueItemContent = (queue: QueueDefinition, item: QueueItem) => ({ QueueItem: queueItemEvent(item), Queue: queueEvent(queue) });
