import { createHmac, randomBytes } from 'crypto';
import type { StartPlan } from '../jobs/startInfo';
import type { TenantStore } from '../store/tenantStore';
import type { Job, QueueDefinition, QueueItem, Webhook } from '../store/types';
import type { Task } from '../tasks/types';
import { webhookTaskCompleted, webhookTaskCreated } from '../tasks/serialize';
import type { WebhookEventType } from './events';
import { jobsCreatedContent, queueItemContent, queueItemsAddedContent, simpleJob } from './payloads';

/** One event the sandbox sent (or skipped) to a subscribed URL, kept in `sandbox.state.webhookDeliveries`. */
export interface WebhookDelivery {
	webhookId: number;
	url: string;
	type: WebhookEventType;
	eventId: string;
	/** The raw JSON body, exactly the bytes that were signed. */
	body: string;
	/** Ids of the jobs the event names (`Job`, or each of `Jobs`). */
	jobIds: number[];
	/** `X-UiPath-Signature`, absent when the subscription has no secret. */
	signature?: string;
	/** HTTP status of the receiver, or undefined when the POST failed (see `error`) or was skipped. */
	status?: number;
	error?: string;
	/** Not sent: the subscription's circuit breaker was open, and UiPath drops such events for good. */
	skipped?: true;
	at: string;
}

/** How long one failed delivery disables its subscription, in sandbox time (UiPath's docs, "About webhooks": one hour). */
export const BREAKER_OPEN_MS = 60 * 60 * 1000;

/** base64 of HMAC-SHA256 over the raw body, keyed with the subscription's secret (UTF-8), as UiPath documents. */
export function signWebhookBody(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

const subscribed = (webhook: Webhook, type: WebhookEventType) =>
	webhook.Enabled && (type === 'ping' || webhook.SubscribeToAllEvents || webhook.Events.some((event) => event.EventType === type));

function jobIdsOf(content: Record<string, unknown>): number[] {
	const jobs = [content.Job, ...(Array.isArray(content.Jobs) ? content.Jobs : [])];
	return jobs.flatMap((job) => (job && typeof job === 'object' && typeof (job as { Id?: unknown }).Id === 'number' ? [(job as { Id: number }).Id] : []));
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Delivers Orchestrator events to subscriptions in the shapes of UiPath's event DTOs: one POST each, never retried.
 * A failed POST (no answer, or a status outside 2xx) opens that subscription's circuit breaker for an hour of
 * sandbox time; events raised while it is open are skipped, as UiPath does.
 */
export class WebhookDispatcher {
	readonly deliveries: WebhookDelivery[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	/** Real time (ms since epoch) until which a subscription's breaker is open. */
	private readonly openUntil = new Map<number, number>();

	/** `timeScale()`: how many times faster than real time the sandbox's clock runs (the job runner's). */
	constructor(private readonly timeScale: () => number = () => 1) {}

	/** Whether the subscription's circuit breaker is open now. */
	isBreakerOpen(webhookId: number): boolean {
		return (this.openUntil.get(webhookId) ?? 0) > Date.now();
	}

	/** job.started, job.completed, job.faulted: one `Job`. */
	jobEvent(store: TenantStore, type: 'job.started' | 'job.completed' | 'job.faulted', job: Job): void {
		this.emit(store, type, job.OrganizationUnitId, job.Key, { Job: simpleJob(store, job) });
	}

	/** job.stopped: every job one stop request stopped, in one `Jobs` array (one folder, as StopJobs is folder-scoped). */
	jobsStopped(store: TenantStore, jobs: Job[]): void {
		if (jobs.length === 0) return;
		this.emit(store, 'job.stopped', jobs[0].OrganizationUnitId, undefined, { Jobs: jobs.map((job) => simpleJob(store, job)) });
	}

	/** job.created: the start request and the jobs it created. */
	jobsCreated(store: TenantStore, plan: StartPlan, jobs: Job[]): void {
		if (jobs.length === 0) return;
		this.emit(store, 'job.created', jobs[0].OrganizationUnitId, undefined, jobsCreatedContent(store, plan, jobs));
	}

	/** queueItem.added: one event for every item one request added to `queue` (AddQueueItem: one; BulkAddQueueItems: many). */
	queueItemsAdded(store: TenantStore, queue: QueueDefinition, items: QueueItem[]): Record<string, unknown>[] {
		if (items.length === 0) return [];
		return this.emit(store, 'queueItem.added', queue.OrganizationUnitId, undefined, queueItemsAddedContent(queue, items));
	}

	/** queueItem.transactionStarted / Completed / Failed / Abandoned: one `QueueItem` with its `Queue`. */
	queueItemEvent(store: TenantStore, type: Extract<WebhookEventType, `queueItem.transaction${string}`>, item: QueueItem): void {
		const queue = store.queues.get(item.QueueDefinitionId);
		if (!queue) throw new Error(`queue ${item.QueueDefinitionId} of item ${item.Id} does not exist`);
		this.emit(store, type, item.OrganizationUnitId, item.Key, queueItemContent(queue, item));
	}

	/** task.created / task.completed: one task in a `Tasks` array, with the person (or app) who acted. */
	taskEvent(store: TenantStore, type: 'task.created' | 'task.completed', task: Task, userId: number): void {
		const entity = type === 'task.created' ? webhookTaskCreated(task) : webhookTaskCompleted(task);
		this.emit(store, type, task.OrganizationUnitId, task.Key, { Tasks: [entity], UserId: userId });
	}

	/** ping, to one subscription (the Ping action), whatever its events. */
	ping(store: TenantStore, webhook: Webhook): Record<string, unknown> {
		return this.emit(store, 'ping', undefined, webhook.Key, {}, webhook)[0];
	}

	/** Sends one event to every matching subscription (or to `only`) and returns the payloads. */
	private emit(
		store: TenantStore,
		type: WebhookEventType,
		folderId: number | undefined,
		entityKey: string | undefined,
		content: Record<string, unknown>,
		only?: Webhook,
	): Record<string, unknown>[] {
		const folder = folderId === undefined ? undefined : store.folders.get(folderId);
		const targets = only ? [only] : [...store.webhooks.values()].filter((webhook) => subscribed(webhook, type));
		return targets.map((webhook) => {
			const eventId = randomBytes(16).toString('hex');
			const now = new Date().toISOString();
			// Common properties first, as in UiPath's event DTOs; then the event's own entities.
			const payload = {
				Type: type,
				EventId: eventId,
				...(entityKey === undefined ? {} : { EntityKey: entityKey }),
				Timestamp: now,
				...content,
				EventTime: now,
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
				jobIds: jobIdsOf(content),
				signature: webhook.Secret ? signWebhookBody(webhook.Secret, body) : undefined,
				at: now,
			};
			this.deliveries.push(delivery);
			if (this.isBreakerOpen(webhook.Id)) {
				delivery.skipped = true;
				return payload;
			}
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
		if (!isSuccess(delivery.status)) this.openUntil.set(delivery.webhookId, Date.now() + BREAKER_OPEN_MS / this.timeScale());
	}

	/** How many deliveries (sent or skipped) named each job, for events of `types` (default: every type). */
	deliveriesPerJob(types?: WebhookEventType[]): Map<number, number> {
		const counts = new Map<number, number>();
		for (const delivery of this.deliveries) {
			if (types && !types.includes(delivery.type)) continue;
			for (const id of delivery.jobIds) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		return counts;
	}

	/** Resolves when every delivery started so far has been answered or has failed. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}
}
