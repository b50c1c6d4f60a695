import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { FolderRef, ODataPage, Release, ReleaseRef, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';
import { describeFolder } from './folder';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';

/** The release of this key or name in the folder (`$select` to read only some properties); an error naming both when there is none. */
export async function getRelease(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	release: ReleaseRef,
	options: { select?: string; itemIndex?: number } = {},
): Promise<Release> {
	const { select, itemIndex } = options;
	// Key is an Edm.Guid in Orchestrator's model, so it is compared unquoted.
	const $filter = release.key ? `Key eq ${release.key}` : `Name eq ${odataString(release.name ?? '')}`;
	const response = await uiPathApiRequest<ODataPage<Release>>(context, credentialType, {
		path: ODATA.releases,
		folder,
		qs: { $filter, $top: 1, ...(select ? { $select: select } : {}) },
	});
	const found = response.value?.[0];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`No process ${release.key ? `with key ${release.key}` : `named "${release.name}"`} in ${describeFolder(folder)}`,
			{ itemIndex, description: 'Check the process (release) and the folder it is deployed to.' },
		);
	}
	return found;
}
