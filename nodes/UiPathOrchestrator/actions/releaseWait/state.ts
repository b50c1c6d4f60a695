import type { IDataObject, IExecuteData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { FolderRef } from '../../helpers/interfaces';

/** Where the wait keeps its state: the waiting node's own stack entry, stored with the execution in n8n's database. */
const METADATA_KEY = 'uiPathReleaseWait';

/** One input item of the parked node: the entities it waits for, or the error item it already produced. */
export interface ParkedItem {
	folder?: FolderRef;
	ids: number[];
	timeoutSeconds: number;
	error?: IDataObject;
}

export interface ParkedWait {
	kind: string;
	items: ParkedItem[];
	/** Epoch ms after which the wait resumes with whatever state the entities have. */
	deadline: number;
	/** The UiPath records (webhook subscriptions) made for this wait; removed on resume. */
	recordIds: number[];
	/** Set when the wait ends: every entity as last read, by Id; the node's second run outputs them. */
	resumed?: Record<string, IDataObject>;
}

type WithWait = { metadata?: IExecuteData['metadata'] & { [METADATA_KEY]?: ParkedWait } };

/** The wait this run of the node resumes, if it is a resumed run. */
export function resumedWait(context: IExecuteFunctions): ParkedWait | undefined {
	const wait = (context.getExecuteData() as WithWait).metadata?.[METADATA_KEY];
	return wait?.resumed ? wait : undefined;
}

/** After the resumed run: the entities are in the node's output now, the execution need not keep them twice. */
export function forgetResumed(context: IExecuteFunctions): void {
	const wait = (context.getExecuteData() as WithWait).metadata?.[METADATA_KEY];
	if (wait) delete wait.resumed;
}

export function storeWait(context: IExecuteFunctions, wait: ParkedWait, resumeError?: IDataObject): void {
	context.setMetadata({ [METADATA_KEY]: wait, ...(resumeError ? { resumeError } : {}) } as never);
}

/**
 * The stack entry n8n is resuming. n8n hands webhook() no public handle on it, but its WebhookContext keeps it as
 * `executeData` (n8n-core webhook-context.js: `nodeExecutionStack[0]`), and the resumed run uses that object.
 */
export function resumingEntry(context: IWebhookFunctions): (IExecuteData & WithWait) | undefined {
	const entry = (context as unknown as { executeData?: IExecuteData & WithWait }).executeData;
	return entry?.metadata?.[METADATA_KEY] ? entry : undefined;
}

export function waitOf(entry: IExecuteData & WithWait): ParkedWait {
	return entry.metadata![METADATA_KEY]!;
}

/**
 * Lets n8n run the node again instead of passing data through: n8n disabled it for the resume, and the
 * time-out error prepared at parking must not fire now that the wait has its answer.
 */
export function runAgain(entry: IExecuteData & WithWait, entities: Record<string, IDataObject>): void {
	entry.node.disabled = false;
	delete entry.metadata!.resumeError;
	waitOf(entry).resumed = entities;
}
