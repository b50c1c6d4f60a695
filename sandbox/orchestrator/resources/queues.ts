import { jsonBody, keyParam, type Route, type RouteContext } from '../context';
import { QUEUE_ITEM_FIELDS, serializeFields } from '../entitySets';
import { queueItemEventContent, queueItemsEventContent } from '../webhooks/payloads';
import { badRequest, noContent, notFound, ok, OrchestratorError } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import { addQueueItem } from '../store/seed';
import type { QueueDefinition, QueueItem } from '../store/types';
import { byIdRoute, listRoute } from './generic';

const PRIORITIES = ['High', 'Normal', 'Low'] as const;
const MAX_REFERENCE_LENGTH = 128;

const queues = {
	scopes: readScopes('Queues'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.queues,
	items: (context: RouteContext) => [...context.store.queues.values()].filter((queue) => queue.OrganizationUnitId === context.folder.Id),
};

const items = {
	scopes: readScopes('Queues'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.queueItems,
	items: (context: RouteContext) => [...context.store.queueItems.values()].filter((item) => item.OrganizationUnitId === context.folder.Id),
};

function optionalDate(data: Record<string, unknown>, name: string, where: string): string | null {
	const value = data[name];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
		throw badRequest(`${where}.${name} must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z.`);
	}
	return new Date(value).toISOString();
}

/** Checks one QueueItemDataDto (`where` names it in messages) and adds it to the queue. */
function createItem(context: RouteContext, queue: QueueDefinition, itemData: Record<string, unknown>, where: string): QueueItem {
	const priority = itemData.Priority ?? 'Normal';
	if (typeof priority !== 'string' || !(PRIORITIES as readonly string[]).includes(priority)) {
		throw badRequest(`${where}.Priority must be one of ${PRIORITIES.join(', ')}.`);
	}
	const content = itemData.SpecificContent ?? null;
	if (content !== null && (typeof content !== 'object' || Array.isArray(content))) {
		throw badRequest(`${where}.SpecificContent must be a JSON object of field names and values.`);
	}
	const reference = itemData.Reference ?? null;
	if (reference !== null && typeof reference !== 'string') throw badRequest(`${where}.Reference must be a string.`);
	if (reference !== null && reference.length > MAX_REFERENCE_LENGTH) {
		throw badRequest(`${where}.Reference is ${reference.length} characters long; the maximum is ${MAX_REFERENCE_LENGTH}.`);
	}
	if (queue.EnforceUniqueReference && reference) {
		const wanted = reference.toLowerCase();
		for (const existing of context.store.queueItems.values()) {
			if (existing.QueueDefinitionId === queue.Id && existing.Status !== 'Deleted' && existing.Reference?.toLowerCase() === wanted) {
				throw new OrchestratorError(409, 'Error creating Transaction. Duplicate Reference.', 1016);
			}
		}
	}
	return addQueueItem(context.store, queue.Id, {
		Priority: priority as QueueItem['Priority'],
		SpecificContent: content as Record<string, unknown> | null,
		Reference: reference,
		DeferDate: optionalDate(itemData, 'DeferDate', where),
		DueDate: optionalDate(itemData, 'DueDate', where),
		RiskSlaDate: optionalDate(itemData, 'RiskSlaDate', where),
		Progress: typeof itemData.Progress === 'string' ? itemData.Progress : null,
		CreationTime: new Date().toISOString(),
	});
}

function queueNamed(context: RouteContext, name: string): QueueDefinition {
	const queue = context.store.queueByName(context.folder.Id, name);
	if (!queue) throw notFound(`Queue '${name}' does not exist in folder '${context.folder.FullyQualifiedName}'.`);
	return queue;
}

function addItem(context: RouteContext): QueueItem {
	const body = jsonBody(context, '{ "itemData": { "Name": "<queue>", "SpecificContent": { ... } } }');
	const data = body.itemData;
	if (!data || typeof data !== 'object' || Array.isArray(data)) throw badRequest('itemData is required: { "itemData": { "Name": "<queue>", ... } }.');
	const itemData = data as Record<string, unknown>;
	if (typeof itemData.Name !== 'string' || itemData.Name === '') throw badRequest('itemData.Name (the queue name) is required.');
	return createItem(context, queueNamed(context, itemData.Name), itemData, 'itemData');
}

const COMMIT_TYPES = ['AllOrNothing', 'StopOnFirstFailure', 'ProcessAllIndependently'] as const;

/** `FailedQueueItemDto.ErrorCode` for what refused an item. */
function failureCode(error: OrchestratorError): string {
	if (error.errorCode === 1016) return 'DuplicateReference';
	return error.status === 400 ? 'InvalidArgument' : 'Unknown';
}

/**
 * BulkAddQueueItems: every item is checked as AddQueueItem checks it. AllOrNothing adds none when one fails,
 * StopOnFirstFailure keeps those before the first failure, ProcessAllIndependently keeps every valid one.
 */
function bulkAdd(context: RouteContext): { added: QueueItem[]; queue: QueueDefinition; failed: Record<string, unknown>[] } {
	const body = jsonBody(context, '{ "queueName": "<queue>", "commitType": "AllOrNothing", "queueItems": [ ... ] }');
	if (typeof body.queueName !== 'string' || body.queueName === '') throw badRequest('queueName is required.');
	const commitType = body.commitType;
	if (typeof commitType !== 'string' || !(COMMIT_TYPES as readonly string[]).includes(commitType)) {
		throw badRequest(`commitType must be one of ${COMMIT_TYPES.join(', ')}.`);
	}
	const queue = queueNamed(context, body.queueName);
	const items = body.queueItems ?? [];
	if (!Array.isArray(items)) throw badRequest('queueItems must be an array of queue items.');
	const added: QueueItem[] = [];
	const failed: Record<string, unknown>[] = [];
	for (const [ordinal, data] of items.entries()) {
		try {
			if (!data || typeof data !== 'object' || Array.isArray(data)) throw badRequest(`queueItems[${ordinal}] must be an object.`);
			added.push(createItem(context, queue, data as Record<string, unknown>, `queueItems[${ordinal}]`));
		} catch (error) {
			if (!(error instanceof OrchestratorError)) throw error;
			failed.push({ Ordinal: ordinal, ErrorCode: failureCode(error), ErrorMessage: error.message });
			if (commitType === 'StopOnFirstFailure') break;
		}
	}
	if (commitType === 'AllOrNothing' && failed.length > 0) {
		for (const item of added) context.store.queueItems.delete(item.Id);
		added.length = 0;
	}
	return { added, queue, failed };
}

/** Orchestrator deletes only items no robot has taken yet; a deleted item stays, with status Deleted. */
function deleteItem(context: RouteContext): void {
	const id = keyParam(context);
	const item = context.store.queueItems.get(id);
	if (!item || item.OrganizationUnitId !== context.folder.Id) throw notFound(`Queue item ${id} does not exist.`);
	if (item.Status !== 'New') {
		throw badRequest(`Queue item ${id} cannot be deleted: only items in status New can be deleted, and it is ${item.Status}.`, 1002);
	}
	item.Status = 'Deleted';
}

export const queueRoutes: Route[] = [
	listRoute('QueueDefinitions', queues),
	byIdRoute('QueueDefinitions', 'Queue', queues),
	listRoute('QueueItems', { ...items, rateLimited: true }),
	byIdRoute('QueueItems', 'Queue item', items),
	{
		method: 'POST',
		pattern: /^\/odata\/Queues\/UiPathODataSvc\.AddQueueItem$/,
		scopes: writeScopes('Queues'),
		folderScoped: true,
		handle(context) {
			const item = addItem(context);
			context.webhooks.emit(context.store, 'queueItem.added', context.folder, item.Key, queueItemEventContent(item));
			return ok(
				{ '@odata.context': `${context.serviceRoot}/odata/$metadata#QueueItems/$entity`, ...serializeFields(item, QUEUE_ITEM_FIELDS) },
				201,
			);
		},
	},
	{
		method: 'DELETE',
		pattern: /^\/odata\/QueueItems\((\d+)\)$/,
		scopes: writeScopes('Queues'),
		folderScoped: true,
		handle(context) {
			deleteItem(context);
			return noContent();
		},
	},
	{
		method: 'POST',
		pattern: /^\/odata\/Queues\/UiPathODataSvc\.BulkAddQueueItems$/,
		scopes: writeScopes('Queues'),
		folderScoped: true,
		handle(context) {
			const { added, queue, failed } = bulkAdd(context);
			// One event for the whole request, as UiPath's QueueItemAddedEventDto carries a QueueItems array.
			if (added.length > 0) context.webhooks.emit(context.store, 'queueItem.added', context.folder, queue.Key, queueItemsEventContent(queue, added));
			return ok({
				'@odata.context': `${context.serviceRoot}/odata/$metadata#UiPath.Server.Configuration.OData.BulkOperationResponseDtoOfFailedQueueItemDto`,
				Success: failed.length === 0,
				Message: failed.length === 0 ? null : `${failed.length} of ${(added.length + failed.length)} queue items were not added.`,
				FailedItems: failed,
			});
		},
	},
];
