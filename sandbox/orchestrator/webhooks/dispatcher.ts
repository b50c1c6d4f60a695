import { createHmac, randomBytes } from 'crypto';
import type { TenantStore } from '../store/tenantStore';
import type { Folder, Webhook } from '../store/types';
import type { WebhookEventType } from './events';

/** One POST the sandbox made to a subscribed URL, kept in `sandbox.state.webhookDeliveries`. */
export interface WebhookDelivery {
	webhookId: number;
	url: string;
	type: WebhookEventType;
	eventId: string;
	/** The raw JSON body, exactly the bytes that were signed. */
	body: string;
	/** `X-UiPath-Signature`, absent when the subscription has no secret. */
	signature?: string;
	/** HTTP status of the receiver, or undefined when the POST failed (see `error`). */
	status?: number;
	error?: string;
	at: string;
}

/** base64 of HMAC-SHA256 over the raw body, keyed with the subscription's secret (UTF-8), as UiPath documents. */
export function signWebhookBody(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

const subscribed = (webhook: Webhook, type: WebhookEventType) =>
	webhook.Enabled && (type === 'ping' || webhook.SubscribeToAllEvents || webhook.Events.some((event) => event.EventType === type));

/** Delivers Orchestrator events to subscriptions: one POST each, no retry (UiPath does not retry either). */
export class WebhookDispatcher {
	readonly deliveries: WebhookDelivery[] = [];
	private readonly inFlight = new Set<Promise<void>>();

	/**
	 * Sends one event to every matching subscription (or to `only`) and returns the payloads.
	 * `content` holds the event's own properties, e.g. `{ Job: {...} }` or `{ QueueItem: {...} }`.
	 */
	emit(
		store: TenantStore,
		type: WebhookEventType,
		folder: Folder | undefined,
		entityKey: string,
		content: Record<string, unknown>,
		only?: Webhook,
	): Record<string, unknown>[] {
		const targets = only ? [only] : [...store.webhooks.values()].filter((webhook) => subscribed(webhook, type));
		return targets.map((webhook) => {
			const eventId = randomBytes(16).toString('hex');
			const now = new Date().toISOString();
			// Common properties first, as in UiPath's PingEventDto; then the event's own entity.
			const payload = {
				Type: type,
				EventId: eventId,
				EntityKey: entityKey,
				Timestamp: now,
				EventTime: now,
				...content,
				TenantId: store.tenantId,
				OrganizationUnitId: folder?.Id ?? null,
				OrganizationUnitKey: folder?.Key ?? null,
			};
			const body = JSON.stringify(payload);
			const delivery: WebhookDelivery = {
				webhookId: webhook.Id,
				url: webhook.Url,
				type,
				eventId,
				body,
				signature: webhook.Secret ? signWebhookBody(webhook.Secret, body) : undefined,
				at: now,
			};
			this.deliveries.push(delivery);
			const sending = this.send(delivery).finally(() => this.inFlight.delete(sending));
			this.inFlight.add(sending);
			return payload;
		});
	}

	private async send(delivery: WebhookDelivery): Promise<void> {
		const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
		if (delivery.signature) headers['X-UiPath-Signature'] = delivery.signature;
		try {
			const response = await fetch(delivery.url, {
				method: 'POST',
				headers,
				body: delivery.body,
				signal: AbortSignal.timeout(10_000),
			});
			delivery.status = response.status;
			await response.arrayBuffer();
		} catch (error) {
			delivery.error = error instanceof Error ? error.message : String(error);
		}
	}

	/** Resolves when every delivery started so far has been answered or has failed. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}
}
