/**
 * The only part of the package that talks HTTP to UiPath, usable from any n8n context (execute, poll, hook,
 * load options). Every call takes the context and the credential type (`uiPathApi` | `uiPathOAuth2Api`);
 * URLs come from the credential through credentials/auth/endpoints.ts; requests go through
 * `httpRequestWithAuthentication`. Failures are UiPathApiErrors (NodeApiErrors) that keep the HTTP status, the
 * UiPath errorCode, Retry-After and whether UiPath may have acted, say what to do (with the hints the operation
 * declared for a status) and carry no token.
 *
 * - `uiPathApiRequest(context, credentialType, { method?, service?, path, qs?, body?, folder?, idempotent?, timeoutMs?, hints? })`
 * - `uiPathApiRequestPage(context, credentialType, request, { top, skip })` → `{ items, count? }`
 * - `uiPathApiRequestAllItems(context, credentialType, request, limit?)` → every item, 1,000 per request
 * - `startJobsExactlyOnce`, `getJob`, `waitForJob`, `findJobsByReference`: jobs without duplicate starts
 * - `findQueueByName(context, credentialType, folder, name)` → the queue definition or undefined
 * - `getBlobAccess`, `uploadBlob`, `downloadBlob`, `deleteBlob`, `resolveBucketId`: bucket files, streamed to and
 *   from the URI UiPath hands out (with the Orchestrator token only when the answer's RequiresAuth asks for it)
 */
export { cancelSignalOf, type UiPathContext } from './context';
export { inspectFailure, redactSecrets, retryAfterMs, scopesFor, toUiPathApiError, UiPathApiError } from './errors';
export type { ErrorHint, ErrorHints } from './errors';
export { describeFolder, encodeFolderPath, folderHeaders } from './folder';
export { findJobsByReference, getJob, isFinal, startJobsExactlyOnce, waitForJob } from './jobs';
export { odataString } from './odata';
export { uiPathApiRequestAllItems, uiPathApiRequestPage, type PageResult } from './paging';
export { findQueueByName } from './queues';
export { getEndpoints, uiPathApiRequest, type UiPathRequest, type UiPathService } from './request';
export { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry';
export { deleteBlob, downloadBlob, findBucketByName, getBlobAccess, resolveBucketId, uploadBlob, type BlobAccess, type ByteStream } from './files';
