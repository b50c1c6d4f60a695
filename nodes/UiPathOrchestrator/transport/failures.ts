import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { UiPathApiError } from './errors';

/** The one place the fallbacks read a failed request's HTTP status (403 → another route, 400 → a lower `$top`). */
export function failureStatus(error: unknown): number | undefined {
	return error instanceof UiPathApiError ? error.status : undefined;
}

/** ASP.NET OData's answer to a `$top` above MaxTop: "The limit of '100' for Top query has been exceeded". */
const TOP_LIMIT = /The limit of '(\d+)' for Top query has been exceeded/i;

/** The `$top` limit Orchestrator named in a 400 answer, if that is what it said. */
export function topLimitOf(error: unknown): number | undefined {
	if (failureStatus(error) !== 400) return undefined;
	const match = TOP_LIMIT.exec((error as UiPathApiError).message);
	const limit = match ? Number(match[1]) : undefined;
	return limit !== undefined && limit >= 1 ? limit : undefined;
}

/** A caught failure thrown on unchanged: uiPathApiRequest throws only UiPathApiErrors (NodeApiErrors) and NodeOperationErrors. */
export function rethrown(error: unknown): NodeApiError | NodeOperationError {
	return error as NodeApiError | NodeOperationError;
}
