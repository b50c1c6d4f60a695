import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { START_STRATEGIES, type StartStrategy } from '../../helpers/constants';
import type { FolderRef, StartInfo, UiPathCredentialType } from '../../helpers/interfaces';
import { toJob } from '../../helpers/outputItems';
import { startReference } from '../../helpers/reference';
import {
	itemParameter,
	locatorParts,
	parameterError,
	readFolder,
	readPositiveInteger,
	readReference,
	readRelease,
} from '../../helpers/parameters';
import { startJobsExactlyOnce, withLargeInputAsFile, type ErrorHints } from '../../transport';
import { concurrencyOption, folderLocator, priorityOptions, releaseLocator, waitModeOptions, waitOptions } from '../../descriptions/common';
import { inputArgumentProperties, readInputArguments } from './inputArguments';
import { resumedJobs } from './releasedJobs';
import { readStartOptions, startOptionProperties } from './startOptions';
import { finishedJobs, readWaitOptions } from './waiting';

const COUNTED_STRATEGIES: StartStrategy[] = ['ModernJobsCount', 'JobsCount', 'RobotCount'];

const properties: INodeProperties[] = [
	folderLocator,
	releaseLocator,
	{
		displayName: 'Strategy',
		name: 'strategy',
		type: 'options',
		default: 'ModernJobsCount',
		description: 'How Orchestrator picks the robots that run the process',
		options: [
			{
				name: 'All Robots',
				value: 'All',
				description: 'One job on every robot of the folder (classic folders)',
			},
			{
				name: 'Jobs Count (Classic)',
				value: 'JobsCount',
				description: 'A number of jobs (classic folders)',
			},
			{
				name: 'Jobs Count (Modern Folders)',
				value: 'ModernJobsCount',
				description: 'A number of jobs, each on any available robot',
			},
			{
				name: 'Robot Count (Deprecated)',
				value: 'RobotCount',
				description: 'A number of robots (classic folders)',
			},
			{
				name: 'Specific Robots',
				value: 'Specific',
				description: 'One job on each robot named in Robot IDs',
			},
		],
	},
	{
		displayName: 'Jobs Count',
		name: 'jobsCount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many jobs to start',
		displayOptions: { show: { strategy: COUNTED_STRATEGIES } },
	},
	{
		displayName: 'Robot IDs',
		name: 'robotIds',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The robot to run the job on, from the folder\'s robots, or the IDs of one or more robots separated by commas',
		displayOptions: { show: { strategy: ['Specific'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRobots', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12 or 12, 15',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+(\\s*,\\s*\\d+)*\\s*$', errorMessage: 'Robot IDs are whole numbers separated by commas' },
					},
				],
			},
		],
	},
	...inputArgumentProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			concurrencyOption,
			{
				displayName: 'Job Priority',
				name: 'jobPriority',
				type: 'options',
				default: 'Normal',
				options: priorityOptions,
				description: 'Execution priority; without it the process\'s own priority applies',
			},
			...waitOptions,
			...waitModeOptions,
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your reference for the job (at most 128 characters). Without one the node derives one per item from the execution, to find the job again if the answer to the start is lost or a worker died after starting it.',
			},
			{
				displayName: 'Runtime Type',
				name: 'runtimeType',
				type: 'options',
				default: 'Unattended',
				options: [
					{ name: 'Development', value: 'Development' },
					{ name: 'Headless', value: 'Headless' },
					{ name: 'Non-Production', value: 'NonProduction' },
					{ name: 'Serverless (Cloud Robots)', value: 'Serverless' },
					{ name: 'Unattended', value: 'Unattended' },
				],
				description: 'The kind of robot license the job runs on',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description: 'Whether to wait until the job finishes and output the finished job with its output arguments',
			},
			...startOptionProperties,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['start'] } }, properties);

/** What a refused start means in UiPath's terms, and what to change in Orchestrator. */
export const hints: ErrorHints = {
	409: {
		message: 'UiPath could not start the job (409 Conflict)',
		description: (request) =>
			`No robot or user with unattended rights is available in ${request.folderDescription ?? 'the folder'} for this process. In Orchestrator, give a user an unattended robot in that folder (or pick a strategy and robots that exist there), then try again.`,
	},
};

