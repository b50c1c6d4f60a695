/** The event types the sandbox delivers, with the group UiPath lists them under (`Webhooks/...GetEventTypes`). */
export const WEBHOOK_EVENT_TYPES = [
	{ Name: 'job.created', Group: 'Jobs' },
	{ Name: 'job.started', Group: 'Jobs' },
	{ Name: 'job.completed', Group: 'Jobs' },
	{ Name: 'job.faulted', Group: 'Jobs' },
	{ Name: 'job.stopped', Group: 'Jobs' },
	{ Name: 'queueItem.added', Group: 'QueueItems' },
	{ Name: 'queueItem.transactionStarted', Group: 'QueueItems' },
	{ Name: 'queueItem.transactionCompleted', Group: 'QueueItems' },
	{ Name: 'queueItem.transactionFailed', Group: 'QueueItems' },
	{ Name: 'queueItem.transactionAbandoned', Group: 'QueueItems' },
	{ Name: 'task.created', Group: 'Tasks' },
	{ Name: 'task.completed', Group: 'Tasks' },
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]['Name'] | 'ping';
