import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { readFolder, readRelease } from '../../helpers/parameters';
import { describeFolder, findRelease } from '../../transport';
import { folderLocator, releaseLocator } from '../common.descriptions';

const properties: INodeProperties[] = [folderLocator, releaseLocator];

export const description = updateDisplayOptions({ show: { resource: ['release'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const release = readRelease(this, itemIndex);
	const found = await findRelease(this, credentialType, folder, release);
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`No process ${release.key ? `with key ${release.key}` : `named "${release.name}"`} in ${describeFolder(folder)}`,
			{ itemIndex, description: 'Check the process (release) and the folder it is deployed to.' },
		);
	}
	return [withoutODataAnnotations(found)];
}
