import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text under a `## heading` of the README, up to the next `## `. */
function section(title: string): string {
	const start = README.indexOf(`\n## ${title}\n`);
	expect(start).toBeGreaterThan(-1);
	const end = README.indexOf('\n## ', start + 1);
	return README.slice(start, end === -1 ? undefined : end);
}

/** The n8n version and exact Node version an end-to-end pin folder installs. */
function pin(folder: string): { n8n: string; node: string } {
	const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as {
		dependencies: { n8n: string };
		engines: { node: string };
	};
	return { n8n: manifest.dependencies.n8n, node: manifest.engines.node };
}

/** Table rows of a markdown text that start with the given first cell. */
function rowsStartingWith(markdown: string, cell: string): string[] {
	return markdown.split('\n').filter((line) => line.startsWith(`| ${cell} `));
}

describe('README', () => {
	it('is read in five minutes: at most 250 lines', () => {
		expect(README.split('\n').length).toBeLessThanOrEqual(250);
	});

	it('Quick start is the two commands, and .ci/run runs what it says', () => {
		const block = /```\n([\s\S]*?)```/.exec(section('Quick start'))?.[1];
		expect(block).toBe('npm ci && npm run demo\nnpm test\n');
		const quickStartCommands = block!.split(/\n|&&/).map((command) => command.trim()).filter(Boolean);
		const ciCommands = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('npm '));
		expect(ciCommands).toEqual(['npm ci', 'npm test']);
		for (const command of ciCommands) expect(quickStartCommands).toContain(command);
	});

	it('keeps a versions row for the pinned n8n of npm run e2e, linking the versions page', () => {
		const { n8n, node } = pin(join('test', 'e2e', 'n8n'));
		const [row] = rowsStartingWith(section('Install in n8n'), n8n);
		expect(row).toContain(`| ${node} |`);
		expect(row).toContain('all checks pass');
		expect(section('Install in n8n')).toContain('](docs/n8n-versions.md)');
	});

	it('the versions page has a row for the default pin and every pin under test/e2e/n8n-versions', () => {
		const page = readFileSync(join(ROOT, 'docs', 'n8n-versions.md'), 'utf8');
		const folders = readdirSync(join(ROOT, 'test', 'e2e', 'n8n-versions')).map((name) => join('test', 'e2e', 'n8n-versions', name));
		expect(folders.length).toBeGreaterThan(0);
		for (const folder of [join('test', 'e2e', 'n8n'), ...folders]) {
			const { n8n, node } = pin(folder);
			const rows = rowsStartingWith(page, n8n);
			expect({ folder, rows: rows.length }).toEqual({ folder, rows: 1 });
			expect(rows[0]).toContain(`| ${node} |`);
		}
	});

	it('keeps a Security section that links the security page', () => {
		const security = section('Security');
		expect(security).toContain('](docs/security.md)');
		expect(security).toMatch(/webhook secret and fingerprint in the workflow's node\s+static data/);
	});

	it('links the long-running robots pages', () => {
		const links = [...section('Long-running robots').matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((match) => match[1]);
		expect(links).toEqual(['docs/long-running-jobs.md', 'docs/action-center.md', 'docs/large-arguments.md', 'docs/crash-safety.md']);
	});
});
