import { randomUUID } from 'crypto';
import { jsonBody, keyParam, type Route, type RouteContext } from '../context';
import { serializeFields, WEBHOOK_FIELDS } from '../entitySets';
import { badRequest, noContent, notFound, ok } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import type { Webhook } from '../store/types';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/events';
import { byIdRoute, listRoute } from './generic';

const KNOWN_EVENTS = new Set<string>(WEBHOOK_EVENT_TYPES.map((event) => event.Name));
const ACTION = 'UiPath\\.Server\\.Configuration\\.OData';

const all = {
	scopes: readScopes('Webhooks'),
	folderScoped: false,
	set: (context: RouteContext) => context.sets.webhooks,
	items: (context: RouteContext) => context.store.webhooks.values(),
};

function text(body: Record<string, unknown>, name: string, max: number, required: boolean): string | null {
	const value = body[name];
	if (value === undefined || value === null || value === '') {
		if (required) throw badRequest(`${name} is required.`);
		return null;
	}
	if (typeof value !== 'string') throw badRequest(`${name} must be a string.`);
	if (value.length > max) throw badRequest(`${name} is ${value.length} characters long; the maximum is ${max}.`);
	return value;
}

function flag(body: Record<string, unknown>, name: string, fallback: boolean): boolean {
	const value = body[name];
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'boolean') throw badRequest(`${name} must be true or false.`);
	return value;
}

/** Checks a WebhookDto body; `base` holds the current values for PATCH. */
function readWebhook(body: Record<string, unknown>, base?: Webhook): Omit<Webhook, 'Id' | 'Key'> {
	const merged = base ? { ...serializeFields(base, WEBHOOK_FIELDS), ...body } : body;
	const url = text(merged, 'Url', 2000, true) as string;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw badRequest(`Url '${url}' is not an absolute URL.`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest('Url must use http or https.');
	const subscribeToAll = flag(merged, 'SubscribeToAllEvents', false);
	const rawEvents = merged.Events ?? [];
	if (!Array.isArray(rawEvents)) throw badRequest('Events must be an array of { "EventType": "job.completed" } objects.');
	const events = rawEvents.map((event, index) => {
		const type = event && typeof event === 'object' ? (event as Record<string, unknown>).EventType : undefined;
		if (typeof type !== 'string' || !KNOWN_EVENTS.has(type)) {
			throw badRequest(`Events[${index}].EventType '${String(type)}' is not a known event type (see Webhooks/UiPath.Server.Configuration.OData.GetEventTypes).`);
		}
		return { EventType: type };
	});
	if (!subscribeToAll && events.length === 0) throw badRequest('Events must list at least one event type when SubscribeToAllEvents is false.');
	return {
		Name: text(merged, 'Name', 128, true) as string,
		Description: text(merged, 'Description', 256, false),
		Url: url,
		Enabled: flag(merged, 'Enabled', true),
		Secret: text(merged, 'Secret', 100, false),
		SubscribeToAllEvents: subscribeToAll,
		AllowInsecureSsl: flag(merged, 'AllowInsecureSsl', false),
		Events: subscribeToAll ? [] : events,
	};
}

function existing(context: RouteContext): Webhook {
	const webhook = context.store.webhooks.get(keyParam(context));
	if (!webhook) throw notFound(`Webhook ${keyParam(context)} does not exist.`);
	return webhook;
}

const entity = (context: RouteContext, webhook: Webhook) => ({
	'@odata.context': `${context.serviceRoot}/odata/$metadata#Webhooks/$entity`,
	...serializeFields(webhook, WEBHOOK_FIELDS),
});

const BODY = 'a WebhookDto: { "Name", "Url", "Enabled", "SubscribeToAllEvents", "Events": [{ "EventType" }], "Secret" }';

export const webhookRoutes: Route[] = [
	listRoute('Webhooks', all),
	byIdRoute('Webhooks', 'Webhook', all),
	{
		method: 'GET',
		pattern: new RegExp(`^/odata/Webhooks/${ACTION}\\.GetEventTypes$`),
		scopes: readScopes('Webhooks'),
		folderScoped: false,
		handle: (context) =>
			ok({
				'@odata.context': `${context.serviceRoot}/odata/$metadata#Collection(UiPath.Server.Configuration.OData.WebhookEventTypeDto)`,
				value: WEBHOOK_EVENT_TYPES.map((event) => ({ ...event })),
			}),
	},
	{
		method: 'POST',
		pattern: /^\/odata\/Webhooks$/,
		scopes: writeScopes('Webhooks'),
		folderScoped: false,
		handle(context) {
			const webhook: Webhook = { Id: context.store.nextId('webhook'), Key: randomUUID(), ...readWebhook(jsonBody(context, BODY)) };
			context.store.webhooks.set(webhook.Id, webhook);
			return ok(entity(context, webhook), 201);
		},
	},
	{
		method: 'PUT',
		pattern: /^\/odata\/Webhooks\((\d+)\)$/,
		scopes: writeScopes('Webhooks'),
		folderScoped: false,
		handle(context) {
			const webhook = existing(context);
			Object.assign(webhook, readWebhook(jsonBody(context, BODY)));
			return ok(entity(context, webhook));
		},
	},
	{
		method: 'PATCH',
		pattern: /^\/odata\/Webhooks\((\d+)\)$/,
		scopes: writeScopes('Webhooks'),
		folderScoped: false,
		handle(context) {
			const webhook = existing(context);
			Object.assign(webhook, readWebhook(jsonBody(context, BODY), webhook));
			return ok(entity(context, webhook));
		},
	},
	{
		method: 'DELETE',
		pattern: /^\/odata\/Webhooks\((\d+)\)$/,
		scopes: writeScopes('Webhooks'),
		folderScoped: false,
		handle(context) {
			context.store.webhooks.delete(existing(context).Id);
			return noContent();
		},
	},
	{
		method: 'POST',
		pattern: new RegExp(`^/odata/Webhooks\\((\\d+)\\)/${ACTION}\\.Ping$`),
		scopes: writeScopes('Webhooks'),
		folderScoped: false,
		handle(context) {
			return ok(context.webhooks.ping(context.store, existing(context)), 202);
		},
	},
];
