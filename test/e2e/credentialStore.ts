import { mkdtemp, readFile, rm } from 'fs/promises';
import { join } from 'path';

import { n8nCli, type N8nServer } from './n8n';
import { WORK_DIR } from './paths';

/**
 * What n8n has stored for a credential, decrypted by n8n itself (`n8n export:credentials --decrypted`).
 * The file holds secrets: it lives in a private temporary folder only until it is read.
 */
export async function storedCredentialData(server: N8nServer, credentialId: string): Promise<Record<string, unknown>> {
	const folder = await mkdtemp(join(WORK_DIR, 'export-'));
	const file = join(folder, 'credential.json');
	try {
		await n8nCli(server, ['export:credentials', `--id=${credentialId}`, '--decrypted', `--output=${file}`]);
		const exported = JSON.parse(await readFile(file, 'utf8')) as Array<{ id: string; data: Record<string, unknown> }>;
		const credential = exported.find((entry) => entry.id === credentialId);
		if (!credential) throw new Error(`n8n exported no credential with id ${credentialId}`);
		return credential.data;
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
