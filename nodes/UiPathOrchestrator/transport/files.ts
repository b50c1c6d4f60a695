import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { FolderRef, ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import { cancelSignalOf, type UiPathContext } from './callerContext';
import { inspectFailure, toUiPathApiError, type UiPathApiError } from './errors';
import { describeFolder } from './folder';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';
import { withRetries } from './retry';

/** A stream of bytes as n8n's binary helpers hand it out. */
export type ByteStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

export interface Bucket extends IDataObject {
	Id: number;
	Name: string;
	/** null (or absent) for a bucket kept by Orchestrator; Azure, Amazon, Minio... for external storage. */
	StorageProvider?: string | null;
}

/** A URI from GetReadUri / GetWriteUri (UiPath's BlobFileAccessDto). */
export interface BlobAccess {
	uri: string;
	verb: IHttpRequestMethods;
	/** true: a bucket kept by Orchestrator, whose URI needs the Orchestrator token; false: pre-signed, no token. */
	requiresAuth: boolean;
	/** Headers the storage expects (e.g. Azure's x-ms-blob-type), from the answer's Keys and Values. */
	headers: Record<string, string>;
}

/** Headers the transfer itself sets, never taken from the answer. */
const TRANSFER_HEADERS = new Set(['content-length', 'host', 'connection', 'expect', 'authorization']);

/** How long a file URI stays valid: enough to stream a large file on a slow link. */
const URI_EXPIRY_MINUTES = 60;
/** Longest silence on the socket while a file moves (not the whole transfer). */
const TRANSFER_IDLE_TIMEOUT_MS = 300_000;

export async function findBucketByName(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	name: string,
): Promise<Bucket | undefined> {
	const response = await uiPathApiRequest<ODataPage<Bucket>>(context, credentialType, {
		path: ODATA.buckets,
		folder,
		qs: { $filter: `Name eq ${odataString(name)}`, $top: 1 },
	});
	return response.value?.[0];
}

/**
 * A BlobFileAccessDto (bucket file or attachment) as the transfer needs it. UiPath's clients tolerate answers without
 * `Verb` (the direction says GET or PUT) and header lists of unequal length or with gaps: a key without a value,
 * a blank key, and the headers the transfer sets itself (Content-Length, Host) are not sent.
 */
export function toBlobAccess(context: UiPathContext, answer: IDataObject, direction: 'read' | 'write'): BlobAccess {
	const uri = answer.Uri;
	if (typeof uri !== 'string' || !/^https?:\/\//i.test(uri)) {
		throw new NodeOperationError(context.getNode(), 'UiPath answered without a file URI', {
			description: 'Orchestrator returned no Uri for the file; check the storage settings of the bucket or of the tenant\'s attachments in Orchestrator.',
		});
	}
	const raw = (answer.Headers ?? {}) as { Keys?: unknown; Values?: unknown };
	const keys = Array.isArray(raw.Keys) ? raw.Keys : [];
	const values = Array.isArray(raw.Values) ? raw.Values : [];
	const pairs = keys
		.slice(0, values.length)
		.map((key, index) => [String(key ?? '').trim(), values[index]] as const)
		.filter(([key, value]) => key !== '' && value !== null && value !== undefined && !TRANSFER_HEADERS.has(key.toLowerCase()))
		.map(([key, value]) => [key, String(value)]);
	const verb = typeof answer.Verb === 'string' && answer.Verb.trim() ? answer.Verb : direction === 'read' ? 'GET' : 'PUT';
	return {
		uri,
		verb: verb.toUpperCase() as IHttpRequestMethods,
		requiresAuth: answer.RequiresAuth === true,
		headers: Object.fromEntries(pairs),
	};
}

/** GetReadUri (download) or GetWriteUri (upload) for one file of a bucket. */
export async function getBlobAccess(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: { folder: FolderRef; bucketId: number; path: string; direction: 'read' | 'write'; contentType?: string },
): Promise<BlobAccess> {
	const answer = await uiPathApiRequest(context, credentialType, {
		path: request.direction === 'read' ? ODATA.bucketReadUri(request.bucketId) : ODATA.bucketWriteUri(request.bucketId),
		folder: request.folder,
		qs: {
			path: request.path,
			expiryInMinutes: URI_EXPIRY_MINUTES,
			...(request.direction === 'write' && request.contentType ? { contentType: request.contentType } : {}),
		},
	});
	return toBlobAccess(context, answer, request.direction);
}

/** A failed storage request as a UiPathApiError, without the URI's query (it holds the signature). */
function storageFailure(context: UiPathContext, error: unknown, access: BlobAccess): UiPathApiError {
	// A refused download leaves its answer as an unread stream: release the connection.
	const { body } = inspectFailure(error);
	if (typeof (body as { destroy?: unknown } | undefined)?.destroy === 'function') (body as { destroy: () => void }).destroy();
	const url = new URL(access.uri);
	return toUiPathApiError(context.getNode(), error, { method: access.verb, path: url.pathname, baseUrl: url.origin });
}

/** Explains a storage failure: where the file lives and why a URI may have been refused. */
function storageError(context: UiPathContext, error: unknown, access: BlobAccess, path: string): NodeApiError {
	const failure = storageFailure(context, error, access);
	const where = access.requiresAuth ? 'Orchestrator\'s own storage' : `the bucket's external storage (${new URL(access.uri).host})`;
	failure.description = `${where} refused ${access.verb} for "${path}". File URIs expire after ${URI_EXPIRY_MINUTES} minutes and are fetched anew on each run; if this persists, check the bucket's storage settings and credentials in Orchestrator.`;
	return failure;
}

/**
 * Sends one request to a file URI. A bucket kept by Orchestrator (RequiresAuth) gets the Orchestrator token
 * through n8n's credential; a pre-signed external URI is sent without any credential, as its storage refuses
 * a second authentication. The body is opened anew for every attempt, so a resent upload streams from the start.
 */
async function sendToStorage<T>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	access: BlobAccess,
	path: string,
	options: Omit<IHttpRequestOptions, 'url' | 'method' | 'body'> & { body?: () => Promise<ByteStream | Buffer> },
): Promise<T> {
	const send = async (): Promise<T> => {
		const request: IHttpRequestOptions = {
			...options,
			url: access.uri,
			method: access.verb,
			headers: { ...options.headers, ...access.headers },
			body: options.body ? await options.body() : undefined,
			timeout: TRANSFER_IDLE_TIMEOUT_MS,
			// Following redirects would buffer the whole upload to replay it, and could carry the token elsewhere.
			disableFollowRedirect: true,
		};
		try {
			const answer: unknown = access.requiresAuth
				? await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request)
				: await context.helpers.httpRequest(request);
			return answer as T;
		} catch (error) {
			// Typed, so the retries can read the status.
			throw storageFailure(context, error, access);
		}
	};
	try {
		return await withRetries(send, { idempotent: true, signal: cancelSignalOf(context) });
	} catch (error) {
		throw storageError(context, error, access, path);
	}
}

