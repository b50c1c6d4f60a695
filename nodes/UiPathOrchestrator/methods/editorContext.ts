import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FolderRef } from '../helpers/interfaces';
import { parseFolderLocator } from '../helpers/parameters';

export { credentialTypeOf } from '../helpers/parameters';

/** The folder chosen above the list, whatever its mode, by the same rules as the node's Folder parameter. */
export function chosenFolder(context: ILoadOptionsFunctions): FolderRef {
	const reading = parseFolderLocator(context.getNodeParameter('folder', ''));
	switch (reading.kind) {
		case 'folder':
			return reading.folder;
		case 'empty':
			throw new NodeOperationError(context.getNode(), 'Choose a folder first', {
				description: 'The list shows what is in the folder chosen in the Folder parameter.',
			});
		case 'notAPath':
			throw new NodeOperationError(context.getNode(), `Folder "${reading.value}" is not a folder path`);
		case 'notAnId':
			throw new NodeOperationError(context.getNode(), `Folder "${reading.value}" is not a folder ID`);
	}
}
