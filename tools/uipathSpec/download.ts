import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';

import { PINNED_FILES, UIPATHCLI_COMMIT, UIPATHCLI_RAW_BASE, type PinnedFile } from './pins';

export interface DownloadOptions {
	/** The folder the files go to (the project's `.cache/uipath`). */
	targetDir: string;
	/** Default: GitHub's raw file host for uipathcli. */
	baseUrl?: string;
	commit?: string;
	files?: readonly PinnedFile[];
	progress?: (line: string) => void;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A file that is already there and intact is kept; a changed one is downloaded again. */
function intact(path: string, expected: string): boolean {
	return existsSync(path) && sha256(readFileSync(path)) === expected;
}

/**
 * Downloads each pinned file and writes it only when its SHA-256 is the pinned one; a file that does not match
 * fails the whole run and is not written, so the tests never read a description nobody checked.
 */
export async function downloadDescriptions(options: DownloadOptions): Promise<string[]> {
	const base = (options.baseUrl ?? UIPATHCLI_RAW_BASE).replace(/\/+$/, '');
	const commit = options.commit ?? UIPATHCLI_COMMIT;
	const progress = options.progress ?? (() => undefined);
	mkdirSync(options.targetDir, { recursive: true });
	const written: string[] = [];
	for (const file of options.files ?? PINNED_FILES) {
		const target = join(options.targetDir, file.name);
		if (intact(target, file.sha256)) {
			progress(`${file.name}: already there, SHA-256 matches`);
			continue;
		}
		const url = `${base}/${commit}/${file.path}`;
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
		const body = Buffer.from(await response.arrayBuffer());
		const actual = sha256(body);
		if (actual !== file.sha256) {
			throw new Error(`${file.name} from ${url} has SHA-256 ${actual}, not the pinned ${file.sha256}: nothing was written`);
		}
		// Written beside the target first, so an interrupted run never leaves half a file under the real name.
		writeFileSync(`${target}.partial`, body);
		renameSync(`${target}.partial`, target);
		written.push(target);
		progress(`${file.name}: downloaded, SHA-256 matches`);
	}
	return written;
}
