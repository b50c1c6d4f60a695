import { execFile } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..', '..');

describe('npm run demo', () => {
	it('starts its own sandbox, runs the example workflow, prints the output arguments, ends with a newline and exits 0', async () => {
		const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
			const child = execFile('npx', ['tsx', 'test/harness/demo.ts'], { cwd: ROOT, timeout: 60_000 }, (error, out) =>
				resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out }),
			);
			child.stdin?.end();
		});
		expect(code).toBe(0);
		expect(stdout).toMatch(/List Processes\n\s+Invoice Echo\s+key [0-9a-f-]{36}/);
		expect(stdout).toMatch(/State\s+Successful/);
		expect(stdout).toMatch(/Output Arguments[^\n]*\n(\s+\w+\s+.+\n)*\s+Total\s+250\.5/);
		expect(stdout).toMatch(/1 × POST \/acme\/DefaultTenant\/orchestrator_\/odata\/Jobs\/UiPath\.Server\.Configuration\.OData\.StartJobs/);
		// Read through a pipe, as `npm run demo | tee` would: the last line, the request count per route, is there whole.
		expect(stdout.endsWith('\n')).toBe(true);
		expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^ {2}\s*\d+ × (GET|POST) \/\S+$/);
	}, 90_000);
});
