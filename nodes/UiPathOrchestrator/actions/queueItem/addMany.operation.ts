import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { BatchResult, FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { parameterError, readFolder, readQueueName } from '../../helpers/parameters';
import { findQueueItemsByReference, uiPathApiRequest } from '../../transport';
import { folderLocator, queueLocator } from '../../descriptions/common';
import { itemDataOptions, readQueueItemData, specificContentField, type QueueItemData } from './itemData';

const COMMIT_TYPES = ['AllOrNothing', 'StopOnFirstFailure', 'ProcessAllIndependently'] as const;
type CommitType = (typeof COMMIT_TYPES)[number];

/** Input items per BulkAddQueueItems request. */
export const BULK_ADD_BATCH_SIZE = 1000;

const properties: INodeProperties[] = [
	folderLocator,
	queueLocator,
	specificContentField,
	{
		displayName: 'Commit Type',
		name: 'commitType',
		type: 'options',
		default: 'AllOrNothing',
		description: 'What UiPath does with a request (up to 1,000 input items) when one of its items is refused',
		options: [
			{ name: 'All or Nothing', value: 'AllOrNothing', description: 'Add none of the request\'s items when one is refused' },
			{ name: 'Process All Independently', value: 'ProcessAllIndependently', description: 'Add every item that is valid' },
			{ name: 'Stop on First Failure', value: 'StopOnFirstFailure', description: 'Add the items before the first refused one' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: itemDataOptions,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['queueItem'], operation: ['addMany'] } }, properties);

interface ReadItem extends QueueItemData {
	itemIndex: number;
	folder: FolderRef;
	queue: string;
	commitType: CommitType;
}

function readCommitType(context: IExecuteFunctions, itemIndex: number): CommitType {
	const value = String(context.getNodeParameter('commitType', itemIndex, 'AllOrNothing'));
	if (!(COMMIT_TYPES as readonly string[]).includes(value)) {
		throw parameterError(context, itemIndex, { label: 'Commit Type', name: 'commitType' }, `"${value}" is not one of ${COMMIT_TYPES.join(', ')}`);
	}
	return value as CommitType;
}

/** Consecutive items for the same folder, queue and commit type, at most BULK_ADD_BATCH_SIZE per request. */
function batchesOf(items: ReadItem[]): ReadItem[][] {
	const batches: ReadItem[][] = [];
	const keyOf = (item: ReadItem) => JSON.stringify([item.folder, item.queue, item.commitType]);
	for (const item of items) {
		const last = batches[batches.length - 1];
		if (last && last.length < BULK_ADD_BATCH_SIZE && keyOf(last[0]) === keyOf(item)) last.push(item);
		else batches.push([item]);
	}
	return batches;
}

interface FailedQueueItem {
	Ordinal?: number | null;
	ErrorCode?: string;
	ErrorMessage?: string;
}

/** Pairs UiPath's answer with the batch's input items: FailedItems name them by their position (Ordinal). */
function outcomes(context: IExecuteFunctions, batch: ReadItem[], answer: IDataObject): BatchResult[] {
	const failed = (Array.isArray(answer.FailedItems) ? answer.FailedItems : []) as FailedQueueItem[];
	const byOrdinal = new Map(failed.filter((entry) => typeof entry.Ordinal === 'number').map((entry) => [entry.Ordinal as number, entry]));
	const unplaced = failed.find((entry) => typeof entry.Ordinal !== 'number');
	const firstFailure = Math.min(...byOrdinal.keys());
	const { queue, commitType } = batch[0];
	const refused = (itemIndex: number, message: string, description: string, errorCode?: string) =>
		new NodeApiError(context.getNode(), { message, ...(errorCode ? { errorCode } : {}) } as JsonObject, { message, description, itemIndex });
	return batch.map((item, ordinal): BatchResult => {
		const own = byOrdinal.get(ordinal);
		const name = `Queue item of input item ${item.itemIndex}${item.itemData.Reference ? ` (reference ${String(item.itemData.Reference)})` : ''}`;
		if (own) {
			return {
				itemIndex: item.itemIndex,
				error: refused(
					item.itemIndex,
					`${name} was not added to queue "${queue}": ${own.ErrorMessage ?? own.ErrorCode ?? 'UiPath gave no reason'}`,
					own.ErrorCode === 'DuplicateReference'
						? 'The queue requires unique references: give this item another Reference, or leave it out.'
						: 'Fix this item\'s Specific Content or Options and add it again.',
					own.ErrorCode,
				),
			};
		}
		if (unplaced || (failed.length > 0 && commitType === 'AllOrNothing')) {
			return {
				itemIndex: item.itemIndex,
				error: refused(
					item.itemIndex,
					`${name} was not added to queue "${queue}": another item of the same request was refused${unplaced?.ErrorMessage ? ` (${unplaced.ErrorMessage})` : ''}`,
					'With Commit Type "All or Nothing" UiPath adds none of a request\'s items when one is refused. Fix the refused item, or choose "Process All Independently".',
				),
			};
		}
		if (commitType === 'StopOnFirstFailure' && ordinal > firstFailure) {
			return {
				itemIndex: item.itemIndex,
				error: refused(
					item.itemIndex,
					`${name} was not added to queue "${queue}": UiPath stopped at the refused item before it`,
					'With Commit Type "Stop on First Failure" the items after a refused one are not added. Fix the refused item and add these again.',
				),
			};
		}
		return { itemIndex: item.itemIndex, json: item.itemData };
	});
}

/**
 * Adds every input item as a queue item with one BulkAddQueueItems request per batch of up to 1,000. Bad
 * input stops the node before any request unless Continue On Fail is on; each input item gets its own outcome.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
	credentialType: UiPathCredentialType,
): Promise<BatchResult[]> {
	const results: BatchResult[] = [];
	const valid: ReadItem[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const folder = readFolder(this, itemIndex);
			const queue = readQueueName(this, itemIndex);
			valid.push({ itemIndex, folder, queue, commitType: readCommitType(this, itemIndex), ...readQueueItemData(this, itemIndex, queue) });
		} catch (error) {
			if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			results.push({ itemIndex, error: error as Error });
		}
	}
	for (const batch of batchesOf(valid)) {
		const { folder, queue, commitType } = batch[0];
		let toAdd = batch;
		try {
			// A re-run of the execution may already have added some of these items: their derived references find them.
			const rerun = batch.filter((item) => item.reference.mayBeRerun).map((item) => item.reference.reference);
			const earlier = await findQueueItemsByReference(this, credentialType, folder, queue, rerun);
			toAdd = batch.filter((item) => !earlier.has(item.reference.reference));
			results.push(...batch.filter((item) => earlier.has(item.reference.reference)).map((item) => ({ itemIndex: item.itemIndex, json: item.itemData })));
			if (toAdd.length === 0) continue;
			const answer = await uiPathApiRequest(this, credentialType, {
				method: 'POST',
				path: ODATA.bulkAddQueueItems,
				folder,
				body: { queueName: queue, commitType, queueItems: toAdd.map((item) => item.itemData) },
			});
			results.push(...outcomes(this, toAdd, answer));
		} catch (error) {
			// The whole request failed: none of its items was added (or UiPath did not say), so each fails with it.
			results.push(...toAdd.map((item) => ({ itemIndex: item.itemIndex, error: error as Error })));
			if (!this.continueOnFail()) break;
		}
	}
	return results.sort((a, b) => a.itemIndex - b.itemIndex);
}
