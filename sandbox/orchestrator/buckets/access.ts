import type { RouteContext } from '../context';
import type { Bucket } from '../store/types';
import type { BlobGrant } from './blobStorage';
import { blobUri } from './transfer';

/**
 * A `BlobFileAccessDto` for one file (bucket file or attachment): a URI, its verb, whether it needs the Orchestrator
 * token (storage kept by Orchestrator) and the headers to send, as `Keys` and `Values` arrays.
 */
export function blobFileAccess(
	context: RouteContext,
	request: { bucket: Bucket; path: string; verb: 'GET' | 'PUT'; contentType?: string; expiresAt: number },
): Record<string, unknown> {
	const external = request.bucket.StorageProvider !== null;
	// Azure creates a blob on PUT only when told which kind: UiPath passes the header on.
	const requiredHeaders: Record<string, string> = external && request.verb === 'PUT' ? { 'x-ms-blob-type': 'BlockBlob' } : {};
	const grant: BlobGrant = { store: context.store, requiredHeaders, ...request };
	const signature = context.blobs.issue(grant);
	const { variants } = context;
	const keys = Object.keys(requiredHeaders);
	const values = Object.values(requiredHeaders);
	// A key without a value: the client sends it empty or not at all; neither may break the transfer.
	if (variants.blobHeadersUneven) keys.push('x-ms-client-request-id');
	return {
		Uri: blobUri(grant, signature, { serviceRoot: context.serviceRoot, origin: new URL(context.serviceRoot).origin }),
		...(variants.blobAccessWithoutVerb ? {} : { Verb: request.verb }),
		RequiresAuth: !external,
		Headers: { Keys: keys, Values: values },
	};
}
