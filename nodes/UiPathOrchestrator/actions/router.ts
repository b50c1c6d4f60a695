import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchOperationExecute, OperationExecute, UiPathCredentialType } from '../helpers/interfaces';
import { JobFailedError } from '../helpers/jobFailure';
import { toOutputItem } from '../helpers/outputItems';
import * as account from './account/Account.resource';
import * as asset from './asset/Asset.resource';
import * as bucketFile from './bucketFile/BucketFile.resource';
import * as folder from './folder/Folder.resource';
import * as job from './job/Job.resource';
import type { UiPathOrchestratorType } from './node.type';
import * as queueItem from './queueItem/QueueItem.resource';
import * as release from './release/Release.resource';
import * as robot from './robot/Robot.resource';
import * as storageBucket from './storageBucket/StorageBucket.resource';
import * as task from './task/Task.resource';

/** Most operations run item by item; a batch operation gets every item at once. */
type OperationModule = { execute: OperationExecute } | { executeBatch: BatchOperationExecute };

type Operations = {
	[R in UiPathOrchestratorType['resource']]: Record<Extract<UiPathOrchestratorType, { resource: R }>['operation'], OperationModule>;
};

const operations: Operations = {
	account: { getAll: account.getAll, getTenants: account.getTenants },
	folder: { getAll: folder.getAll },
	release: { getAll: release.getAll, get: release.get },
	job: { start: job.start, get: job.get, getAll: job.getAll, getLogs: job.getLogs, stop: job.stop, wait: job.wait },
	asset: { get: asset.get, getAll: asset.getAll, update: asset.update },
	queueItem: {
		add: queueItem.add,
		addMany: queueItem.addMany,
		delete: queueItem.delete,
		get: queueItem.get,
		getAll: queueItem.getAll,
	},
	robot: { getAll: robot.getAll },
	storageBucket: { getAll: storageBucket.getAll },
	bucketFile: { getAll: bucketFile.getAll, upload: bucketFile.upload, download: bucketFile.download, delete: bucketFile.delete },
	task: { create: task.create, get: task.get, getAll: task.getAll, assign: task.assign, complete: task.complete, delete: task.delete },
};

function lookUp(node: INode, resource: string, operation: string): OperationModule {
	const byOperation = (operations as Record<string, Record<string, OperationModule> | undefined>)[resource];
	const found = byOperation?.[operation];
	if (!found) throw new NodeOperationError(node, `The operation "${operation}" of resource "${resource}" is not supported`);
	return found;
}

/** Keeps NodeApiError (and its HTTP status) as is; anything else becomes a NodeOperationError; both learn the item. */
function withItemIndex(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const wrapped = error instanceof NodeApiError ? error : new NodeOperationError(node, error as Error, { itemIndex });
	wrapped.context.itemIndex ??= itemIndex;
	return wrapped;
}

function failedItem(error: unknown): IDataObject {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof JobFailedError) return { ...error.job, error: message };
	const description = error instanceof NodeApiError || error instanceof NodeOperationError ? error.description : undefined;
	return { error: message, ...(description ? { description } : {}) };
}

/** Runs `work` for indexes 0..count-1 with at most `limit` in flight; stops starting new ones after a failure. */
async function forEachBounded(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const failures: Array<{ index: number; error: unknown }> = [];
	const lane = async () => {
		while (next < count && failures.length === 0) {
			const index = next++;
			try {
				await work(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
	// The lowest failing item is the one n8n would have stopped at when running items in order.
	if (failures.length > 0) throw failures.reduce((first, other) => (other.index < first.index ? other : first)).error;
}

function readConcurrency(context: IExecuteFunctions): number {
	const value = Number(context.getNodeParameter('options.concurrency', 0, 1));
	return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** A batch operation's results in input order; the first failure stops the node unless Continue On Fail. */
async function runBatch(
	context: IExecuteFunctions,
	executeBatch: BatchOperationExecute,
	itemCount: number,
	credentialType: UiPathCredentialType,
): Promise<INodeExecutionData[]> {
	const results = await executeBatch.call(context, itemCount, credentialType);
	return results.map((result) => {
		if ('json' in result) return toOutputItem(result.json, result.itemIndex);
		if (!context.continueOnFail()) throw withItemIndex(context.getNode(), result.error, result.itemIndex);
		return { json: failedItem(result.error), pairedItem: { item: result.itemIndex } };
	});
}

/** Owns the item loop: every output item is paired with its input item; continueOnFail yields a paired error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const credentialType = this.getNodeParameter('authentication', 0) as UiPathCredentialType;
	const module = lookUp(this.getNode(), resource, operation);
	if ('executeBatch' in module) return [await runBatch(this, module.executeBatch, items.length, credentialType)];
	const { execute } = module;

	// Items may finish out of order when they run side by side; output keeps the input order.
	const outputByItem: INodeExecutionData[][] = items.map(() => []);
	await forEachBounded(items.length, readConcurrency(this), async (itemIndex) => {
		try {
			const results = await execute.call(this, itemIndex, credentialType);
			outputByItem[itemIndex] = results.map((result) => toOutputItem(result, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this.getNode(), error, itemIndex);
			outputByItem[itemIndex] = [{ json: failedItem(error), pairedItem: { item: itemIndex } }];
		}
	});
	return [outputByItem.flat()];
}
