import type { IDataObject, IExecuteFunctions, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { readFolder } from '../../helpers/parameters';
import type { WaitedEntityKind } from './kind';
import { createRecords, deleteRecords, recordNamePrefix } from './records';
import { hasRelay } from './relay';
import { resumeTokenOf, waitSecretOf } from './secret';
import { storeWait, type ParkedItem } from './state';

/**
 * Modes only an active workflow runs in (its production webhook or trigger), which therefore has this node's relay.
 * Not `workflow.active` nor the static data: a queue worker builds the Workflow from the execution's snapshot, where
 * `active` is false and the node's static data is missing (measured with n8n 2.41 in queue mode).
 */
const PRODUCTION_MODES: WorkflowExecuteMode[] = ['webhook', 'trigger'];

/** How long after the deadline a relayed wait still waits for a delivery to the relay before n8n's own timer ends it. */
export const RELAY_GRACE_MS = 5 * 60_000;

/** One input item: the entities its operation started or found, or the error item it produced (Continue On Fail). */
export interface ParkRequest {
	folder?: FolderRef;
	entities: IDataObject[];
	timeoutSeconds: number;
	error?: IDataObject;
}

/** Each input item's request from the router's output: the entities paired with it, or its Continue On Fail error item. */
export function parkRequestsOf(
	context: IExecuteFunctions,
	output: INodeExecutionData[][],
	timeoutSecondsOf: (itemIndex: number) => number,
): ParkRequest[] {
	return context.getInputData().map((_, itemIndex) => {
		const results = output[0].filter((item) => (item.pairedItem as { item?: number } | undefined)?.item === itemIndex).map((item) => item.json);
		const timeoutSeconds = timeoutSecondsOf(itemIndex);
		const failed = results.find((json) => json.error !== undefined && json.Id === undefined);
		if (failed) return { entities: [], timeoutSeconds, error: failed };
		return { folder: readFolder(context, itemIndex), entities: results, timeoutSeconds };
	});
}

function describe(kind: WaitedEntityKind, entity: IDataObject): string {
	const name = entity.ReleaseName ?? entity.Title;
	return `${kind.label} ${String(entity.Id)}${typeof name === 'string' && name ? ` (${name})` : ''} (last state ${String(entity.State ?? entity.Status)})`;
}

/**
 * What the node fails with when n8n resumes it by its timer: n8n then never runs the node's code again, so the
 * error is prepared now, naming what was still unfinished (n8n-core handleWaitingState / runNode `resumeError`).
 */
function timeoutError(kind: WaitedEntityKind, pending: IDataObject[], timeoutSeconds: number): IDataObject {
	const named = pending.slice(0, 5).map((entity) => describe(kind, entity)).join(', ');
	const more = pending.length > 5 ? ` and ${pending.length - 5} more` : '';
	return {
		name: 'NodeOperationError',
		message: `${named}${more} did not report an end within ${timeoutSeconds} s`,
		description: `No end event for it reached n8n before the time-out (and, in an active workflow, no other event reached the node's relay within ${RELAY_GRACE_MS / 60_000} minutes after it), so n8n's own timer resumed the execution, without reading UiPath again. Check the ${kind.label.toLowerCase()} in Orchestrator, or raise the Timeout option.`,
		timestamp: Date.now(),
	};
}

/**
 * Puts the execution into n8n's waiting state until every entity of every item is final or the longest item
 * timeout passes. Returns false when nothing is left to wait for (all already final): the state then holds the
 * entities, and the caller runs the node's resumed path at once.
 */
export async function park(
	context: IExecuteFunctions,
	kind: WaitedEntityKind,
	credentialType: UiPathCredentialType,
	requests: ParkRequest[],
): Promise<boolean> {
	const timeoutSeconds = Math.max(...requests.map((request) => request.timeoutSeconds));
	const deadline = Date.now() + timeoutSeconds * 1000;
	const items: ParkedItem[] = requests.map((request) => ({
		...(request.folder ? { folder: request.folder } : {}),
		ids: request.entities.map((entity) => Number(entity.Id)),
		timeoutSeconds: request.timeoutSeconds,
		...(request.error ? { error: request.error } : {}),
	}));
	const latest: Record<string, IDataObject> = {};
	for (const request of requests) for (const entity of request.entities) latest[String(entity.Id)] = entity;
	const pending = () => Object.values(latest).filter((entity) => !kind.isFinal(entity));
	const finishNow = () => {
		storeWait(context, { kind: kind.name, items, deadline, recordIds: [], resumed: latest });
		return false;
	};
	if (pending().length === 0) return finishNow();

	const resumeUrl = String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const token = resumeTokenOf(resumeUrl);
	if (!token) {
		throw new NodeOperationError(context.getNode(), 'Wait Mode "Release the Execution Until the Job Ends" needs n8n 2.0 or later', {
			description: 'This n8n gives executions no resume token. Choose Wait Mode "Poll in This Execution".',
		});
	}
	const workflow = context.getWorkflow();
	// An active workflow has the node's relay subscription; a manual run has none and is delivered to directly.
	const relayed = PRODUCTION_MODES.includes(context.getMode()) || (context.getMode() !== 'manual' && hasRelay(context));
	const recordIds = await createRecords(context, credentialType, kind, {
		name: `${recordNamePrefix(workflow.id, context.getNode().id)}${context.getExecutionId() ?? ''}`,
		url: resumeUrl,
		secret: waitSecretOf(token),
		ids: pending().map((entity) => Number(entity.Id)),
		deadline,
		relayed,
	});
	// An entity that ended before its record existed sent its event to nobody: read each once more.
	for (const request of requests) {
		for (const entity of request.entities) {
			const id = String(entity.Id);
			if (!kind.isFinal(latest[id]) && request.folder) latest[id] = await kind.read(context, credentialType, request.folder, Number(id));
		}
	}
	if (pending().length === 0) {
		await deleteRecords(context, credentialType, recordIds);
		return finishNow();
	}
	storeWait(context, { kind: kind.name, items, deadline, recordIds }, timeoutError(kind, pending(), timeoutSeconds));
	// With a relay, the first delivery after the deadline makes the wait read its entities once; n8n's timer, which
	// cannot read them, comes only after that grace.
	await context.putExecutionToWait(new Date(deadline + (relayed ? RELAY_GRACE_MS : 0)));
	return true;
}
