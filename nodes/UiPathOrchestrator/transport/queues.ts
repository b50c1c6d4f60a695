import { ODATA } from '../helpers/constants';
import type { FolderRef, ODataPage, QueueDefinition, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { odataString } from './odata';
import { uiPathApiRequest } from './request';

/** The queue of this name in the folder, if any: queue items refer to their queue by its Id. */
export async function findQueueByName(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	name: string,
): Promise<QueueDefinition | undefined> {
	const response = await uiPathApiRequest<ODataPage<QueueDefinition>>(context, credentialType, {
		path: ODATA.queueDefinitions,
		folder,
		qs: { $filter: `Name eq ${odataString(name)}`, $top: 1, $select: 'Id,Name' },
	});
	return response.value?.[0];
}
