import type { IDataObject } from 'n8n-workflow';

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
