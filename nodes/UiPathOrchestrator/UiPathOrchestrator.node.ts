import type {
	IExecuteFunctions,
	IHookFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as asset from './actions/asset/Asset.resource';
import * as bucketFile from './actions/bucketFile/BucketFile.resource';
import { authenticationProperty, uiPathCredentials } from './descriptions/common';
import * as folder from './actions/folder/Folder.resource';
import * as job from './actions/job/Job.resource';
import { jobKind, RELAY_HTTP_METHOD, releaseJobs, waitsReleased } from './actions/job/releasedJobs';
import * as queueItem from './actions/queueItem/QueueItem.resource';
import * as release from './actions/release/Release.resource';
import { createRelay, deleteRelay, forgetResumed, onRelayCall, onRestartCall, removeRelays, resumedWait } from './actions/releaseWait';
import { router } from './actions/router';
import * as robot from './actions/robot/Robot.resource';
import * as storageBucket from './actions/storageBucket/StorageBucket.resource';
import * as task from './actions/task/Task.resource';
import { releaseTasks, TASK_WAIT_CONDITION, taskKind, tasksWaitReleased } from './actions/task/releasedTasks';
import type { UiPathCredentialType } from './helpers/interfaces';
import { credentialTypeOf } from './helpers/parameters';
import { listSearch, loadOptions, resourceMapping } from './methods';

/** The entities a released wait can wait for. */
const waitKinds = { [jobKind.name]: jobKind, [taskKind.name]: taskKind };

/** What this node's released wait waits for: jobs (Job Start or Wait), tasks (Task Create), or nothing. */
function releasedKind(read: (name: string, fallback: unknown) => unknown, node: INode) {
	if (waitsReleased(read, node)) return jobKind;
	return tasksWaitReleased(read, node) ? taskKind : undefined;
}

const relayKindOf = (context: IHookFunctions) => releasedKind((name, fallback) => context.getNodeParameter(name, fallback), context.getNode());

/**
 * The relay webhook exists for a node whose wait releases: the jobs' condition, or Task Create with Wait for
 * Completion (`T || J ? "POST" : ""` reads `(T || J) ? ...`, since the conditional operator binds last).
 */
const RELAY_METHOD = `={{ ${TASK_WAIT_CONDITION} || ${RELAY_HTTP_METHOD.slice('={{ '.length)}`;

/** Only a node whose wait releases the execution subscribes the relay when its workflow is activated. */
const needsRelay = (context: IHookFunctions) => relayKindOf(context) !== undefined;

export class UiPathOrchestrator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Orchestrator',
		name: 'uiPathOrchestrator',
		icon: { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Start UiPath robots, wait for their output, and work with jobs, processes, queues, storage buckets, folders and Action Center tasks',
		defaults: { name: 'UiPath Orchestrator' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: uiPathCredentials,
		webhooks: [
			// The resume URL of a waiting execution ($execution.resumeUrl), called by UiPath or by the relay.
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '', restartWebhook: true, ndvHideUrl: true, ndvHideMethod: true },
			// While the workflow is active: the one URL UiPath delivers end events (jobs, tasks) to, passed on to the waits.
			{ name: 'setup', httpMethod: RELAY_METHOD, responseMode: 'onReceived', path: 'uipath-job-events', ndvHideUrl: true, ndvHideMethod: true },
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Asset', value: 'asset' },
					{ name: 'Bucket File', value: 'bucketFile' },
					{ name: 'Folder', value: 'folder' },
					{ name: 'Job', value: 'job' },
					{ name: 'Process', value: 'release' },
					{ name: 'Queue Item', value: 'queueItem' },
					{ name: 'Robot', value: 'robot' },
					{ name: 'Storage Bucket', value: 'storageBucket' },
					{ name: 'Task (Action Center)', value: 'task' },
				],
				default: 'job',
			},
			...account.description,
			...asset.description,
			...folder.description,
			...release.description,
			...job.description,
			...queueItem.description,
			...robot.description,
			...storageBucket.description,
			...bucketFile.description,
			...task.description,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	webhookMethods = {
		setup: {
			// Never kept: activation (also each n8n start) makes the relay anew, then recovers the events lost meanwhile.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return needsRelay(this) ? await removeRelays(this, credentialTypeOf(this)) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const kind = relayKindOf(this) ?? jobKind;
				return await createRelay(this, credentialTypeOf(this), { [kind.name]: kind });
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteRelay(this, credentialTypeOf(this));
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return this.getWebhookName() === 'setup' ? await onRelayCall(this, waitKinds) : await onRestartCall(this, waitKinds);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output = await router.call(this);
		const kind = releasedKind((name, fallback) => this.getNodeParameter(name, 0, fallback), this.getNode());
		if (!kind) return output;
		if (resumedWait(this)) {
			forgetResumed(this);
			return output;
		}
		const credentialType = this.getNodeParameter('authentication', 0) as UiPathCredentialType;
		const release = kind === taskKind ? releaseTasks : releaseJobs;
		return await release(this, credentialType, output, async () => await router.call(this));
	}
}
