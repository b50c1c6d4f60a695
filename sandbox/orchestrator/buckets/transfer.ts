import type { IncomingMessage, ServerResponse } from 'http';
import { newTraceId } from '../reply';
import type { BlobGrant, BlobStorage } from './blobStorage';

/**
 * The URIs GetReadUri / GetWriteUri hand out. UiPath does not publish their form; what matters to a client is
 * the answer's Verb, Headers and RequiresAuth, which these follow:
 * - kept by Orchestrator: `<orchestrator>/blobs_/<bucket>/<path>?sig=…`, only with the caller's Bearer token;
 * - external (Azure here): `/external-storage/<container>/<path>?sv=…&se=…&sp=…&sig=…`, pre-signed, and a
 *   request that also carries an Authorization header is refused, as Azure and S3 refuse two auth mechanisms.
 */
const HOSTED = /\/blobs_\/[^/]+\/(.+)$/;
const EXTERNAL = /^\/external-storage\/[^/]+\/(.+)$/;

export function isBlobTransferPath(pathname: string): boolean {
	return HOSTED.test(pathname) || EXTERNAL.test(pathname);
}

export interface TransferDeps {
	blobs: BlobStorage;
	/** Whether the request carries a valid Orchestrator access token. */
	authenticated(req: IncomingMessage): Promise<boolean>;
}

/** Where a URI for this grant points, below the Orchestrator service root or the storage account. */
export function blobUri(grant: BlobGrant, signature: string, roots: { serviceRoot: string; origin: string }): string {
	const path = grant.path.split('/').map(encodeURIComponent).join('/');
	if (grant.bucket.StorageProvider === null) return `${roots.serviceRoot}/blobs_/${grant.bucket.Identifier}/${path}?sig=${signature}`;
	const query = new URLSearchParams({
		sv: '2023-11-03',
		se: new Date(grant.expiresAt).toISOString(),
		sp: grant.verb === 'GET' ? 'r' : 'cw',
		sig: signature,
	});
	return `${roots.origin}/external-storage/${grant.bucket.StorageContainer}/${path}?${query.toString()}`;
}

function refuse(res: ServerResponse, external: boolean, status: number, code: string, message: string): void {
	if (external) {
		res.writeHead(status, { 'Content-Type': 'application/xml' });
		res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
		return;
	}
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ message, errorCode: 0, traceId: newTraceId() }));
}

/** Serves a bucket file URI, streaming both ways; false when the path is not one. */
export async function transferBlob(req: IncomingMessage, res: ServerResponse, url: URL, deps: TransferDeps): Promise<boolean> {
	const match = EXTERNAL.exec(url.pathname) ?? HOSTED.exec(url.pathname);
	if (!match) return false;
	const external = EXTERNAL.test(url.pathname);
	const grant = deps.blobs.grant(url.searchParams.get('sig'));
	const path = decodeURIComponent(match[1]);
	if (!grant || grant.path !== path || (grant.bucket.StorageProvider !== null) !== external) {
		refuse(res, external, 403, 'AuthenticationFailed', 'The signature of this URI is not valid.');
		return true;
	}
	if (external && req.headers.authorization !== undefined) {
		refuse(res, external, 400, 'InvalidAuthenticationInfo', 'This URI is pre-signed: a request may not carry an Authorization header as well.');
		return true;
	}
	if (!external && !(await deps.authenticated(req))) {
		refuse(res, external, 401, 'Unauthorized', 'You are not authenticated!');
		return true;
	}
	if (Date.now() >= grant.expiresAt) {
		refuse(res, external, 403, 'AuthenticationFailed', 'This URI has expired: ask for a new one.');
		return true;
	}
	if (req.method !== grant.verb) {
		refuse(res, external, 405, 'UnsupportedHttpVerb', `This URI allows ${grant.verb} only.`);
		return true;
	}
	if (grant.verb === 'PUT') {
		const missing = Object.entries(grant.requiredHeaders).find(([name, value]) => req.headers[name.toLowerCase()] !== value);
		if (missing) {
			refuse(res, external, 400, 'MissingRequiredHeader', `The header ${missing[0]}: ${missing[1]} is required.`);
			return true;
		}
		const contentType = req.headers['content-type'] ?? grant.contentType ?? 'application/octet-stream';
		await deps.blobs.write(grant.bucket, grant.path, contentType, req);
		res.writeHead(201);
		res.end();
		return true;
	}
	const file = grant.bucket.files.get(grant.path);
	if (!file) {
		refuse(res, external, 404, 'BlobNotFound', `The file ${grant.path} does not exist.`);
		return true;
	}
	res.writeHead(200, { 'Content-Type': file.ContentType, 'Content-Length': String(file.Size) });
	deps.blobs.read(file).pipe(res);
	return true;
}