/** PUTs a file to the URI GetWriteUri answered, streaming it. */
export async function uploadBlob(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	access: BlobAccess,
	file: { path: string; open: () => Promise<ByteStream | Buffer>; size: number; contentType: string },
): Promise<void> {
	await sendToStorage(context, credentialType, access, file.path, {
		headers: { 'Content-Type': file.contentType, 'Content-Length': String(file.size) },
		body: file.open,
	});
}

/** GETs a file from the URI GetReadUri answered, as a stream with the storage's content type. */
export async function downloadBlob(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	access: BlobAccess,
	path: string,
): Promise<{ stream: ByteStream; contentType?: string }> {
	const response = await sendToStorage<{ body: ByteStream; headers: Record<string, unknown> }>(context, credentialType, access, path, {
		encoding: 'stream',
		returnFullResponse: true,
	});
	const contentType = response.headers['content-type'];
	return { stream: response.body, contentType: typeof contentType === 'string' ? contentType : undefined };
}

/** DeleteFile: 404 when the bucket has no such file. */
export async function deleteBlob(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: { folder: FolderRef; bucketId: number; path: string },
): Promise<void> {
	await uiPathApiRequest(context, credentialType, {
		method: 'DELETE',
		path: ODATA.bucketDeleteFile(request.bucketId),
		folder: request.folder,
		qs: { path: request.path },
		idempotent: true,
	});
}

/** The bucket's Id from a name, or an error naming the bucket and the folder. */
export async function resolveBucketId(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	bucket: { id: number } | { name: string },
): Promise<number> {
	if ('id' in bucket) return bucket.id;
	const found = await findBucketByName(context, credentialType, folder, bucket.name);
	if (!found) {
		throw new NodeOperationError(context.getNode(), `No storage bucket named "${bucket.name}" in ${describeFolder(folder)}`, {
			description: 'Check the bucket\'s name (Orchestrator > Storage Buckets) and the folder it is shared with.',
		});
	}
	return found.Id;
}
