import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import { join } from 'path';
import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';

const ROOT = join(__dirname, '..', '..');

/** Starts `npm run sandbox` as a person would (same entry point, a free port) and collects what it prints. */
function startCli(): { child: ChildProcessWithoutNullStreams; banner: Promise<string> } {
	const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sandbox', 'cli.ts'), '--port', '0'], { cwd: ROOT });
	let output = '';
	const banner = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Press Ctrl+C to stop.')) resolve(output);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${output}`)));
	});
	return { child, banner };
}

const valueAfter = (text: string, label: string) => {
	const match = new RegExp(`${label}\\s+(\\S+)`).exec(text);
	if (!match) throw new Error(`the banner has no ${label}`);
	return match[1];
};

describe('npm run sandbox', () => {
	let cli: ReturnType<typeof startCli>;
	let banner: string;

	beforeAll(async () => {
		cli = startCli();
		banner = await cli.banner;
	});
	afterAll(async () => {
		const exited = new Promise((resolve) => cli.child.once('exit', resolve));
		cli.child.kill('SIGTERM');
		await exited;
	});

	test('prints the base URL, organization, tenant and the values of every sign-in method', () => {
		expect(banner).toMatch(/UiPath sandbox running at http:\/\/127\.0\.0\.1:\d+/);
		for (const label of ['Organization', 'Tenant', 'Orchestrator URL', 'Client ID', 'Client secret', 'Personal access token', 'npm run login -- --sandbox', '2019 community flow', 'On-premises', 'Password']) {
			expect(banner).toContain(label);
		}
	});

	test('the printed client credentials get a token, and the printed curl lists the releases of Shared', async () => {
		const tokenUrl = valueAfter(banner, 'Token URL');
		const clientId = valueAfter(banner, 'Client ID');
		const clientSecret = valueAfter(banner, 'Client secret');
		const token = await fetch(tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'OR.Execution.Read OR.Folders.Read' }),
		});
		expect(token.status).toBe(200);
		const { access_token: accessToken } = (await token.json()) as { access_token: string };

		const curl = /curl -s '([^']+)' \\\s+-H "Authorization: Bearer \$TOKEN" -H '([^:]+): ([^']+)'/.exec(banner);
		expect(curl).not.toBeNull();
		if (!curl) return;
		const [, url, header, value] = curl;
		const releases = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, [header]: value } });
		expect(releases.status).toBe(200);
		const body = (await releases.json()) as { value: { Name: string }[] };
		expect(body.value.map((release) => release.Name)).toEqual([PROCESSES.quick, PROCESSES.faulting, PROCESSES.slow]);
		expect(Buffer.from(value, 'base64').toString('utf16le')).toBe(FOLDERS.shared);
	});

	test('the printed personal access token works as a plain Bearer token', async () => {
		const pat = /Personal access token\s+(\S+)/.exec(banner)?.[1];
		const orchestratorUrl = valueAfter(banner, 'Orchestrator URL');
		const folders = await fetch(`${orchestratorUrl}/odata/Folders`, { headers: { Authorization: `Bearer ${pat}` } });
		expect(folders.status).toBe(200);
	});
});
