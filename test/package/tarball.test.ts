import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const manifest = require(join(root, 'package.json')) as {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { credentials: string[]; nodes: string[] };
};

// `npm test` builds before jest runs; a bare `npx jest` in a fresh clone builds here, so dist/ is what `npm pack` would publish.
if (!existsSync(join(root, 'dist', 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const packed = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
) as Array<{ files: Array<{ path: string }> }>;
const files = packed[0].files.map((file) => file.path).sort();

describe('published package', () => {
	it('has no runtime dependencies and only n8n-workflow as a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});

	it('points n8n at node and credential files that exist after the build and ship in the tarball', () => {
		for (const path of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
			expect(existsSync(join(root, path))).toBe(true);
			expect(files).toContain(path);
		}
	});

	it('ships only compiled node and credential code, icons, codex files, README, LICENSE and package.json', () => {
		const allowed = [
			/^package\.json$/,
			/^README\.md$/,
			/^LICENSE$/,
			/^dist\/index\.(js|d\.ts)$/,
			/^dist\/(nodes|credentials)\/.+\.(js|d\.ts|svg|png)$/,
			/^dist\/nodes\/.+\.node\.json$/,
		];
		const unexpected = files.filter((path) => !allowed.some((pattern) => pattern.test(path)));
		expect(unexpected).toEqual([]);
		expect(files.some((path) => /\.node\.json$/.test(path))).toBe(true);
		expect(files.some((path) => /\.svg$/.test(path))).toBe(true);
	});
});
