import { jsonBody, type Route, type RouteContext } from '../context';
import { QUEUE_ITEM_FIELDS, serializeFields } from '../entitySets';
import { badRequest, notFound, ok, OrchestratorError } from '../reply';
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

function optionalDate(data: Record<string, unknown>, name: string): string | null {
	const value = data[name];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
		throw badRequest(`itemData.${name} must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z.`);
	}
	return new Date(value).toISOString();
}

function addItem(context: RouteContext): QueueItem {
	const body = jsonBody(context, '{ "itemData": { "Name": "<queue>", "SpecificContent": { ... } } }');
	const data = body.itemData;
	if (!data || typeof data !== 'object' || Array.isArray(data)) throw badRequest('itemData is required: { "itemData": { "Name": "<queue>", ... } }.');
	const itemData = data as Record<string, unknown>;
	if (typeof itemData.Name !== 'string' || itemData.Name === '') throw badRequest('itemData.Name (the queue name) is required.');
	const queue = context.store.queueByName(context.folder.Id, itemData.Name);
	if (!queue) throw notFound(`Queue '${itemData.Name}' does not exist in folder '${context.folder.FullyQualifiedName}'.`);
	const priority = itemData.Priority ?? 'Normal';
	if (typeof priority !== 'string' || !(PRIORITIES as readonly string[]).includes(priority)) {
		throw badRequest(`itemData.Priority must be one of ${PRIORITIES.join(', ')}.`);
	}
	const content = itemData.SpecificContent ?? null;
	if (content !== null && (typeof content !== 'object' || Array.isArray(content))) {
		throw badRequest('itemData.SpecificContent must be a JSON object of field names and values.');
	}
	const reference = itemData.Reference ?? null;
	if (reference !== null && typeof reference !== 'string') throw badRequest('itemData.Reference must be a string.');
	if (reference !== null && reference.length > MAX_REFERENCE_LENGTH) {
		throw badRequest(`itemData.Reference is ${reference.length} characters long; the maximum is ${MAX_REFERENCE_LENGTH}.`);
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
		DeferDate: optionalDate(itemData, 'DeferDate'),
		DueDate: optionalDate(itemData, 'DueDate'),
		RiskSlaDate: optionalDate(itemData, 'RiskSlaDate'),
		Progress: typeof itemData.Progress === 'string' ? itemData.Progress : null,
		CreationTime: new Date().toISOString(),
	});
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
			context.webhooks.queueItemsAdded(context.store, context.store.queues.get(item.QueueDefinitionId) as QueueDefinition, [item]);
			return ok(
				{ '@odata.context': `${context.serviceRoot}/odata/$metadata#QueueItems/$entity`, ...serializeFields(item, QUEUE_ITEM_FIELDS) },
				201,
			);
		},
	},
];
