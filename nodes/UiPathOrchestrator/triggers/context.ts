import type { IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FolderRef } from '../helpers/interfaces';
import { parseFolderLocator } from '../helpers/parameters';

export { credentialTypeOf } from '../helpers/parameters';

/** The n8n contexts the two triggers run in. */
export type TriggerContext = IHookFunctions | IPollFunctions | IWebhookFunctions;

/** The Folder parameter as a folder reference, or undefined when it is empty; a bad value is an error naming the parameter. */
export function readOptionalFolder(context: TriggerContext): FolderRef | undefined {
	const reading = parseFolderLocator(context.getNodeParameter('folder', ''));
	switch (reading.kind) {
		case 'folder':
			return reading.folder;
		case 'empty':
			return undefined;
		case 'notAPath':
			throw new NodeOperationError(context.getNode(), `Folder (folder) "${reading.value}" is not a folder path`);
		case 'notAnId':
			throw new NodeOperationError(context.getNode(), `Folder (folder) "${reading.value}" is not a folder ID (a whole number)`, {
				description: 'Use By Path to name the folder by its path, such as Finance/Invoices.',
			});
	}
}

export function readRequiredFolder(context: TriggerContext): FolderRef {
	const folder = readOptionalFolder(context);
	if (!folder) {
		throw new NodeOperationError(context.getNode(), 'Folder (folder) is required: Orchestrator lists jobs and queue items per folder', {
			description: 'Choose the folder from the list, or give its ID or its full path such as Finance/Invoices.',
		});
	}
	return folder;
}

/** A folder as text that changes when the parameter does, to notice a changed filter between activations or polls. */
export function folderFingerprint(folder: FolderRef | undefined): string {
	if (!folder) return 'any';
	return 'id' in folder ? `id:${folder.id}` : `path:${folder.path.toLowerCase()}`;
}
