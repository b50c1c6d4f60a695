import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { entitiesOf } from '../../helpers/webhookHttp';
import { park, parkRequestsOf, resumedWait, type WaitedEntityKind } from '../releaseWait';
import { readTaskWithData } from './task';

/** Action Center tasks for the released wait: task.completed carries a `Tasks` array; a task is final once Completed. */
export const taskKind: WaitedEntityKind = {
	name: 'task',
	label: 'Task',
	endEvents: ['task.completed'],
	idsIn: (event) => entitiesOf(event, 'Task').map((task) => Number(task.Id)).filter(Number.isSafeInteger),
	eventNaming: (ids) => ({ Type: 'n8n.relayStarted', Tasks: ids.map((Id) => ({ Id })) }),
	read: async (context, credentialType, folder, id) => await readTaskWithData(context, credentialType, folder, { id }),
	isFinal: (task) => task.Status === 'Completed',
};

/** 7 days: a person's approval takes hours or days, and a released wait holds nothing meanwhile. */
export const DEFAULT_TASK_WAIT_SECONDS = 7 * 86_400;

/**
 * Whether the node's parameters (item 0: the wait is per node) ask Task → Create to wait for the person. Reads the
 * one option only: activation has no input items, so the other options' expressions cannot be evaluated then. As an
 * AI agent's tool (type `…Tool`) the node never waits: a tool call must answer within the agent's run.
 */
export function tasksWaitReleased(read: (name: string, fallback: unknown) => unknown, node: Pick<INode, 'type'>): boolean {
	if (node.type.endsWith('Tool') || read('resource', 'job') !== 'task' || read('operation', '') !== 'create') return false;
	return read('options.waitForCompletion', false) === true;
}

/** `tasksWaitReleased` over the node's stored parameters (defaults left out), for the relay webhook's method expression. */
export const TASK_WAIT_CONDITION = '($parameter.resource === "task" && ($parameter.operation || "create") === "create" && ($parameter.options || {}).waitForCompletion === true)';

export function readTaskWaitSeconds(context: IExecuteFunctions, itemIndex: number): number {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const seconds = Number(options.timeout ?? DEFAULT_TASK_WAIT_SECONDS);
	return Number.isFinite(seconds) && seconds >= 1 ? seconds : DEFAULT_TASK_WAIT_SECONDS;
}

/**
 * The node's resumed run for one item: its task as the wait last read it, with the data and the action the person
 * submitted. A task still open when the wait ended (its time-out came through the relay) fails the item, naming it.
 * Undefined when this run is not a resumed one.
 */
export function resumedTask(context: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const wait = resumedWait(context);
	const item = wait?.items[itemIndex];
	if (!wait?.resumed || !item) return undefined;
	if (item.error) return [item.error];
	return item.ids.map((id) => {
		const task = wait.resumed![String(id)];
		if (task?.Status === 'Completed') return task;
		throw new NodeOperationError(context.getNode(), `Task ${id} was not completed within ${item.timeoutSeconds} s (status ${String(task?.Status)})`, {
			itemIndex,
			description: 'Nobody completed the task in Action Center before the time-out. Raise Options > Timeout, or look at the task in Action Center.',
		});
	});
}

/**
 * After the router ran Task → Create with Wait for Completion: parks the execution until every item's task is
 * completed (resumed by task.completed), or, when they all already are, runs the node again at once.
 */
export async function releaseTasks(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	output: INodeExecutionData[][],
	runAgain: () => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	const requests = parkRequestsOf(context, output, (itemIndex) => readTaskWaitSeconds(context, itemIndex));
	return (await park(context, taskKind, credentialType, requests)) ? output : await runAgain();
}
