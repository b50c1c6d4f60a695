export { cancelSignalOf, type UiPathContext } from './context';
export { inspectFailure, redactSecrets, retryAfterMs, scopesFor, toUiPathApiError } from './errors';
export { describeFolder, encodeFolderPath, folderHeaders } from './folder';
export { findJobsByReference, getJob, isFinal, odataString, startJobsExactlyOnce, waitForJob } from './jobs';
export { uiPathApiRequestAllItems, uiPathApiRequestPage, type PageResult } from './paging';
export { getEndpoints, uiPathApiRequest, type UiPathRequest, type UiPathService } from './request';
export { DEFAULT_RETRY_POLICY, isAmbiguousFailure, withRetries, type RetryPolicy } from './retry';
