import type { TenantStore } from './store/tenantStore';
import type { QueueItem } from './store/types';
import type { WebhookDispatcher } from './webhooks/dispatcher';

/** What a robot reports for a queue item it processed; `sandbox.state.processQueueItem` plays the robot. */
export interface TransactionResult {
	status: 'Successful' | 'Failed';
	output?: Record<string, unknown>;
	/** Failure reason, for `Failed`. */
	reason?: string;
	exceptionType?: 'ApplicationException' | 'BusinessException';
}

/** New → InProgress → Successful/Failed, with the webhook events UiPath sends for each step. */
export function processQueueItem(store: TenantStore, webhooks: WebhookDispatcher, item: QueueItem, result: TransactionResult): void {
	if (item.Status !== 'New') throw new Error(`queue item ${item.Id} is ${item.Status}, not New`);
	const robot = store.robotsIn(item.OrganizationUnitId)[0];
	item.Status = 'InProgress';
	item.StartProcessing = new Date().toISOString();
	item.RobotId = robot?.Id ?? null;
	webhooks.queueItemEvent(store, 'queueItem.transactionStarted', item);
	item.Status = result.status;
	item.EndProcessing = new Date().toISOString();
	if (result.status === 'Successful') {
		item.Output = result.output ?? {};
		item.OutputData = JSON.stringify({ DynamicProperties: item.Output });
		webhooks.queueItemEvent(store, 'queueItem.transactionCompleted', item);
		return;
	}
	const type = result.exceptionType ?? 'BusinessException';
	item.ProcessingExceptionType = type;
	item.ProcessingException = { Reason: result.reason ?? 'Processing failed', Details: result.reason ?? '', Type: type };
	webhooks.queueItemEvent(store, 'queueItem.transactionFailed', item);
}
