import type { IncomingHttpHeaders } from 'http';
import { OrchestratorError } from './reply';
import type { TenantStore } from './store/tenantStore';
import type { Folder } from './store/types';

export const FOLDER_REQUIRED_MESSAGE = 'An organization unit is required for this action.';
export const FOLDER_NOT_FOUND_MESSAGE = 'Folder does not exist or the user does not have access to the folder.';

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return text === undefined || text.trim() === '' ? undefined : text.trim();
};

/** What `X-UIPATH-FolderPath-Encoded` carries: base64 of the path in UTF-16LE (what uipath-typescript and UiPath's docs send). */
export const encodeFolderPath = (path: string) => Buffer.from(path, 'utf16le').toString('base64');
export const decodeFolderPath = (encoded: string) => Buffer.from(encoded, 'base64').toString('utf16le');

const notFound = (): never => {
	throw new OrchestratorError(400, FOLDER_NOT_FOUND_MESSAGE, 1100);
};

/**
 * The folder a folder-scoped request acts in, from whichever folder header it sent:
 * none → 1101, one that names no folder → 1100.
 */
export function resolveFolder(store: TenantStore, headers: IncomingHttpHeaders): Folder {
	const id = header(headers, 'x-uipath-organizationunitid');
	if (id !== undefined) {
		return (/^\d+$/.test(id) ? store.folders.get(Number(id)) : undefined) ?? notFound();
	}
	const key = header(headers, 'x-uipath-folderkey');
	if (key !== undefined) return store.folderByKey(key) ?? notFound();
	const encoded = header(headers, 'x-uipath-folderpath-encoded');
	if (encoded !== undefined) return store.folderByPath(decodeFolderPath(encoded)) ?? notFound();
	const path = header(headers, 'x-uipath-folderpath');
	if (path !== undefined) return store.folderByPath(path) ?? notFound();
	throw new OrchestratorError(400, FOLDER_REQUIRED_MESSAGE, 1101);
}
