import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { toJob } from '../../helpers/outputItems';
import { readFolder, readJobId } from '../../helpers/parameters';
import { getJob, uiPathApiRequest } from '../../transport';
import { folderLocator, jobIdField } from '../../descriptions/common';

const properties: INodeProperties[] = [
	folderLocator,
	jobIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Stop Strategy',
				name: 'stopStrategy',
				type: 'options',
				default: 'SoftStop',
				options: [
					{ name: 'Stop (Let the Process Finish Its Step)', value: 'SoftStop' },
					{ name: 'Kill (End the Process Now)', value: 'Kill' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['stop'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const jobId = readJobId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const strategy = options.stopStrategy === 'Kill' ? 'Kill' : 'SoftStop';

	// StopJob takes the numeric Id; a Key is looked up first.
	const job = await getJob(this, credentialType, folder, jobId);
	await uiPathApiRequest(this, credentialType, {
		method: 'POST',
		path: ODATA.stopJob(job.Id),
		folder,
		body: { strategy },
		// Stopping twice is harmless, so a lost answer may be resent.
		idempotent: true,
	});
	return [toJob(await getJob(this, credentialType, folder, job.Id))];
}
