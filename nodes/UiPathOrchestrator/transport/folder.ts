import { HEADERS } from '../helpers/constants';
import type { FolderRef } from '../helpers/interfaces';

/** UiPath reads X-UIPATH-FolderPath-Encoded as Base64 of the UTF-16LE path (as uipath-typescript and uipathcli send it). */
export function encodeFolderPath(path: string): string {
	return Buffer.from(path, 'utf16le').toString('base64');
}

/** Encoded paths by path: a batch sends the same folder with every request. */
const encodedPaths = new Map<string, string>();
/** A workflow names a handful of folders; an expression naming more only stops the reuse, never grows memory. */
const MAX_ENCODED_PATHS = 256;

function encodedPathOf(path: string): string {
	let encoded = encodedPaths.get(path);
	if (encoded === undefined) {
		encoded = encodeFolderPath(path);
		if (encodedPaths.size >= MAX_ENCODED_PATHS) encodedPaths.clear();
		encodedPaths.set(path, encoded);
	}
	return encoded;
}

export function folderHeaders(folder: FolderRef | undefined): Record<string, string> {
	if (!folder) return {};
	if ('id' in folder) return { [HEADERS.folderId]: String(folder.id) };
	return { [HEADERS.folderPathEncoded]: encodedPathOf(folder.path) };
}

/** How a folder is named in messages. */
export function describeFolder(folder: FolderRef | undefined): string {
	if (!folder) return 'no folder';
	return 'id' in folder ? `folder ${folder.id}` : `folder "${folder.path}"`;
}
