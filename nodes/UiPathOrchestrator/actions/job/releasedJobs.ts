import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { FINAL_JOB_STATES } from '../../helpers/constants';
import type { Job, UiPathCredentialType } from '../../helpers/interfaces';
import { toJob } from '../../helpers/outputItems';
import { entitiesOf } from '../../helpers/webhookHttp';
import { getJob } from '../../transport';
import { forgetResumed, park, parkRequestsOf, resumedWait, type WaitedEntityKind } from '../releaseWait';
import { finishedJobs, readWaitOptions, releasesExecution } from './waiting';

/** Jobs for the released wait: job.completed and job.faulted carry one `Job`, job.stopped a `Jobs` array. */
export const jobKind: WaitedEntityKind = {
	name: 'job',
	label: 'Job',
	endEvents: ['job.completed', 'job.faulted', 'job.stopped'],
	idsIn: (event) => entitiesOf(event, 'Job').map((job) => Number(job.Id)).filter(Number.isSafeInteger),
	eventNaming: (ids) => ({ Type: 'n8n.relayStarted', Jobs: ids.map((Id) => ({ Id })) }),
	read: async (context, credentialType, folder, id) => toJob(await getJob(context, credentialType, folder, id)),
	isFinal: (job) => FINAL_JOB_STATES.includes((job as Job).State),
};

/** Whether the node's parameters (item 0: Wait Mode is not per item) ask to release the execution. */
export function waitsReleased(read: (name: string, fallback: unknown) => unknown, node: Pick<INode, 'type' | 'typeVersion'>): boolean {
	if (read('resource', 'job') !== 'job') return false;
	const operation = read('operation', 'start');
	// Only these two options: at activation there is no input item, so another option's expression of `$json` would throw.
	const waits = operation === 'wait' || (operation === 'start' && read('options.waitForCompletion', false) === true);
	const waitMode = read('options.waitMode', '');
	return waits && releasesExecution(waitMode ? { waitMode: waitMode as string } : {}, node);
}

/**
 * `waitsReleased` as the expression n8n evaluates on a webhook description (with the node's stored parameters,
 * where defaults are left out): the relay webhook exists only for a node that releases, so no other node gets a
 * production webhook, nor makes a manual run wait for a test call.
 */
export const RELAY_HTTP_METHOD =
	'={{ ($parameter.resource || "job") === "job" && ($parameter.operation === "wait" || (($parameter.operation || "start") === "start" && ($parameter.options || {}).waitForCompletion === true)) && (($parameter.options || {}).waitMode || ($nodeVersion >= 1.2 ? "release" : "poll")) === "release" ? "POST" : "" }}';

/**
 * The node's resumed run: the item's jobs as the wait last read them, through the same checks as polling (a
 * Faulted or Stopped job fails the item with its error log lines; one still running fails naming its state).
 * Undefined when this run is not a resumed one.
 */
export async function resumedJobs(context: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[] | undefined> {
	const wait = resumedWait(context);
	const item = wait?.items[itemIndex];
	if (!wait?.resumed || !item) return undefined;
	if (item.error) return [item.error];
	const jobs = item.ids.map((id) => toJob(wait.resumed![String(id)]));
	const timeoutMs = item.timeoutSeconds * 1000;
	return await finishedJobs(context, credentialType, item.folder!, jobs, { timeoutMs, pollIntervalMs: timeoutMs, deadline: Date.now() }, itemIndex);
}

/**
 * After the router ran Job → Start or Wait in release mode: parks the execution until every item's jobs are final,
 * or, when they all already are, runs the node again at once as the resumed run.
 */
export async function releaseJobs(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	output: INodeExecutionData[][],
	runAgain: () => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	const requests = parkRequestsOf(context, output, (itemIndex) => {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return readWaitOptions(context, itemIndex, options).timeoutMs / 1000;
	});
	let parked: boolean;
	try {
		parked = await park(context, jobKind, credentialType, requests);
	} catch (error) {
		// The jobs run whatever happens here: the error must say so, or a retry would start them twice.
		const started = requests.flatMap((request) => request.entities.map((job) => String(job.Id))).join(', ');
		const failure = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(context.getNode(), error as Error);
		failure.description = `${failure.description ? `${failure.description} ` : ''}Job ${started} started and keeps running in UiPath; use Job → Wait with its Id rather than starting it again.`;
		throw failure;
	}
	if (parked) return output;
	const resumed = await runAgain();
	forgetResumed(context);
	return resumed;
}
