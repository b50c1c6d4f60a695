import type { INodePropertyOptions } from 'n8n-workflow';

/** Orchestrator's webhook event types the trigger subscribes to (`Webhooks/...GetEventTypes` names). */
export const TRIGGER_EVENTS = [
	'job.completed',
	'job.faulted',
	'job.stopped',
	'job.started',
	'queueItem.added',
	'queueItem.transactionCompleted',
	'queueItem.transactionFailed',
	'task.created',
	'task.completed',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Job Completed', value: 'job.completed', description: 'A job finished Successful' },
	{ name: 'Job Faulted', value: 'job.faulted', description: 'A job finished Faulted' },
	{ name: 'Job Started', value: 'job.started', description: 'A robot started running a job' },
	{ name: 'Job Stopped', value: 'job.stopped', description: 'A job was stopped or killed' },
	{ name: 'Queue Item Added', value: 'queueItem.added', description: 'An item was added to a queue' },
	{
		name: 'Queue Item Transaction Completed',
		value: 'queueItem.transactionCompleted',
		description: 'A robot finished processing a queue item successfully',
	},
	{
		name: 'Queue Item Transaction Failed',
		value: 'queueItem.transactionFailed',
		description: 'A robot failed to process a queue item',
	},
	{ name: 'Task Completed', value: 'task.completed', description: 'A person (or a system) completed an Action Center task' },
	{ name: 'Task Created', value: 'task.created', description: 'An Action Center task was created' },
];

export function isTriggerEvent(value: unknown): value is TriggerEvent {
	return typeof value === 'string' && (TRIGGER_EVENTS as readonly string[]).includes(value);
}

export const isJobEvent = (event: TriggerEvent) => event.startsWith('job.');

export type EventEntity = 'Job' | 'QueueItem' | 'Task';

/**
 * Where an event carries its jobs, queue items or tasks (UiPath's event DTOs): `Job` (job.started/completed/faulted),
 * `Jobs` (job.stopped: every job one request stopped), `QueueItems` (queueItem.added), `QueueItem` (transactions) or
 * `Tasks` (task.created/completed). The trigger emits one item per entity under the singular name, so `$json.Job`,
 * `$json.QueueItem` and `$json.Task` always work.
 */
export const entityNameOf = (event: TriggerEvent): EventEntity => (isJobEvent(event) ? 'Job' : event.startsWith('task.') ? 'Task' : 'QueueItem');
