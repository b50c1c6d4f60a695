import type { ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FolderRef, UiPathCredentialType } from '../helpers/interfaces';

/** What the editor's lists and field mappings read from the node's other parameters. */
export function credentialTypeOf(context: ILoadOptionsFunctions): UiPathCredentialType {
	return context.getNodeParameter('authentication', 'uiPathApi') as UiPathCredentialType;
}

/** The folder chosen above the list, whatever its mode. */
export function chosenFolder(context: ILoadOptionsFunctions): FolderRef {
	const raw = context.getNodeParameter('folder', '') as INodeParameterResourceLocator | string | undefined;
	const mode = typeof raw === 'object' && raw ? raw.mode : 'id';
	const value = String((typeof raw === 'object' && raw ? raw.value : raw) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), 'Choose a folder first', {
			description: 'The list shows what is in the folder chosen in the Folder parameter.',
		});
	}
	if (mode === 'path') return { path: value.replace(/^\/+|\/+$/g, '') };
	if (!/^\d+$/.test(value)) throw new NodeOperationError(context.getNode(), `Folder "${value}" is not a folder ID`);
	return { id: Number(value) };
}
