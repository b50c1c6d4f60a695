import { ODATA } from '../helpers/constants';
import type { FolderRef, ODataPage, Release, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { odataString } from './jobs';
import { uiPathApiRequest } from './request';

/** A process (release) by key or name, as the Process locator names it. */
export interface ReleaseRef {
	key?: string;
	name?: string;
}

/** The release of this key or name in the folder, if any (`$select` to read only some properties). */
export async function findRelease(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	release: ReleaseRef,
	select?: string,
): Promise<Release | undefined> {
	// Key is an Edm.Guid in Orchestrator's model, so it is compared unquoted.
	const $filter = release.key ? `Key eq ${release.key}` : `Name eq ${odataString(release.name ?? '')}`;
	const response = await uiPathApiRequest<ODataPage<Release>>(context, credentialType, {
		path: ODATA.releases,
		folder,
		qs: { $filter, $top: 1, ...(select ? { $select: select } : {}) },
	});
	return response.value?.[0];
}
