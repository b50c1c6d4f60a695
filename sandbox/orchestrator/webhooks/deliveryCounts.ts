import type { WebhookDelivery } from './dispatcher';

/** How many events about one job went out to subscriptions, by outcome (the dispatcher's `deliveriesPerJob` counts them all together). */
export interface JobDeliveries {
	/** POSTs made (answered or failed), whatever the event type, to every subscription. */
	sent: number;
	/** POSTs that failed or were answered outside 2xx: each opened its subscription's breaker. */
	failed: number;
	/** Events not sent because the subscription's breaker was open: lost for good, as at UiPath. */
	skipped: number;
	/** Sent POSTs per event type (job.created, job.started, job.completed, ...). */
	byType: Record<string, number>;
}

/** Deliveries per job id; a delivery still in flight counts as sent. */
export function deliveriesPerJob(deliveries: readonly WebhookDelivery[]): Map<number, JobDeliveries> {
	const perJob = new Map<number, JobDeliveries>();
	for (const delivery of deliveries) {
		for (const id of delivery.jobIds) {
			const counts = perJob.get(id) ?? { sent: 0, failed: 0, skipped: 0, byType: {} };
			perJob.set(id, counts);
			if (delivery.skipped) {
				counts.skipped++;
				continue;
			}
			counts.sent++;
			counts.byType[delivery.type] = (counts.byType[delivery.type] ?? 0) + 1;
			const answered = delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300;
			if (delivery.error !== undefined || (delivery.status !== undefined && !answered)) counts.failed++;
		}
	}
	return perJob;
}
