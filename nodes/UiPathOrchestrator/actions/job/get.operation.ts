import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { toJob } from '../../helpers/outputItems';
import { readFolder, readJobId } from '../../helpers/parameters';
import { getJob, withOutputFile } from '../../transport';
import { folderLocator, jobIdField } from '../../descriptions/common';

const properties: INodeProperties[] = [folderLocator, jobIdField];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const jobId = readJobId(this, itemIndex);
	return [toJob(await withOutputFile(this, credentialType, folder, await getJob(this, credentialType, folder, jobId)))];
}
