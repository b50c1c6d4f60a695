import { randomUUID } from 'node:crypto';

import type { INode, INodeParameters } from 'n8n-workflow';

import { encodeFolderPath, startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { FOLDERS, PROCESSES, QUEUE } from '../../../sandbox/fixtures';
import { CredentialStore, credentialsOf, PACKAGE_NAME, type WorkflowJson } from '../../harness';

export const TRIGGER = 'UiPath Trigger';
export const NEXT = 'Next';

export interface TriggerSandbox {
	sandbox: Sandbox;
	credentials: CredentialStore;
	/** A workflow where the trigger feeds a No Operation node. */
	workflow(type: 'uiPathOrchestratorTrigger' | 'uiPathOrchestratorPollingTrigger', parameters: INodeParameters): WorkflowJson;
	/** Orchestrator over HTTP as a robot operator would use it (the personal access token as bearer). */
	orchestrator<T>(method: string, path: string, body?: unknown, folder?: string): Promise<T>;
	startJobs(count: number, process?: string, inputArguments?: Record<string, unknown>, folder?: string): Promise<Array<{ Id: number; Key: string }>>;
	addQueueItem(content: Record<string, unknown>, reference?: string): Promise<{ Id: number; Key: string }>;
}

export async function triggerSandbox(options: SandboxOptions = {}): Promise<TriggerSandbox> {
	const sandbox = await startSandbox({ timeScale: 50, ...options });
	const { orchestratorUrl, organization, tenant, personalAccessToken } = sandbox.state.credentials;
	const credentials = new CredentialStore([
		{
			id: '1',
			name: 'UiPath sandbox',
			type: 'uiPathApi',
			data: { authType: 'personalAccessToken', identityPreset: 'automationCloud', baseUrl: sandbox.url, organization, tenant, personalAccessToken },
		},
	]);
	const orchestrator = async <T>(method: string, path: string, body?: unknown, folder: string = FOLDERS.shared): Promise<T> => {
		const response = await fetch(`${orchestratorUrl}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${personalAccessToken}`,
				'Content-Type': 'application/json',
				'X-UIPATH-FolderPath-Encoded': encodeFolderPath(folder),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	};
	return {
		sandbox,
		credentials,
		workflow(type, parameters) {
			const trigger: INode = {
				id: randomUUID(),
				name: TRIGGER,
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'uiPathApi', ...parameters },
				credentials: credentialsOf(credentials.get('1')),
				...(type === 'uiPathOrchestratorTrigger' ? { webhookId: randomUUID() } : {}),
			};
			const next: INode = { id: randomUUID(), name: NEXT, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} };
			return {
				id: `wf-${randomUUID().slice(0, 8)}`,
				name: 'Trigger test',
				nodes: [trigger, next],
				connections: { [TRIGGER]: { main: [[{ node: NEXT, type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			};
		},
		orchestrator,
		async startJobs(count, process = PROCESSES.quick, inputArguments, folder = FOLDERS.shared) {
			const answer = await orchestrator<{ value: Array<{ Id: number; Key: string }> }>(
				'POST',
				'/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs',
				{
					startInfo: {
						ReleaseName: process,
						Strategy: 'ModernJobsCount',
						JobsCount: count,
						...(inputArguments ? { InputArguments: JSON.stringify(inputArguments) } : {}),
					},
				},
				folder,
			);
			return answer.value;
		},
		async addQueueItem(content, reference) {
			return await orchestrator<{ Id: number; Key: string }>('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem', {
				itemData: { Name: QUEUE, SpecificContent: content, ...(reference ? { Reference: reference } : {}) },
			});
		},
	};
}

/** `{ __rl, mode, value }` as n8n saves a resource locator. */
export const folderPath = (path: string) => ({ __rl: true, mode: 'path', value: path });
