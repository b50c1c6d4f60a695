import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

// js-yaml ships no type declarations and none are installed; `load` is all this needs.
const { load } = require('js-yaml') as { load(text: string): unknown };

/**
 * The GitHub workflows, held to GitHub's workflow schema by `@action-validator/cli` (its WebAssembly build
 * embeds the schema, so this runs offline), and to what a provenance release needs.
 */
const ROOT = resolve(__dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const VALIDATOR = join(dirname(require.resolve('@action-validator/cli/package.json')), 'cli.mjs');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function validate(file: string): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function workflowText(name: string): string {
	return readFileSync(join(WORKFLOWS, name), 'utf8');
}

function workflow(name: string): Workflow {
	return load(workflowText(name)) as Workflow;
}

function commands(job: Job): string[] {
	return (job.steps ?? []).flatMap((step) => (step.run ? [step.run.trim()] : []));
}

describe('GitHub workflows', () => {
	it.each(['ci.yml', 'publish.yml'])('%s passes the GitHub workflow schema', (name) => {
		const { status, output } = validate(join(WORKFLOWS, name));
		expect(output).toBe('');
		expect(status).toBe(0);
	});

	it('the validator rejects a workflow that breaks the schema (a misspelt permission)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
		try {
			const broken = join(dir, 'publish.yml');
			writeFileSync(broken, workflowText('publish.yml').replace('id-token: write', 'id-token: writ'));
			const { status, output } = validate(broken);
			expect(status).toBe(1);
			expect(output).toContain('/jobs/publish/permissions');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('CI runs on push and pull request, and runs every part of npm test', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
		const run = Object.values(ci.jobs).flatMap(commands);
		expect(run).toContain('npm ci');
		const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		// `npm test` is what .ci/run runs: each of its parts must be a step here.
		// A step may run a part as root (queue mode starts Postgres as its own user): `sudo … <part>`.
		const asRun = (part: string) => run.find((command) => command === part || (command.startsWith('sudo ') && command.endsWith(` ${part}`)));
		for (const part of manifest.scripts.test.split('&&').map((command) => command.trim())) {
			expect(asRun(part === 'jest' ? 'npx jest' : part)).toBeDefined();
		}
	});

	it('publish runs the CI checks first, then npm publish --provenance with an OIDC token and no stored token', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.jobs.checks.uses).toBe('./.github/workflows/ci.yml');
		const job = publish.jobs.publish;
		expect(job.needs).toBe('checks');
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		// Only the publishing job may mint an OIDC token.
		expect(publish.permissions).toEqual({ contents: 'read' });
		const setupNode = job.steps?.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		const publishStep = job.steps?.find((step) => step.run?.startsWith('npm publish'));
		expect(publishStep?.run).toContain('--provenance');
		expect(publishStep?.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(commands(job)).toContain('npm run build');
		for (const name of ['ci.yml', 'publish.yml']) {
			expect(workflowText(name)).not.toMatch(/_authToken|npm_[A-Za-z0-9]{20,}/);
		}
	});
});
