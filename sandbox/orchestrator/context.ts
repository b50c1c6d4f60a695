import type { IncomingHttpHeaders } from 'http';
import type { TokenInfo } from '../contract';
import type { Access } from './access';
import type { AttachmentSettings } from './attachments';
import type { BlobStorage } from './buckets/blobStorage';
import type { entitySets } from './entitySets';
import type { JobRunner } from './jobs/runner';
import { badRequest, type Reply } from './reply';
import type { TenantStore } from './store/tenantStore';
import type { Folder } from './store/types';
import type { AnswerVariants } from './variants';
import type { WebhookDispatcher } from './webhooks/dispatcher';

/** Everything a route handler needs for one request. */
export interface RouteContext {
	store: TenantStore;
	sets: ReturnType<typeof entitySets>;
	/** Orchestrator's base URL as the caller addressed it (for `@odata.context`). */
	serviceRoot: string;
	token: TokenInfo;
	/** The tenant-wide roles or the folders the caller has roles in. */
	access: Access;
	/** Set for folder-scoped routes. */
	folder: Folder;
	/** Captures of the route pattern, e.g. the key of `Jobs(42)`. */
	params: string[];
	query: URLSearchParams;
	/** The MaxTop of an entity set (`$top` limit), as the sandbox is configured now. */
	maxTop(entitySet: string): number;
	/** Properties a list answer of the entity set leaves out (large data fields), as the sandbox is configured now. */
	omittedFromLists(entitySet: string): readonly string[];
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	runner: JobRunner;
	webhooks: WebhookDispatcher;
	/** The bytes of bucket files and the URIs handed out for them. */
	blobs: BlobStorage;
	/** Where attachments are kept and when output becomes one, as the sandbox is configured now. */
	attachments: AttachmentSettings;
	/** The answer shapes switched on now. */
	variants: AnswerVariants;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Matched against the path after the service root, e.g. `/odata/Jobs(42)`. */
	pattern: RegExp;
	/** Any one of these OAuth scopes is enough. */
	scopes: readonly string[];
	/** Needs a folder header (X-UIPATH-OrganizationUnitId and friends). */
	folderScoped: boolean;
	/** Counted by the `GET Jobs` / `GET QueueItems` rate limit. */
	rateLimited?: boolean;
	/** A tenant-level permission the route needs (orchestrator.yaml's "Required permissions"); folder roles do not give it. */
	tenantPermission?: string;
	handle(context: RouteContext): Reply | Promise<Reply>;
}

/** The JSON body of a request, as an object; anything else is a 400 naming what was expected. */
export function jsonBody(context: RouteContext, description: string): Record<string, unknown> {
	const text = context.rawBody.toString('utf8');
	if (text.trim() === '') throw badRequest(`The request body is empty; expected ${description}.`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw badRequest(`The request body is not valid JSON; expected ${description}.`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw badRequest(`The request body must be a JSON object: ${description}.`);
	}
	return parsed as Record<string, unknown>;
}

export const keyParam = (context: RouteContext) => Number(context.params[0]);
