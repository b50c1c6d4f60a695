import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance settings (.n8n/config) under N8N_USER_FOLDER, by default the home folder; the
// harness must never touch a real n8n installation, so each process gets a fresh temporary folder before
// n8n-core loads.
export const harnessUserFolder = mkdtempSync(join(tmpdir(), `n8n-harness-${process.pid}-`));
process.env.N8N_USER_FOLDER = harnessUserFolder;
// Nothing is encrypted with it (the credential store is plain); set so n8n-core does not log that it made one.
process.env.N8N_ENCRYPTION_KEY = randomBytes(24).toString('base64');
// n8n-core's error reporter logs every node error with its stack; the run result carries them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

process.once('exit', () => rmSync(harnessUserFolder, { recursive: true, force: true }));
// Jest's sandboxed `process` never emits 'exit', so folders of processes that have ended are swept here.
for (const name of readdirSync(tmpdir())) {
	const pid = /^n8n-harness-(\d+)-/.exec(name)?.[1];
	if (pid && !isRunning(Number(pid))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
}
