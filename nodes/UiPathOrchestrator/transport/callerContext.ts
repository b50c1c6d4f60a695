import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context the node and its triggers call UiPath from. */
export type UiPathContext = IExecuteFunctions | IPollFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/** The execution's cancel signal where n8n offers one, so waits and retries stop when the run is cancelled. */
export function cancelSignalOf(context: UiPathContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}
