import { spawn } from 'child_process';
import { join } from 'path';

import { startSandbox, type Sandbox } from '../../sandbox';
import { ORGANIZATION, TENANT } from '../../sandbox/fixtures';
import { GET_CURRENT_USER, apiData, orchestratorUrl, runRequest, storeWith } from '../credentials/support';
import { atLegacyRedirect, followInBrowser } from './browser';

const root = join(__dirname, '..', '..');

interface CliRun {
	stdout: string;
	stderr: string;
	exitCode: number | null;
}

/**
 * `npm run login` as a person runs it (tsx tools/login.ts), against the sandbox. The test reads the sign-in
 * URL the tool prints, plays the browser, and for the 2019 client pastes the landing address on stdin.
 */
async function runCli(args: string[], paste?: (authorizeUrl: string) => Promise<string>): Promise<CliRun> {
	const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'tools', 'login.ts'), ...args], {
		cwd: root,
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	let browsed = false;
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
		const url = /^\s+(http\S+authorize\S*)$/m.exec(stderr)?.[1];
		if (url && !browsed) {
			browsed = true;
			void (paste ? paste(url) : followInBrowser(url, atLegacyRedirect)).then((landedOn) => {
				if (paste) child.stdin.write(`${landedOn}\n`);
			});
		}
	});
	const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { stdout, stderr, exitCode };
}

describe('npm run login (the command line)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());

	it('--sandbox --json: prints only the credential values on stdout, and they work', async () => {
		const run = await runCli(['--sandbox', '--baseUrl', sandbox.url, '--no-browser', '--json', '--timeout', '20']);
		expect(run.exitCode).toBe(0);
		const printed = JSON.parse(run.stdout) as { values: Record<string, string> };
		expect(printed.values).toMatchObject({ authType: 'refreshToken', organization: ORGANIZATION, tenant: TENANT, baseUrl: sandbox.url });
		expect(run.stderr).toMatch(/Sign in to UiPath in your browser/);
		expect(run.stderr).not.toContain(printed.values.refreshToken);

		const store = storeWith(apiData(sandbox, 'automationCloud', printed.values));
		const result = await runRequest(store, `${orchestratorUrl(sandbox, 'automationCloud')}${GET_CURRENT_USER}`);
		expect(result.error).toBeUndefined();
	});

	it('--identityPreset legacy2019: reads the pasted redirect from stdin and prints the values to paste', async () => {
		const run = await runCli(['--sandbox', '--baseUrl', sandbox.url, '--identityPreset', 'legacy2019', '--no-browser', '--timeout', '20'], async (url) => await followInBrowser(url, atLegacyRedirect));
		expect(run.exitCode).toBe(0);
		expect(run.stdout).toMatch(/Identity Preset \(identityPreset\)\s+legacy2019/);
		expect(run.stdout).toMatch(/Organization \(organization\)\s+acme/);
		const refreshToken = /Refresh Token \(refreshToken\)\s+(\S+)/.exec(run.stdout)?.[1] ?? '';
		const store = storeWith(apiData(sandbox, 'legacy2019', { authType: 'refreshToken', clientId: '', refreshToken }));
		expect((await runRequest(store, `${orchestratorUrl(sandbox, 'legacy2019')}${GET_CURRENT_USER}`)).error).toBeUndefined();
	});

	it('prints no control character a server or a forged address carries (terminal escapes, bells)', async () => {
		const run = await runCli(['--sandbox', '--baseUrl', sandbox.url, '--identityPreset', 'legacy2019', '--no-browser', '--timeout', '20'], async (url) => {
			const landed = new URL('https://account.uipath.com/mobile');
			landed.searchParams.set('state', new URL(url).searchParams.get('state') ?? '');
			landed.searchParams.set('error', 'access_denied\u001b[31m');
			landed.searchParams.set('error_description', 'Denied\u001b]0;pwned\u0007\u001b[2J\r\u202etxt.exe');
			return landed.toString();
		});
		expect(run.exitCode).toBe(1);
		expect(run.stderr).toContain('Login failed: UiPath refused the sign-in (access_denied[31m: Denied]0;pwned[2Jtxt.exe)');
		expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
	});

	it('exits 1 with one line on stderr for bad input, printing nothing on stdout', async () => {
		const run = await runCli(['--identityPreset', 'cloud2030']);
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim()).toBe('Login failed: --identityPreset must be one of automationCloud, legacy2019, onPremises');
	});
});
