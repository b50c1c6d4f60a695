import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, uiPathCredentials } from './descriptions/common';
import { searchFolders, searchQueues } from './methods/listSearch';
import { pollingProperties } from './triggers/polling/descriptions';
import { jobFinishedStream } from './triggers/polling/jobs';
import { pollStreams } from './triggers/polling/poll';
import { queueItemStatusStreams } from './triggers/polling/queueItems';

export class UiPathOrchestratorPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Orchestrator Polling Trigger',
		name: 'uiPathOrchestratorPollingTrigger',
		icon: { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "jobFinished" ? "Job finished" : "Queue item status changed"}}',
		description: 'Starts the workflow when a UiPath job finishes or a queue item changes status, by asking Orchestrator on a schedule',
		defaults: { name: 'UiPath Orchestrator Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: uiPathCredentials,
		properties: [authenticationProperty, ...pollingProperties],
	};

	methods = { listSearch: { searchFolders, searchQueues } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'jobFinished') as string;
		const streams = event === 'queueItemStatusChanged' ? await queueItemStatusStreams(this) : [jobFinishedStream(this)];
		return await pollStreams(this, streams);
	}
}