/** A robot from the list, or IDs by comma; workflows saved before the picker hold the comma-separated text itself. */
function readRobotIds(context: IExecuteFunctions, itemIndex: number): number[] {
	const parameter = { label: 'Robot IDs', name: 'robotIds' };
	// Absent unless the strategy is Specific (or an expression): n8n drops hidden parameters.
	const { value } = locatorParts(itemParameter(context, parameter.name, itemIndex, ''));
	const ids = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
	return ids.map((id) => {
		if (!/^\d+$/.test(id) || !Number.isSafeInteger(Number(id))) {
			throw parameterError(context, itemIndex, parameter, `holds "${id}", which is not a robot ID (a whole number)`);
		}
		return Number(id);
	});
}

async function readStartInfo(
	context: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	options: IDataObject,
	reference: string,
): Promise<StartInfo> {
	const release = readRelease(context, itemIndex);
	const strategy = itemParameter(context, 'strategy', itemIndex, 'ModernJobsCount') as StartStrategy;
	if (!START_STRATEGIES.includes(strategy)) {
		throw parameterError(context, itemIndex, { label: 'Strategy', name: 'strategy' }, `"${String(strategy)}" is not one of ${START_STRATEGIES.join(', ')}`);
	}
	const robotIds = readRobotIds(context, itemIndex);
	const robotIdsParameter = { label: 'Robot IDs', name: 'robotIds' };
	if (strategy === 'Specific' && robotIds.length === 0) {
		throw parameterError(context, itemIndex, robotIdsParameter, 'is required with the Specific Robots strategy');
	}
	if (strategy !== 'Specific' && robotIds.length > 0) {
		throw parameterError(
			context,
			itemIndex,
			robotIdsParameter,
			`is only allowed with the Specific Robots strategy, not ${strategy}`,
			'Clear Robot IDs, or choose the Specific Robots strategy.',
		);
	}
	const jobsCount = COUNTED_STRATEGIES.includes(strategy)
		? readPositiveInteger(context, itemIndex, { label: 'Jobs Count', name: 'jobsCount' }, itemParameter(context, 'jobsCount', itemIndex, 1))
		: undefined;

	// Checked before the input arguments, which may read the process: a bad option costs no request.
	const startOptions = readStartOptions(context, itemIndex, options);
	const inputArguments = await readInputArguments(context, itemIndex, credentialType, folder, release);
	return {
		...(release.key ? { ReleaseKey: release.key } : { ReleaseName: release.name }),
		Strategy: strategy,
		...(strategy === 'RobotCount' ? { NoOfRobots: jobsCount } : jobsCount !== undefined ? { JobsCount: jobsCount } : {}),
		...(strategy === 'Specific' ? { RobotIds: robotIds } : {}),
		InputArguments: inputArguments,
		Reference: reference,
		...(options.jobPriority ? { JobPriority: options.jobPriority as StartInfo['JobPriority'] } : {}),
		...(options.runtimeType ? { RuntimeType: String(options.runtimeType) } : {}),
		...startOptions,
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const resumed = await resumedJobs(this, itemIndex, credentialType);
	if (resumed) return resumed;
	const folder = readFolder(this, itemIndex);
	const options = itemParameter(this, 'options', itemIndex, {}) as IDataObject;
	// A reference per item lets an ambiguous start, or a re-run of the execution, find the job instead of starting it twice.
	const reference = startReference(this, itemIndex, readReference(this, itemIndex, options));
	const startInfo = await readStartInfo(this, itemIndex, credentialType, folder, options, reference.reference);
	const wait = options.waitForCompletion === true ? readWaitOptions(this, itemIndex, options) : undefined;

	const started = await startJobsExactlyOnce(this, credentialType, folder, await withLargeInputAsFile(this, credentialType, folder, startInfo), {
		hints,
		lookUpFirst: reference.mayBeRerun,
	});
	if (!wait || wait.release) return started.map(toJob);
	return await finishedJobs(this, credentialType, folder, started, wait, itemIndex);
}
