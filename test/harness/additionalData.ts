import { ExternalSecretsProxy, type ExecutionLifecycleHooks } from 'n8n-core';
import { UserError, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';

/** n8n's default instance URL; nodes only read these to build links (webhooks, forms). */
const DEFAULT_INSTANCE_URL = 'http://localhost:5678';

export interface AdditionalDataOptions {
	credentialsHelper: HarnessCredentialsHelper;
	/** Only executions have lifecycle hooks; hook, poll and webhook contexts run outside one. */
	hooks?: ExecutionLifecycleHooks;
	workflowId?: string;
	executionId?: string;
	/** Where webhook addresses point; the webhook runner uses its own listener. */
	webhookBaseUrl?: string;
	webhookTestBaseUrl?: string;
	webhookWaitingBaseUrl?: string;
}

/** What n8n-core reads from the server around an execution or a trigger context, as a harness without a server provides it. */
export function harnessAdditionalData(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const base = options.webhookBaseUrl ?? options.webhookWaitingBaseUrl;
	const instanceUrl = base ? new URL(base).origin : DEFAULT_INSTANCE_URL;
	return {
		credentialsHelper: options.credentialsHelper,
		...(options.hooks ? { hooks: options.hooks } : {}),
		...(options.workflowId ? { workflowId: options.workflowId } : {}),
		...(options.executionId ? { executionId: options.executionId } : {}),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${instanceUrl}/rest`,
		instanceBaseUrl: `${instanceUrl}/`,
		formBaseUrl: `${instanceUrl}/form`,
		formWaitingBaseUrl: `${instanceUrl}/form-waiting`,
		formTestBaseUrl: `${instanceUrl}/form-test`,
		webhookBaseUrl: options.webhookBaseUrl ?? `${instanceUrl}/webhook`,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl ?? `${instanceUrl}/webhook-waiting`,
		webhookTestBaseUrl: options.webhookTestBaseUrl ?? `${instanceUrl}/webhook-test`,
		mcpBaseUrl: `${instanceUrl}/mcp`,
		mcpTestBaseUrl: `${instanceUrl}/mcp-test`,
		// No secrets manager behind it: `$secrets` expressions find no provider, as on an n8n without one.
		externalSecretsProxy: new ExternalSecretsProxy(),
		setExecutionStatus: () => undefined,
		logAiEvent: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new UserError('Sub-workflows are not supported by the workflow harness');
		},
		// The Code node runs in n8n's task runners, which only the n8n server starts.
		startRunnerTask: async () => {
			throw new UserError('Task runners (Code node) are not available in the workflow harness');
		},
	};
}
