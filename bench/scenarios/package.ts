/** Scenario 5: the package as users get it: tarball size, cold `require` of the node module, runtime dependencies. */
import { spawn } from 'child_process';
import { readdir, readFile, rm, mkdir, stat } from 'fs/promises';
import { join } from 'path';

import { runCommand } from '../../test/e2e/processes';
import { installedPackages, type CommunityPackage } from '../contenders/n8n/community';
import { BENCH_WORK_DIR } from '../lib/paths';
import { median, summarize } from '../lib/stats';
import type { Column, Goal, Row, Table } from '../report/model';

export interface PackageUnderTest {
	key: string;
	label: string;
	tarball: string;
	/** The package folder as installed (its node_modules, if any, inside). */
	dir: string;
	nodeModule: string;
}

const COLUMNS: Column[] = [
	{ metric: 'tarballKiB', title: 'tarball (KiB)', digits: 1 },
	{ metric: 'unpackedKiB', title: 'unpacked (KiB)', digits: 0 },
	{ metric: 'files', title: 'files', digits: 0 },
	{ metric: 'requireMs', title: 'cold require of the node (ms)', digits: 1, ratio: true, range: true },
	{ metric: 'requireWithWorkflowMs', title: 'same, n8n-workflow included (ms)', digits: 0 },
	{ metric: 'directDependencies', title: 'runtime dependencies', digits: 0 },
	{ metric: 'installedDependencies', title: 'installed dependency tree (packages)', digits: 0 },
	{ metric: 'installedKiB', title: 'installed with dependencies (KiB)', digits: 0 },
];

async function sizeOf(path: string): Promise<{ bytes: number; files: number }> {
	const info = await stat(path);
	if (!info.isDirectory()) return { bytes: info.size, files: 1 };
	let bytes = 0;
	let files = 0;
	for (const entry of await readdir(path)) {
		const inner = await sizeOf(join(path, entry));
		bytes += inner.bytes;
		files += inner.files;
	}
	return { bytes, files };
}

/** Extracts our tarball where its `require('n8n-workflow')` resolves to the project's copy, as n8n's does to its own. */
export async function extractOurs(tarball: string): Promise<string> {
	const dir = join(BENCH_WORK_DIR, 'ours', 'package');
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await runCommand('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	return dir;
}

/**
 * A fresh Node process (empty module cache) that loads n8n-workflow first, as n8n has it loaded, then times
 * `require` of the node module; the total with n8n-workflow is timed too.
 */
async function coldRequire(nodeModule: string): Promise<{ requireMs: number; requireWithWorkflowMs: number }> {
	const script = `
		const { dirname } = require('path');
		const t0 = process.hrtime.bigint();
		require(require.resolve('n8n-workflow', { paths: [dirname(${JSON.stringify(nodeModule)})] }));
		const t1 = process.hrtime.bigint();
		require(${JSON.stringify(nodeModule)});
		const t2 = process.hrtime.bigint();
		process.stdout.write(JSON.stringify({ requireMs: Number(t2 - t1) / 1e6, requireWithWorkflowMs: Number(t2 - t0) / 1e6 }));
	`;
	return await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let errors = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => {
			if (code !== 0) reject(new Error(`require of ${nodeModule} failed: ${errors.slice(-500)}`));
			else resolve(JSON.parse(output) as { requireMs: number; requireWithWorkflowMs: number });
		});
	});
}

async function staticFacts(candidate: PackageUnderTest): Promise<Record<string, number>> {
	const manifest = JSON.parse(await readFile(join(candidate.dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
	const tarball = await stat(candidate.tarball);
	const listing = (await runCommand('tar', ['-tzf', candidate.tarball])).split('\n').filter((line) => line && !line.endsWith('/'));
	const installed = await sizeOf(candidate.dir);
	const modules = await sizeOf(join(candidate.dir, 'node_modules')).catch(() => ({ bytes: 0, files: 0 }));
	return {
		tarballKiB: tarball.size / 1024,
		unpackedKiB: (installed.bytes - modules.bytes) / 1024,
		files: listing.length,
		directDependencies: Object.keys(manifest.dependencies ?? {}).length,
		installedDependencies: (await installedPackages(join(candidate.dir, 'node_modules'))).length,
		installedKiB: installed.bytes / 1024,
	};
}

export async function packageScenario(
	ours: PackageUnderTest,
	community: CommunityPackage | undefined,
	repetitions: number,
	log: (message: string) => void,
): Promise<{ tables: Table[]; goals: Goal[] }> {
	const candidates: PackageUnderTest[] = [ours];
	if (community) {
		candidates.push({
			key: 'community',
			label: 'n8n-nodes-uipath-orchestrator 1.9.0',
			tarball: community.tarball,
			dir: community.dir,
			nodeModule: join(community.dir, 'dist', 'nodes', 'UiPathOrchestrator', 'UiPathOrchestrator.node.js'),
		});
	}
	const samples = new Map<string, Record<string, number[]>>();
	for (const candidate of candidates) {
		samples.set(candidate.key, Object.fromEntries(Object.entries(await staticFacts(candidate)).map(([name, value]) => [name, [value]])));
	}
	for (let repetition = 1; repetition <= repetitions; repetition++) {
		for (const candidate of candidates) {
			const timing = await coldRequire(candidate.nodeModule);
			const stored = samples.get(candidate.key) ?? {};
			(stored.requireMs ??= []).push(timing.requireMs);
			(stored.requireWithWorkflowMs ??= []).push(timing.requireWithWorkflowMs);
		}
		log(`rep ${repetition}/${repetitions} cold require`);
	}
	const rows: Row[] = candidates.map((candidate) => ({
		key: candidate.key,
		contender: candidate.key,
		label: candidate.label,
		baseline: candidate.key === ours.key && community ? 'community' : undefined,
		metrics: Object.fromEntries(Object.entries(samples.get(candidate.key) ?? {}).map(([name, values]) => [name, summarize(values)])),
		ratios: {},
	}));
	const oursRow = rows[0];
	const communityRow = rows[1];
	if (communityRow) oursRow.ratios.requireMs = oursRow.metrics.requireMs.median / communityRow.metrics.requireMs.median;
	const dependencies = median(samples.get(ours.key)?.directDependencies ?? []);
	return {
		tables: [
			{
				id: 's5',
				scenario: 5,
				title: 'Scenario 5: the package',
				conditions: `npm pack tarballs; cold require in a fresh Node ${process.version} process, ${repetitions} repetitions A B A B, median (min–max)`,
				columns: COLUMNS,
				rows,
				notes: [
					'Cold require: a new process with an empty module cache loads n8n-workflow (n8n always has it loaded), then the node module; the file system cache is warm.',
					'Installed dependency tree: every package folder under the installed package\'s node_modules, as n8n\'s installer leaves it (npm install --omit=dev).',
					'Ratio: this package\'s median cold require time divided by the community package\'s.',
				],
			},
		],
		goals: [
			{
				scenario: 5,
				goal: 'Runtime dependencies: 0',
				met: dependencies === 0,
				measured: `${dependencies} runtime dependencies, ${median(samples.get(ours.key)?.installedDependencies ?? [])} installed packages`,
			},
		],
	};
}
