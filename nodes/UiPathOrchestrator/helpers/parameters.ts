import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../../../credentials/auth/endpoints';
import { GUID, MAX_REFERENCE_LENGTH } from './constants';
import type { FolderRef, ReleaseRef, UiPathCredentialType } from './interfaces';

/** The credential chosen under Authentication (whose values are the credential type names), outside an execution's item loop. */
export function credentialTypeOf(context: ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions): UiPathCredentialType {
	return context.getNodeParameter('authentication', CREDENTIAL_TYPES.api) as UiPathCredentialType;
}

/**
 * A parameter of an item, as n8n resolves it. No parameter of this node declares `validateType` (a test keeps it
 * so), so n8n's check of the value against the description finds nothing to check; skipping it spares the scan
 * of the node's properties that the check makes for every read, which a batch pays per parameter and item.
 */
export function itemParameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return context.getNodeParameter(name, itemIndex, fallback, { skipValidation: true });
}

/** A parameter problem, naming the parameter (label and name) and the item. */
export function parameterError(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: { label: string; name: string },
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${parameter.label} (${parameter.name}) in item ${itemIndex} ${problem}`,
		{ itemIndex, description },
	);
}

/** A resource locator's mode and trimmed value, whether n8n stored an object or a bare string (taken as an ID). */
export function locatorParts(raw: unknown): { mode: string; value: string } {
	if (raw && typeof raw === 'object') {
		const { mode, value } = raw as INodeParameterResourceLocator;
		return { mode: String(mode ?? ''), value: String(value ?? '').trim() };
	}
	return { mode: 'id', value: String(raw ?? '').trim() };
}

/** A queue picker's name, whether saved as a resource locator or, before it was one, as a plain string. */
export function queueNameOf(raw: unknown): string {
	return locatorParts(raw).value;
}

function locator(context: IExecuteFunctions, name: string, itemIndex: number): { mode: string; value: string } {
	return locatorParts(itemParameter(context, name, itemIndex, undefined));
}

/** What a Folder locator names: nothing, a folder, or a value that is neither a folder path nor a folder ID. */
export type FolderReading =
	| { kind: 'empty' }
	| { kind: 'folder'; folder: FolderRef }
	| { kind: 'notAPath' | 'notAnId'; value: string };

/** The rules for a Folder value, shared by the action node and the triggers, which word their errors differently. */
export function parseFolderLocator(raw: unknown): FolderReading {
	const { mode, value } = locatorParts(raw);
	if (!value) return { kind: 'empty' };
	if (mode === 'path') {
		const path = value.replace(/^\/+|\/+$/g, '');
		return path ? { kind: 'folder', folder: { path } } : { kind: 'notAPath', value };
	}
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return { kind: 'notAnId', value };
	return { kind: 'folder', folder: { id: Number(value) } };
}

const FOLDER = { label: 'Folder', name: 'folder' };

export function readFolder(context: IExecuteFunctions, itemIndex: number): FolderRef {
	const reading = parseFolderLocator(itemParameter(context, FOLDER.name, itemIndex, undefined));
	switch (reading.kind) {
		case 'folder':
			return reading.folder;
		case 'empty':
			throw parameterError(
				context,
				itemIndex,
				FOLDER,
				'is required: this operation runs inside an Orchestrator folder',
				'Choose the folder from the list, or give its ID or its full path such as Finance/Invoices.',
			);
		case 'notAPath':
			throw parameterError(context, itemIndex, FOLDER, `"${reading.value}" is not a folder path`);
		case 'notAnId':
			throw parameterError(context, itemIndex, FOLDER, `"${reading.value}" is not a folder ID (a whole number)`, 'Use By Path to name the folder by its path instead.');
	}
}


export function readRelease(context: IExecuteFunctions, itemIndex: number): ReleaseRef {
	const parameter = { label: 'Process', name: 'release' };
	const { mode, value } = locator(context, parameter.name, itemIndex);
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required', 'Choose the process from the list, or give its key or name.');
	if (mode === 'name') return { name: value };
	if (!GUID.test(value)) throw parameterError(context, itemIndex, parameter, `"${value}" is not a process key (a GUID)`);
	return { key: value };
}

export function readQueueName(context: IExecuteFunctions, itemIndex: number): string {
	const parameter = { label: 'Queue', name: 'queue' };
	const { value } = locator(context, parameter.name, itemIndex);
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required');
	return value;
}

export function readJobId(context: IExecuteFunctions, itemIndex: number): string {
	const parameter = { label: 'Job ID', name: 'jobId' };
	const value = String(itemParameter(context, parameter.name, itemIndex, '') ?? '').trim();
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required');
	if (!/^\d+$/.test(value) && !GUID.test(value)) {
		throw parameterError(context, itemIndex, parameter, `"${value}" is neither a numeric job ID nor a job key (GUID)`);
	}
	return value;
}

/** A JSON parameter that must hold an object; expressions may hand over an object or a string. */
export function readJsonObject(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: { label: string; name: string },
): IDataObject {
	const raw = itemParameter(context, parameter.name, itemIndex, '{}');
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return {};
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw parameterError(context, itemIndex, parameter, `is not valid JSON: ${(error as Error).message}`, 'Give a JSON object such as {"InvoiceId": "INV-1"}.');
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
		throw parameterError(context, itemIndex, parameter, `must be a JSON object, not ${kind}`, 'Give a JSON object such as {"InvoiceId": "INV-1"}.');
	}
	return value as IDataObject;
}

/** Options > Reference, trimmed; empty when not set. */
export function readReference(context: IExecuteFunctions, itemIndex: number, options: IDataObject): string {
	const reference = String(options.reference ?? '').trim();
	if (reference.length > MAX_REFERENCE_LENGTH) {
		throw parameterError(context, itemIndex, { label: 'Reference', name: 'options.reference' }, `is longer than ${MAX_REFERENCE_LENGTH} characters`);
	}
	return reference;
}

export function readPositiveInteger(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: { label: string; name: string },
	value: unknown,
): number {
	const number = typeof value === 'string' && value.trim() ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
		throw parameterError(context, itemIndex, parameter, `must be a whole number of at least 1, not ${JSON.stringify(value)}`);
	}
	return number;
}

/** A date option as ISO 8601, which OData and Orchestrator's DTOs expect. */
export function readDate(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: { label: string; name: string },
	value: unknown,
): string {
	const date = new Date(String(value));
	if (value === '' || value === null || value === undefined || Number.isNaN(date.getTime())) {
		throw parameterError(context, itemIndex, parameter, `is not a date: ${JSON.stringify(value)}`);
	}
	return date.toISOString();
}

/** Joins OData conditions with "and"; a raw user filter keeps its own precedence in parentheses. */
export function combineFilters(conditions: Array<string | undefined>): string | undefined {
	const present = conditions.filter((condition): condition is string => !!condition && !!condition.trim());
	if (present.length === 0) return undefined;
	if (present.length === 1) return present[0];
	return present.map((condition) => `(${condition})`).join(' and ');
}

/** A queue item's numeric Id (queue item operations address items by Id). */
export function readQueueItemId(context: IExecuteFunctions, itemIndex: number): number {
	const parameter = { label: 'Queue Item ID', name: 'queueItemId' };
	const value = String(itemParameter(context, parameter.name, itemIndex, '') ?? '').trim();
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required');
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
		throw parameterError(context, itemIndex, parameter, `"${value}" is not a queue item ID (a whole number)`, 'Use the Id of a queue item, e.g. from Queue Item > Get Many.');
	}
	return Number(value);
}

/** A locator whose list and By ID modes hold the entity's numeric Id, and By Name its name (buckets, assets). */
function readIdOrName(context: IExecuteFunctions, itemIndex: number, parameter: { label: string; name: string }): { id: number } | { name: string } {
	const what = parameter.label.toLowerCase();
	const { mode, value } = locator(context, parameter.name, itemIndex);
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required', `Choose the ${what} from the list, or give its ID or name.`);
	if (mode === 'name') return { name: value };
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
		throw parameterError(context, itemIndex, parameter, `"${value}" is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} ID (a whole number)`, `Use By Name to name the ${what} instead.`);
	}
	return { id: Number(value) };
}

/** The Bucket locator: its Id (from the list or By ID) or its name. */
export function readBucket(context: IExecuteFunctions, itemIndex: number): { id: number } | { name: string } {
	return readIdOrName(context, itemIndex, { label: 'Bucket', name: 'bucket' });
}

/** The Asset locator: its Id (from the list or By ID) or its name. */
export function readAssetRef(context: IExecuteFunctions, itemIndex: number): { id: number } | { name: string } {
	return readIdOrName(context, itemIndex, { label: 'Asset', name: 'asset' });
}

/** A file's path in a bucket, with / between folders and no leading slash (as Orchestrator stores it). */
export function readBucketFilePath(context: IExecuteFunctions, itemIndex: number): string {
	const parameter = { label: 'File Path', name: 'path' };
	const raw = String(itemParameter(context, parameter.name, itemIndex, '') ?? '').trim();
	const path = raw.replace(/\\/g, '/').replace(/^\/+/, '');
	if (!path) throw parameterError(context, itemIndex, parameter, 'is required', 'Give the file\'s path in the bucket, e.g. invoices/2026/INV-1.pdf.');
	if (path.endsWith('/')) throw parameterError(context, itemIndex, parameter, `"${raw}" names a folder, not a file`, 'End the path with the file name, e.g. invoices/2026/INV-1.pdf.');
	return path;
}

/** `binaryPropertyName`: the item's binary field a file comes from or goes to. */
export function readBinaryPropertyName(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(itemParameter(context, 'binaryPropertyName', itemIndex, 'data') ?? '').trim();
	if (!name) throw parameterError(context, itemIndex, { label: 'Binary Field', name: 'binaryPropertyName' }, 'is required');
	return name;
}

/** Which bucket file an operation works on: Folder, Bucket and File Path. */
export function readBucketFile(context: IExecuteFunctions, itemIndex: number): { folder: FolderRef; bucket: { id: number } | { name: string }; path: string } {
	return { folder: readFolder(context, itemIndex), bucket: readBucket(context, itemIndex), path: readBucketFilePath(context, itemIndex) };
}
