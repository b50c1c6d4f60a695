/**
 * The only part of the package that talks HTTP to UiPath, usable from any n8n context (execute, poll, hook,
 * load options). Every call takes the context and the credential type (`uiPathApi` | `uiPathOAuth2Api`);
 * URLs come from the credential through credentials/auth/endpoints.ts; requests go through
 * `httpRequestWithAuthentication`. Failures are UiPathApiErrors (NodeApiErrors) that keep the HTTP status, the
 * UiPath errorCode, Retry-After and whether UiPath may have acted, say what to do (with the hints the operation
 * declared for a status) and carry no token.
 *
 * - `uiPathApiRequest(context, credentialType, { method?, service?, path, qs?, body?, folder?, idempotent?, timeoutMs?, hints? })`
 * - `uiPathApiRequestPage(context, credentialType, request, { top, skip })` → `{ items, count?, top }`, read again at
 *   the limit Orchestrator names when `$top` is above it
 * - `uiPathApiRequestAllItems(context, credentialType, request, limit?)` → every item, 1,000 per request (queue
 *   items 100 on Automation Cloud), keeping a lower limit Orchestrator names
 * - `failureStatus(error)`, `topLimitOf(error)`: what the fallbacks read from a failed request
 * - `startJobsExactlyOnce`, `getJob`, `waitForJob`, `findJobsByReference`: jobs without duplicate starts
 * - `findQueueByName(context, credentialType, folder, name)` → the queue definition or undefined
 * - `findQueueItemsByReference(context, credentialType, folder, queueName, references)` → the queue's items with those references
 * - `getRelease(context, credentialType, folder, { key | name }, { select?, itemIndex? })` → the release, or an error naming it
 * - `lastErrorLogs(context, credentialType, folder, jobKey)` → a job's last error log lines
 * - `resolveFolderId`, `currentUserFolders`: folders for identities with folder roles only (403 on /odata/Folders)
 * - `createTask`, `getTask`, `getTaskData`, `completeTask`, `changeTaskAssignment`, `deleteTask`, `findTaskCatalog`,
 *   `findTaskUser`, `taskRoutes`: Action Center tasks (external tasks through GenericTasks, form tasks through TaskForms)
 * - `withOutputFile`, `withLargeInputAsFile`, `hasOutputFile`, `readAttachmentText`, `uploadAttachmentText`: job arguments as attachments
 *   (`OutputFile`, `InputFile`), moved as bucket files are
 * - `getBlobAccess`, `uploadBlob`, `downloadBlob`, `deleteBlob`, `resolveBucketId`: bucket files, streamed to and
 *   from the URI UiPath hands out (with the Orchestrator token only when the answer's RequiresAuth asks for it)
 * - `listWebhookSubscriptions`, `createWebhookSubscription`, `deleteWebhookSubscription`: tenant-wide webhook subscriptions
 * - `callResumeUrl(context, url, body, signature)`: a signed POST to a waiting n8n execution (retried while n8n answers 409)
 */
export { hasOutputFile, readAttachmentText, uploadAttachmentText, withLargeInputAsFile, withOutputFile } from './attachments';
export { cancelSignalOf, type UiPathContext } from './callerContext';
export { inspectFailure, redactSecrets, retryAfterMs, scopesFor, toUiPathApiError, UiPathApiError } from './errors';
export type { ErrorHint, ErrorHints } from './errors';
export { describeFolder, encodeFolderPath, folderHeaders } from './folder';
export { CURRENT_USER_FOLDERS_PAGE, currentUserFolders, isForbidden, resolveFolderId } from './folderAccess';
export { findJobsByReference, getJob, isFinal, startJobsExactlyOnce, waitForJob } from './jobs';
export { failureStatus, rethrown, topLimitOf } from './failures';
export { odataString } from './odata';
export { listPageSize, uiPathApiRequestAllItems, uiPathApiRequestPage, type PageResult } from './paging';
export { findQueueByName, findQueueItemsByReference } from './queues';
export { getRelease } from './releases';
export { lastErrorLogs } from './robotLogs';
export { getEndpoints, uiPathApiRequest, type UiPathRequest, type UiPathService } from './request';
export { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry';
export {
	changeTaskAssignment,
	completeTask,
	createTask,
	deleteTask,
	findTaskCatalog,
	findTaskUser,
	getTask,
	getTaskData,
	taskRoutes,
	type AssignmentChange,
	type TaskData,
	type TaskMetadata,
	type TaskOperationError,
	type TaskUser,
} from './tasks';
export { deleteBlob, downloadBlob, findBucketByName, getBlobAccess, resolveBucketId, uploadBlob, type BlobAccess, type ByteStream } from './files';
export {
	createWebhookSubscription,
	deleteWebhookSubscription,
	listWebhookSubscriptions,
	WEBHOOK_DESCRIPTION_MAX,
	WEBHOOK_NAME_MAX,
	type NewWebhookSubscription,
	type WebhookSubscription,
} from './webhooks';
export { callResumeUrl } from './resumeCall';
