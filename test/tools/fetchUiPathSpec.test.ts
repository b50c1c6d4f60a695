/**
 * `npm run fetch:uipath-spec` and the lookup of UiPath's descriptions. GitHub cannot be reached from the test
 * machines, so a local HTTP server on 127.0.0.1 stands in for its raw file host and serves files under the same
 * `/<commit>/<path>` layout; what is tested is the hash check and where the tests then find the files.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { descriptionFolders, findDescriptionFolder, uipathDescription, itConforms } from '../support/uipathDescriptions';
import { downloadDescriptions, sha256 } from '../../tools/uipathSpec/download';
import { PINNED_FILES, UIPATHCLI_COMMIT } from '../../tools/uipathSpec/pins';

const COMMIT = 'c0ffee0000000000000000000000000000000000';

/** Serves `files` (path → content) under `/<commit>/`, and counts requests. */
async function rawHost(commit: string, files: Record<string, Buffer>): Promise<{ url: string; hits: string[]; server: Server }> {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		hits.push(req.url ?? '');
		const prefix = `/${commit}/`;
		const body = req.url?.startsWith(prefix) ? files[req.url.slice(prefix.length)] : undefined;
		res.writeHead(body ? 200 : 404).end(body ?? 'Not Found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

describe('fetch:uipath-spec', () => {
	let dir: string;
	let host: Awaited<ReturnType<typeof rawHost>>;
	const content = { 'definitions/a.yaml': Buffer.from('openapi: 3.0.1\n'), 'definitions/b.yaml': Buffer.from('paths: {}\n') };
	const pins = [
		{ name: 'a.yaml', path: 'definitions/a.yaml', sha256: sha256(content['definitions/a.yaml']) },
		{ name: 'b.yaml', path: 'definitions/b.yaml', sha256: sha256(content['definitions/b.yaml']) },
	];

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'uipath-spec-'));
		host = await rawHost(COMMIT, content);
	});
	afterEach(async () => {
		await new Promise((resolve) => host.server.close(resolve));
		rmSync(dir, { recursive: true, force: true });
	});

	it('writes files whose SHA-256 matches the pin, and does not download them again', async () => {
		const target = join(dir, '.cache', 'uipath');
		const written = await downloadDescriptions({ targetDir: target, baseUrl: host.url, commit: COMMIT, files: pins });
		expect(written).toEqual([join(target, 'a.yaml'), join(target, 'b.yaml')]);
		expect(readFileSync(join(target, 'b.yaml'), 'utf8')).toBe('paths: {}\n');
		expect(host.hits).toEqual([`/${COMMIT}/definitions/a.yaml`, `/${COMMIT}/definitions/b.yaml`]);
		expect(await downloadDescriptions({ targetDir: target, baseUrl: host.url, commit: COMMIT, files: pins })).toEqual([]);
		expect(host.hits).toHaveLength(2);
	});

	it('refuses a file whose SHA-256 differs and writes nothing under its name', async () => {
		const target = join(dir, 'out');
		const tampered = [pins[0], { ...pins[1], sha256: sha256(Buffer.from('something else')) }];
		await expect(downloadDescriptions({ targetDir: target, baseUrl: host.url, commit: COMMIT, files: tampered })).rejects.toThrow(
			/b\.yaml from .* has SHA-256 [0-9a-f]{64}, not the pinned [0-9a-f]{64}: nothing was written/,
		);
		expect(existsSync(join(target, 'b.yaml'))).toBe(false);
		expect(existsSync(join(target, 'b.yaml.partial'))).toBe(false);
	});

	it('fails on a file the host does not have', async () => {
		const missing = [{ name: 'c.yaml', path: 'definitions/c.yaml', sha256: pins[0].sha256 }];
		await expect(downloadDescriptions({ targetDir: join(dir, 'out'), baseUrl: host.url, commit: COMMIT, files: missing })).rejects.toThrow(
			`${host.url}/${COMMIT}/definitions/c.yaml answered HTTP 404`,
		);
	});

	// Needs the real descriptions: the pins must be the hashes of what the tests read.
	itConforms('pins the SHA-256 of the descriptions this machine holds, at the pinned uipathcli commit', async () => {
		const real = Object.fromEntries(
			PINNED_FILES.filter((file) => uipathDescription(file.name as 'orchestrator.yaml') !== undefined).map((file) => [
				file.path,
				readFileSync(uipathDescription(file.name as 'orchestrator.yaml') as string),
			]),
		);
		const original = await rawHost(UIPATHCLI_COMMIT, real);
		try {
			const target = join(dir, 'real');
			const files = PINNED_FILES.filter((file) => file.path in real);
			expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['orchestrator.yaml', 'identity.token.yaml']));
			await downloadDescriptions({ targetDir: target, baseUrl: original.url, files });
			for (const file of files) expect(sha256(readFileSync(join(target, file.name)))).toBe(file.sha256);
		} finally {
			await new Promise((resolve) => original.server.close(resolve));
		}
	});
});

describe('where the tests look for the descriptions', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'uipath-lookup-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function holdDescriptions(dir: string): string {
		mkdirSync(dir, { recursive: true });
		for (const file of ['orchestrator.yaml', 'identity.token.yaml']) writeFileSync(join(dir, file), 'openapi: 3.0.1\n');
		return dir;
	}

	it('in order: UIPATH_DESCRIPTIONS, shared/uipath beside the checkout or above it, then .cache/uipath', () => {
		const checkout = join(root, 'work', 'clone');
		mkdirSync(checkout, { recursive: true });
		expect(descriptionFolders(checkout, { UIPATH_DESCRIPTIONS: '/env/folder' })).toEqual([
			'/env/folder',
			join(root, 'work', 'shared', 'uipath'),
			join(root, 'shared', 'uipath'),
			...descriptionFolders(root, {}).slice(0, -1),
			join(checkout, '.cache', 'uipath'),
		]);
	});

	it('takes the first folder that holds every description the tests read, and none when none does', () => {
		const checkout = join(root, 'a', 'clone');
		mkdirSync(checkout, { recursive: true });
		expect(findDescriptionFolder(checkout, {})).toBeUndefined();
		const cache = holdDescriptions(join(checkout, '.cache', 'uipath'));
		expect(findDescriptionFolder(checkout, {})).toBe(cache);
		const ancestor = holdDescriptions(join(root, 'shared', 'uipath'));
		expect(findDescriptionFolder(checkout, {})).toBe(ancestor);
		const beside = holdDescriptions(join(root, 'a', 'shared', 'uipath'));
		expect(findDescriptionFolder(checkout, {})).toBe(beside);
		const env = holdDescriptions(join(root, 'env'));
		expect(findDescriptionFolder(checkout, { UIPATH_DESCRIPTIONS: env })).toBe(env);
		// A folder with only one of the two files does not count.
		writeFileSync(join(holdDescriptions(join(root, 'half')), 'identity.token.yaml'), '');
		rmSync(join(root, 'half', 'orchestrator.yaml'));
		expect(findDescriptionFolder(checkout, { UIPATH_DESCRIPTIONS: join(root, 'half') })).toBe(beside);
	});
});
