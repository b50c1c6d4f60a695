import { JOB_FIELDS, QUEUE_FIELDS, QUEUE_ITEM_FIELDS, serializeFields } from '../entitySets';
import type { TenantStore } from '../store/tenantStore';
import type { Job, QueueDefinition, QueueItem } from '../store/types';

function parseJson(text: string | null): unknown {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The `Job` of a webhook delivery: arguments as objects, with the short robot and release UiPath includes. */
export function jobEventContent(store: TenantStore, job: Job): Record<string, unknown> {
	const robot = job.robotId === null ? undefined : store.robots.get(job.robotId);
	const release = store.releases.get(job.releaseId);
	return {
		Job: {
			...serializeFields(job, JOB_FIELDS),
			InputArguments: parseJson(job.InputArguments),
			OutputArguments: parseJson(job.OutputArguments),
			Robot: robot ? { Id: robot.Id, Name: robot.Name, MachineName: robot.MachineName } : null,
			Release: release ? { Id: release.Id, Key: release.Key, ProcessKey: release.ProcessKey, Name: release.Name } : null,
		},
	};
}

export function queueItemEventContent(item: QueueItem): Record<string, unknown> {
	return { QueueItem: serializeFields(item, QUEUE_ITEM_FIELDS) };
}

/** A bulk add: UiPath's QueueItemAddedEventDto carries the items as an array, with their queue. */
export function queueItemsEventContent(queue: QueueDefinition, items: QueueItem[]): Record<string, unknown> {
	return { QueueItems: items.map((item) => serializeFields(item, QUEUE_ITEM_FIELDS)), Queue: serializeFields(queue, QUEUE_FIELDS) };
}
