import { spawn } from 'child_process';
import { createWriteStream, existsSync } from 'fs';
import { readdir, readFile, readlink, utimes } from 'fs/promises';
import { join } from 'path';

import { expectStatus, HttpClient, poll } from '../http';
import { restData } from '../n8n';
import { CACHE_DIR, PROJECT_ROOT } from '../paths';
import { track } from '../processes';
import { expect } from '../report';

/** What `npm run dev` prints once n8n is up, read the way a developer reads it. */
interface DevBanner {
	editorUrl: string;
	email: string;
	password: string;
	credentials: string[];
}

const DEV_DIR = join(CACHE_DIR, 'dev');

/**
 * `npm run dev` as a developer starts it: the printed editor URL serves n8n, the printed sign-in works,
 * the printed credentials exist, a rebuilt dist/ reaches n8n's hot reload, and Ctrl-C leaves no process
 * and no listening port behind.
 */
export async function devLoop(logFile: string): Promise<string> {
	const log = createWriteStream(logFile);
	const child = track('npm run dev', spawn('npm', ['run', '--silent', 'dev'], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
	let output = '';
	let exited = false;
	const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	void exit.then(() => (exited = true));
	for (const stream of [child.stdout, child.stderr]) {
		stream?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			log.write(chunk);
		});
	}
	try {
		const startedAt = Date.now();
		const exitedEarly = exit.then(() => {
			throw new Error(`npm run dev exited: ${output.slice(-800)}`);
		});
		exitedEarly.catch(() => undefined);
		const banner = await Promise.race([
			poll('npm run dev to print the editor URL', async () => await Promise.resolve(readBanner(output)), { timeoutMs: 600_000 }),
			exitedEarly,
		]);
		const readySeconds = Math.round((Date.now() - startedAt) / 1000);

		const http = new HttpClient();
		const editor = expectStatus(await http.request(banner.editorUrl), [200], 'the printed editor URL');
		expect(editor.text.includes('<title>n8n'), `the editor URL answered a page that is not n8n's: ${editor.text.slice(0, 200)}`);
		expectStatus(await http.request(`${banner.editorUrl}/healthz/readiness`), [200], 'n8n readiness');
		const browser = new HttpClient(undefined, { 'browser-id': 'dev-loop-check' });
		const login = await browser.request(`${banner.editorUrl}/rest/login`, {
			body: { emailOrLdapLoginId: banner.email, password: banner.password },
		});
		expectStatus(login, [200], 'sign-in with the printed email and password');
		const stored = restData<Array<{ name: string }>>(
			expectStatus(await browser.request(`${banner.editorUrl}/rest/credentials`), [200], 'the credentials list'),
		).map((credential) => credential.name);
		const missing = banner.credentials.filter((name) => !stored.includes(name));
		expect(banner.credentials.length >= 2 && missing.length === 0, `printed credentials ${JSON.stringify(banner.credentials)}, n8n has ${JSON.stringify(stored)}`);

		// A rebuild touches dist/: the copy reaches the installed package and n8n reloads it.
		const n8nLog = join(DEV_DIR, 'logs', 'n8n.log');
		const reloadsBefore = await hotReloads(n8nLog);
		const touched = new Date();
		await utimes(join(PROJECT_ROOT, 'dist', 'index.js'), touched, touched);
		await poll('n8n to log a hot reload of n8n-nodes-uipath', async () => ((await hotReloads(n8nLog)) > reloadsBefore ? true : undefined), {
			timeoutMs: 30_000,
		});

		process.kill(-(child.pid ?? 0), 'SIGINT');
		await poll('npm run dev to stop after Ctrl-C', async () => (exited ? true : undefined), { timeoutMs: 30_000 });
		const stillUp = await http.request(banner.editorUrl, { timeoutMs: 2000 }).then(
			() => true,
			() => false,
		);
		expect(!stillUp, `n8n still answers at ${banner.editorUrl} after Ctrl-C`);
		// npm exits at once; the dev tool then stops n8n (SIGTERM, SIGKILL after 10 s).
		await poll(`no process left running in ${DEV_DIR}`, async () => {
			const leftover = await processesUnder(DEV_DIR);
			if (leftover.length > 0) throw new Error(`still running: ${leftover.join(', ')}`);
			return true;
		}, { timeoutMs: 30_000 });
		return `editor ${banner.editorUrl} up ${readySeconds} s after start; sign-in and ${banner.credentials.length} credentials work; hot reload seen; Ctrl-C left nothing running`;
	} finally {
		if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
		log.end();
	}
}

function readBanner(output: string): DevBanner | undefined {
	const editorUrl = /^\s+editor\s+(http\S+)/m.exec(output)?.[1];
	const signIn = /^\s+sign in\s+(\S+)\s+(\S+)/m.exec(output);
	const credentials = /^\s+credentials\s+(.+)$/m.exec(output)?.[1];
	if (!editorUrl || !signIn || !credentials) return undefined;
	return { editorUrl, email: signIn[1], password: signIn[2], credentials: [...credentials.matchAll(/"([^"]+)"/g)].map((match) => match[1]) };
}

async function hotReloads(logFile: string): Promise<number> {
	const text = await readFile(logFile, 'utf8').catch(() => '');
	return text.split('Hot reload triggered for n8n-nodes-uipath').length - 1;
}

/** Processes whose working directory is inside `folder` (n8n and its task runners run in the user folder). */
async function processesUnder(folder: string): Promise<string[]> {
	if (!existsSync('/proc')) return [];
	const found: string[] = [];
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => '');
		if (cwd.startsWith(folder)) found.push(entry);
	}
	return found;
}
