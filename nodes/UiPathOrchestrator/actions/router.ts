import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationExecute, UiPathCredentialType } from '../helpers/interfaces';
import { JobFailedError } from '../helpers/jobFailure';
import * as account from './account/Account.resource';
import * as folder from './folder/Folder.resource';
import * as job from './job/Job.resource';
import type { UiPathOrchestratorType } from './node.type';
import * as queueItem from './queueItem/QueueItem.resource';
import * as release from './release/Release.resource';
import * as robot from './robot/Robot.resource';

type Operations = {
	[R in UiPathOrchestratorType['resource']]: Record<
		Extract<UiPathOrchestratorType, { resource: R }>['operation'],
		{ execute: OperationExecute }
	>;
};

const operations: Operations = {
	account: { getAll: account.getAll, getTenants: account.getTenants },
	folder: { getAll: folder.getAll },
	release: { getAll: release.getAll, get: release.get },
	job: { start: job.start, get: job.get, getAll: job.getAll, stop: job.stop, wait: job.wait },
	queueItem: { add: queueItem.add, getAll: queueItem.getAll },
	robot: { getAll: robot.getAll },
};

function lookUp(node: INode, resource: string, operation: string): OperationExecute {
	const byOperation = (operations as Record<string, Record<string, { execute: OperationExecute }> | undefined>)[resource];
	const found = byOperation?.[operation];
	if (!found) throw new NodeOperationError(node, `The operation "${operation}" of resource "${resource}" is not supported`);
	return found.execute;
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

/** Owns the item loop: every output item is paired with its input item; continueOnFail yields a paired error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const credentialType = this.getNodeParameter('authentication', 0) as UiPathCredentialType;
	const execute = lookUp(this.getNode(), resource, operation);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await execute.call(this, itemIndex, credentialType);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this.getNode(), error, itemIndex);
			output.push({ json: failedItem(error), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
