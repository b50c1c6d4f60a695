import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readFolder, readJobId } from '../../helpers/parameters';
import { toJob } from '../../helpers/outputItems';
import { getJob } from '../../transport';
import { concurrencyOption, folderLocator, jobIdField, waitModeOptions, waitOptions } from '../../descriptions/common';
import { resumedJobs } from './releasedJobs';
import { readWaitOptions, finishedJobs } from './waiting';

const properties: INodeProperties[] = [
	folderLocator,
	jobIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyOption, ...waitOptions, ...waitModeOptions],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['wait'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const resumed = await resumedJobs(this, itemIndex, credentialType);
	if (resumed) return resumed;
	const folder = readFolder(this, itemIndex);
	const jobId = readJobId(this, itemIndex);
	const wait = readWaitOptions(this, itemIndex, this.getNodeParameter('options', itemIndex, {}) as IDataObject);
	const job = await getJob(this, credentialType, folder, jobId);
	if (wait.release) return [toJob(job)];
	return await finishedJobs(this, credentialType, folder, [job], wait, itemIndex);
}
