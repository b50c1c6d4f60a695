import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_WAIT_TIMEOUT_SECONDS, FAILED_JOB_STATES } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { JobFailedError } from '../../helpers/jobFailure';
import { toJob } from '../../helpers/output';
import { readFolder, readJobId, readPositiveInteger } from '../../helpers/parameters';
import { getJob, waitForJob } from '../../transport';
import { folderLocator, jobIdField, waitOptions } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator,
	jobIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: waitOptions,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['wait'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const jobId = readJobId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutSeconds = readPositiveInteger(this, itemIndex, { label: 'Timeout', name: 'options.timeout' }, options.timeout ?? DEFAULT_WAIT_TIMEOUT_SECONDS);
	const pollSeconds = readPositiveInteger(this, itemIndex, { label: 'Poll Interval', name: 'options.pollInterval' }, options.pollInterval ?? DEFAULT_POLL_INTERVAL_SECONDS);

	const job = await getJob(this, credentialType, folder, jobId);
	const done = toJob(
		await waitForJob(this, credentialType, folder, job, { timeoutMs: timeoutSeconds * 1000, pollIntervalMs: pollSeconds * 1000 }),
	);
	if (FAILED_JOB_STATES.includes(done.State)) throw new JobFailedError(this.getNode(), done, itemIndex);
	return [done];
}
