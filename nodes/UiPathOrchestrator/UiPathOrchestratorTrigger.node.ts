import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, uiPathCredentials } from './descriptions/common';
import { searchFolders } from './methods/listSearch';
import { optionalFolderLocator, processNameFilter } from './triggers/descriptions';
import { receiveDelivery } from './triggers/webhook/delivery';
import { EVENT_OPTIONS } from './triggers/webhook/events';
import { createSubscription, deleteSubscription, subscriptionExists } from './triggers/webhook/subscription';

export class UiPathOrchestratorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Orchestrator Trigger',
		name: 'uiPathOrchestratorTrigger',
		icon: { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Orchestrator reports a job or queue item event (signed webhooks)',
		defaults: { name: 'UiPath Orchestrator Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: uiPathCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: ['job.completed', 'job.faulted', 'job.stopped'],
				description: 'The Orchestrator events that start the workflow',
			},
			optionalFolderLocator,
			{
				...processNameFilter,
				description:
					'Only jobs of this process (case-insensitive): its name or its package name (the event\'s Release.Name or Release.ProcessKey); leave empty for every process',
			},
			{
				displayName:
					'Orchestrator must reach this n8n instance over HTTPS. If it cannot, use the UiPath Orchestrator Polling Trigger instead.',
				name: 'reachabilityNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { listSearch: { searchFolders } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
