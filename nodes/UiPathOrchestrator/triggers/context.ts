import type { IHookFunctions, INodeParameterResourceLocator, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FolderRef, UiPathCredentialType } from '../helpers/interfaces';

/** The n8n contexts the two triggers run in. */
export type TriggerContext = IHookFunctions | IPollFunctions | IWebhookFunctions;

export function credentialTypeOf(context: TriggerContext): UiPathCredentialType {
	return context.getNodeParameter('authentication', 'uiPathApi') as UiPathCredentialType;
}

/** The Folder parameter as a folder reference, or undefined when it is empty; a bad value is an error naming the parameter. */
export function readOptionalFolder(context: TriggerContext): FolderRef | undefined {
	const raw = context.getNodeParameter('folder', '') as INodeParameterResourceLocator | string;
	const mode = typeof raw === 'object' && raw ? String(raw.mode ?? '') : 'id';
	const value = String((typeof raw === 'object' && raw ? raw.value : raw) ?? '').trim();
	if (!value) return undefined;
	if (mode === 'path') {
		const path = value.replace(/^\/+|\/+$/g, '');
		if (!path) throw new NodeOperationError(context.getNode(), `Folder (folder) "${value}" is not a folder path`);
		return { path };
	}
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
		throw new NodeOperationError(context.getNode(), `Folder (folder) "${value}" is not a folder ID (a whole number)`, {
			description: 'Use By Path to name the folder by its path, such as Finance/Invoices.',
		});
	}
	return { id: Number(value) };
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
