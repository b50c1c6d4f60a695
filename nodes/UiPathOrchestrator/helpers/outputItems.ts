import type { IBinaryKeyData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Job } from './interfaces';

function parseJson(value: unknown): unknown {
	if (typeof value !== 'string' || !value.trim()) return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

const isAnnotation = (key: string) => key.startsWith('@odata.');

/** Drops OData's own annotations (`@odata.context`) from an object UiPath returned; one without any comes back as it is. */
export function withoutODataAnnotations<T extends IDataObject>(value: T): T {
	const keys = Object.keys(value);
	if (!keys.some(isAnnotation)) return value;
	const kept: IDataObject = {};
	for (const key of keys) if (!isAnnotation(key)) kept[key] = value[key];
	return kept as T;
}

/**
 * A job as the node outputs it, in one shallow copy: annotations dropped, and the arguments Orchestrator sends
 * as JSON strings parsed, so the next node reads `$json.OutputArguments.x`.
 */
export function toJob(value: IDataObject): Job {
	const job: IDataObject = { ...value };
	for (const key of Object.keys(job)) if (isAnnotation(key)) delete job[key];
	if ('InputArguments' in job) job.InputArguments = parseJson(job.InputArguments) as IDataObject;
	if ('OutputArguments' in job) job.OutputArguments = parseJson(job.OutputArguments) as IDataObject;
	return job as Job;
}

/** Marks the binary data an operation returns next to its JSON; the router turns it into the item's `binary`. */
const BINARY = Symbol('binary');

type WithBinary = IDataObject & { [BINARY]?: IBinaryKeyData };

export function withBinary(json: IDataObject, binary: IBinaryKeyData): IDataObject {
	return Object.assign({ ...json }, { [BINARY]: binary });
}

/** An operation's result as an output item paired with its input item; only a result with binary data is copied. */
export function toOutputItem(result: IDataObject, itemIndex: number): INodeExecutionData {
	if (!(BINARY in result)) return { json: result, pairedItem: { item: itemIndex } };
	const { [BINARY]: binary, ...json } = result as WithBinary;
	return { json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } };
}
