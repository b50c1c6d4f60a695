import type { IDataObject } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { FolderRef, ODataPage, QueueDefinition, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';
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

/** References per QueueItems read: 50 exact matches keep the URL near 5 KB. */
const REFERENCES_PER_LOOKUP = 50;

/**
 * The queue's items (not deleted) that carry one of these references, by reference: what an earlier run of the
 * execution already added. One QueueDefinitions read, then one QueueItems read per 50 references.
 */
export async function findQueueItemsByReference(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	queueName: string,
	references: string[],
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	if (references.length === 0) return found;
	const queue = await findQueueByName(context, credentialType, folder, queueName);
	if (!queue) return found;
	for (let first = 0; first < references.length; first += REFERENCES_PER_LOOKUP) {
		const chunk = references.slice(first, first + REFERENCES_PER_LOOKUP);
		const matches = chunk.map((reference) => `Reference eq ${odataString(reference)}`).join(' or ');
		const response = await uiPathApiRequest<ODataPage<IDataObject>>(context, credentialType, {
			path: ODATA.queueItems,
			folder,
			qs: { $filter: `QueueDefinitionId eq ${queue.Id} and Status ne 'Deleted' and (${matches})`, $orderby: 'Id asc', $top: chunk.length },
		});
		for (const item of response.value ?? []) {
			const reference = String(item.Reference ?? '');
			if (!found.has(reference)) found.set(reference, item);
		}
	}
	return found;
}
