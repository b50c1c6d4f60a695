import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as asset from './actions/asset/Asset.resource';
import * as bucketFile from './actions/bucketFile/BucketFile.resource';
import { authenticationProperty, uiPathCredentials } from './descriptions/common';
import * as folder from './actions/folder/Folder.resource';
import * as job from './actions/job/Job.resource';
import * as queueItem from './actions/queueItem/QueueItem.resource';
import * as release from './actions/release/Release.resource';
import { router } from './actions/router';
import * as robot from './actions/robot/Robot.resource';
import * as storageBucket from './actions/storageBucket/StorageBucket.resource';
import * as task from './actions/task/Task.resource';
import { listSearch, resourceMapping } from './methods';

export class UiPathOrchestrator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Orchestrator',
		name: 'uiPathOrchestrator',
		icon: { light: 'file:uipath.svg', dark: 'file:uipath.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Start UiPath robots, wait for their output, and work with jobs, processes, queues, storage buckets, folders and Action Center tasks',
		defaults: { name: 'UiPath Orchestrator' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: uiPathCredentials,
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

	methods = { listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
