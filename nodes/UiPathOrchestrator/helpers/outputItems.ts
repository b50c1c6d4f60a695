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

/** Orchestrator sends a job's arguments as JSON strings; the next node wants `$json.OutputArguments.x`. */
export function parseJobArguments<T extends IDataObject>(job: T): T {
	const parsed: IDataObject = { ...job };
	if ('InputArguments' in job) parsed.InputArguments = parseJson(job.InputArguments) as IDataObject;
	if ('OutputArguments' in job) parsed.OutputArguments = parseJson(job.OutputArguments) as IDataObject;
	return parsed as T;
}

/** Drops OData's own annotations (`@odata.context`) from an object UiPath returned. */
export function withoutODataAnnotations<T extends IDataObject>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('@odata.'))) as T;
}

export function toJob(value: IDataObject): Job {
	return parseJobArguments(withoutODataAnnotations(value)) as Job;
}

/** Marks the binary data an operation returns next to its JSON; the router turns it into the item's `binary`. */
const BINARY = Symbol('binary');

type WithBinary = IDataObject & { [BINARY]?: IBinaryKeyData };

export function withBinary(json: IDataObject, binary: IBinaryKeyData): IDataObject {
	return Object.assign({ ...json }, { [BINARY]: binary });
}

/** An operation's result as an output item paired with its input item. */
export function toOutputItem(result: IDataObject, itemIndex: number): INodeExecutionData {
	const { [BINARY]: binary, ...json } = result as WithBinary;
	return { json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } };
}
