import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { FolderRef } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { combineFilters, queueNameOf } from '../../helpers/parameters';
import { describeFolder, findQueueByName, odataString } from '../../transport';
import { credentialTypeOf, folderFingerprint, readRequiredFolder } from '../parameters';
import type { EventStream } from './stream';

/** The statuses whose change a poll can see, and the timestamp Orchestrator records when an item reaches each. */
export const WATCHED_QUEUE_ITEM_STATUSES = {
	New: 'CreationTime',
	InProgress: 'StartProcessing',
	Successful: 'EndProcessing',
	Failed: 'EndProcessing',
	Retried: 'EndProcessing',
} as const;
export type WatchedQueueItemStatus = keyof typeof WATCHED_QUEUE_ITEM_STATUSES;

const isWatched = (status: unknown): status is WatchedQueueItemStatus =>
	typeof status === 'string' && Object.prototype.hasOwnProperty.call(WATCHED_QUEUE_ITEM_STATUSES, status);

function readStatuses(context: IPollFunctions): WatchedQueueItemStatus[] {
	const raw = context.getNodeParameter('queueItemStatuses', []) as unknown;
	const statuses = Array.isArray(raw) ? raw : [];
	const unknown = statuses.filter((status) => !isWatched(status));
	if (unknown.length > 0) {
		throw new NodeOperationError(context.getNode(), `Statuses (queueItemStatuses) has statuses the trigger cannot watch: ${unknown.join(', ')}`);
	}
	if (statuses.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Statuses (queueItemStatuses) must name at least one status');
	}
	return [...new Set(statuses as WatchedQueueItemStatus[])].sort();
}

async function queueIdByName(context: IPollFunctions, folder: FolderRef, name: string): Promise<number> {
	const queue = await findQueueByName(context, credentialTypeOf(context), folder, name);
	if (!queue) {
		throw new NodeOperationError(context.getNode(), `Queue Name (queueName) "${name}" is not a queue in ${describeFolder(folder)}`, {
			description: 'Check the queue name and the folder.',
		});
	}
	return queue.Id;
}

/** One stream per timestamp: items that reached a chosen status, marked by the time Orchestrator recorded it. */
export async function queueItemStatusStreams(context: IPollFunctions): Promise<EventStream[]> {
	const folder = readRequiredFolder(context);
	const statuses = readStatuses(context);
	const queueName = queueNameOf(context.getNodeParameter('queueName', ''));
	const queueId = queueName ? await queueIdByName(context, folder, queueName) : undefined;
	const byTimeField = new Map<string, WatchedQueueItemStatus[]>();
	for (const status of statuses) {
		const field = WATCHED_QUEUE_ITEM_STATUSES[status];
		byTimeField.set(field, [...(byTimeField.get(field) ?? []), status]);
	}
	return [...byTimeField].map(([timeField, group]) => ({
		key: `queueItem:${timeField}`,
		// The queue's Id, not its name: a queue deleted and created again under the same name starts afresh.
		scope: JSON.stringify({ folder: folderFingerprint(folder), statuses: group, queue: queueId ?? 'any' }),
		path: ODATA.queueItems,
		folder,
		filter: combineFilters([
			group.map((status) => `Status eq ${odataString(status)}`).join(' or '),
			queueId !== undefined ? `QueueDefinitionId eq ${queueId}` : undefined,
		]),
		timeField,
		toItem: withoutODataAnnotations,
	}));
}
