import { createHash, randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_REFERENCE_LENGTH } from './constants';

/**
 * A re-run of an execution (another worker taking over the Bull job of one that died) reaches a node no sooner
 * than this after n8n created the execution: the dead worker's lock outlives its last renewal by
 * lockDuration − lockRenewTime (15 s with n8n 1.x defaults, 50 s with 2.x's). Younger executions are first runs.
 */
export const FRESH_EXECUTION_MS = 10_000;

/** What a re-run keeps of a start, and whether this run may be one (docs/crash-safety.md). */
export interface StartReference {
	reference: string;
	/** The same start may already have been sent by an earlier run of this execution: look the reference up first. */
	mayBeRerun: boolean;
}

/** Execution attempts (one cancel signal each) that reached this package while fresh: nothing later in them is a re-run. */
const freshAttempts = new WeakSet<AbortSignal>();

/** When n8n created this execution (kept in its database, so a re-run sees the first run's time); undefined before n8n 1.1xx. */
function establishedAt(context: IExecuteFunctions): number | undefined {
	const executionContext = typeof context.getExecutionContext === 'function' ? context.getExecutionContext() : undefined;
	return typeof executionContext?.establishedAt === 'number' ? executionContext.establishedAt : undefined;
}

/** Whether an earlier run of this execution may have reached this node; answers from what n8n holds, without a request. */
export function mayBeRerun(context: IExecuteFunctions): boolean {
	const signal = typeof context.getExecutionCancelSignal === 'function' ? context.getExecutionCancelSignal() : undefined;
	if (signal && freshAttempts.has(signal)) return false;
	const created = establishedAt(context);
	// Without a creation time n8n gives no sign of a re-run: behave as before (no lookup).
	if (created === undefined) return false;
	const fresh = Date.now() - created < FRESH_EXECUTION_MS;
	if (fresh && signal) freshAttempts.add(signal);
	return !fresh;
}

/** What a derived reference takes from this run of the node, the same for all its items: read once per run (n8n's data proxy and getNode are costly per item). */
const runsByContext = new WeakMap<IExecuteFunctions, { runIndex: number; nodeKey: string }>();

/** The node's run: a loop runs it again with a new run index, a re-run with the same. */
function runOf(context: IExecuteFunctions, itemIndex: number): { runIndex: number; nodeKey: string } {
	let run = runsByContext.get(context);
	if (!run) {
		const runIndex = context.getWorkflowDataProxy(itemIndex).$runIndex;
		const node = context.getNode();
		run = { runIndex: typeof runIndex === 'number' ? runIndex : 0, nodeKey: node.id ?? node.name };
		runsByContext.set(context, run);
	}
	return run;
}

/**
 * The Reference a start gets when the user gives none: the same for every run of the same execution, node,
 * item and run index, different for anything else (instance and workflow included), readable by its prefix
 * `n8n-<execution id>-<item>-<run>-`. Without an execution id (some manual runs) it is random, as before.
 */
export function derivedReference(context: IExecuteFunctions, itemIndex: number): string {
	const executionId = context.getExecutionId();
	if (!executionId) return `n8n-${randomUUID()}`;
	const { runIndex, nodeKey } = runOf(context, itemIndex);
	const hash = createHash('sha256')
		.update(JSON.stringify([context.getInstanceId(), context.getWorkflow().id ?? '', executionId, nodeKey, itemIndex, runIndex]))
		.digest('hex')
		.slice(0, 32);
	const readable = `n8n-${String(executionId).replace(/[^A-Za-z0-9_.]/g, '').slice(0, 40)}-${itemIndex}-${runIndex}-`;
	return `${readable}${hash}`.slice(0, MAX_REFERENCE_LENGTH);
}

/** The user's own Reference as given (looked up only after an ambiguous failure, as always), else the derived one. */
export function startReference(context: IExecuteFunctions, itemIndex: number, ownReference: string): StartReference {
	if (ownReference) return { reference: ownReference, mayBeRerun: false };
	return { reference: derivedReference(context, itemIndex), mayBeRerun: mayBeRerun(context) };
}
