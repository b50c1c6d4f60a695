import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inspectFailure } from './errors';

/** The one place the fallbacks read a failed request's HTTP status (403 → another route, 400 → a lower `$top`). */
export function failureStatus(error: unknown): number | undefined {
	return inspectFailure(error).status;
}

/** ASP.NET OData's answer to a `$top` above MaxTop: "The limit of '100' for Top query has been exceeded". */
const TOP_LIMIT = /The limit of '(\d+)' for Top query has been exceeded/i;

/** The `$top` limit Orchestrator named in a 400 answer, if that is what it said. */
export function topLimitOf(error: unknown): number | undefined {
	if (failureStatus(error) !== 400) return undefined;
	const body = inspectFailure(error).body;
	const said = [error instanceof Error ? error.message : '', typeof body === 'string' ? body : JSON.stringify(body ?? '')];
	const match = said.map((text) => TOP_LIMIT.exec(text)).find((found) => found !== null);
	const limit = match ? Number(match[1]) : undefined;
	return limit !== undefined && limit >= 1 ? limit : undefined;
}

/** A caught failure thrown on unchanged: uiPathApiRequest already made it a NodeApiError (n8n hands that instance back) or a NodeOperationError. */
export function rethrown(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeOperationError ? error : new NodeApiError(node, error as JsonObject);
}
