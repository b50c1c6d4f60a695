import { spawn } from 'child_process';
import { join } from 'path';

import { followRedirects, type HttpClient } from './http';
import { PROJECT_ROOT } from './paths';
import { track } from './processes';

export interface LoginToolValues {
	authType: string;
	identityPreset: string;
	baseUrl?: string;
	organization?: string;
	tenant?: string;
	clientId?: string;
	refreshToken: string;
}

/**
 * Runs the package's login tool (`npm run login -- --sandbox ...`) without a person: reads the sign-in URL
 * it prints, plays the browser against the sandbox (which signs the seeded user in and consents by itself)
 * until the redirect reaches the tool's loopback listener, and returns the values it prints for uiPathApi.
 */
export async function loginWithTool(sandboxUrl: string, browser: HttpClient): Promise<LoginToolValues> {
	const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
	const args = ['tools/login.ts', '--sandbox', '--baseUrl', sandboxUrl, '--no-browser', '--json', '--timeout', '60'];
	const child = track('login tool', spawn(tsx, args, { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
	const signInUrl = await new Promise<string>((resolve, reject) => {
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			const match = /^\s+(https?:\/\/\S+)$/m.exec(stderr);
			if (match) resolve(match[1]);
		});
		void exited.then((code) => reject(new Error(`the login tool exited (${code}) before printing a sign-in URL: ${stderr.slice(-500)}`)));
	});
	const landed = await followRedirects(browser, signInUrl, (url) => url.port !== new URL(sandboxUrl).port);
	if (landed.status !== 200) throw new Error(`the login tool's listener answered ${landed.status}`);
	const code = await exited;
	if (code !== 0) throw new Error(`the login tool exited with ${code}: ${stderr.slice(-500)}`);
	const printed = JSON.parse(stdout) as { values: LoginToolValues };
	if (!printed.values.refreshToken) throw new Error('the login tool printed no refresh token');
	return printed.values;
}
