import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { ODataPage, Release, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import { readFolder, readRelease } from '../../helpers/parameters';
import { describeFolder, odataString, uiPathApiRequest } from '../../transport';
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
	// Key is an Edm.Guid in Orchestrator's model, so it is compared unquoted.
	const $filter = release.key ? `Key eq ${release.key}` : `Name eq ${odataString(release.name ?? '')}`;
	const response = await uiPathApiRequest<ODataPage<Release>>(this, credentialType, {
		path: ODATA.releases,
		folder,
		qs: { $filter, $top: 1 },
	});
	const found = response.value?.[0];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`No process ${release.key ? `with key ${release.key}` : `named "${release.name}"`} in ${describeFolder(folder)}`,
			{ itemIndex, description: 'Check the process (release) and the folder it is deployed to.' },
		);
	}
	return [withoutODataAnnotations(found)];
}
