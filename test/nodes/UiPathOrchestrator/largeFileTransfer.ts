/**
 * Child process of largeFileTransfer.test.ts: runs the node through n8n-core in n8n's filesystem binary-data
 * mode, uploads a large file to each bucket of the sandbox and downloads it again, then prints one JSON line
 * with this process's memory (RSS before the transfers, and the peak RSS the kernel recorded) and the hashes.
 * A process of its own, so the peak belongs to the transfers alone and not to Jest or the sandbox.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import type { IBinaryData, INodeParameters } from 'n8n-workflow';

import { CredentialStore, credentialsOf, manualWorkflow, runWorkflow, useFilesystemBinaryData, type CredentialInput } from '../../harness';

export interface TransferConfig {
	credential: CredentialInput;
	buckets: string[];
	sizeBytes: number;
	workDir: string;
	path: string;
}

export interface TransferReport {
	baselineRssBytes: number;
	peakRssBytes: number;
	sourceSha256: string;
	transfers: Array<{ bucket: string; uploaded: unknown; downloadedSha256: string; downloadedBytes: number; offloaded: boolean; uploadMs: number; downloadMs: number }>;
}

async function sha256(stream: Readable): Promise<{ hash: string; bytes: number }> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of stream) {
		hash.update(chunk as Buffer);
		bytes += (chunk as Buffer).length;
	}
	return { hash: hash.digest('hex'), bytes };
}

/** Writes `size` bytes of varied content 1 MiB at a time, hashing as it goes. */
async function writeSource(file: string, size: number): Promise<string> {
	const hash = createHash('sha256');
	const out = createWriteStream(file);
	const block = Buffer.alloc(1024 * 1024);
	for (let written = 0; written < size; written += block.length) {
		for (let offset = 0; offset < block.length; offset += 4) block.writeUInt32LE((written + offset) * 2654435761 >>> 0, offset);
		const chunk = block.subarray(0, Math.min(block.length, size - written));
		hash.update(chunk);
		if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
	return hash.digest('hex');
}

async function main(): Promise<void> {
	const config = JSON.parse(process.env.LARGE_TRANSFER_CONFIG ?? '{}') as TransferConfig;
	const binaryData = await useFilesystemBinaryData(join(config.workDir, 'n8n-binary-data'));
	const source = join(config.workDir, 'source.bin');
	const sourceSha256 = await writeSource(source, config.sizeBytes);
	const input = await binaryData.store({ type: 'execution', workflowId: 'large-file', executionId: 'input' }, createReadStream(source), {
		data: '',
		mimeType: 'application/octet-stream',
		fileName: 'scan.bin',
	});
	await rm(source);
	const store = new CredentialStore([config.credential]);
	const credential = store.get(String(config.credential.id));
	const run = async (parameters: INodeParameters, binary?: IBinaryData) =>
		await runWorkflow({
			workflow: manualWorkflow({ name: 'UiPath', type: 'n8n-nodes-uipath.uiPathOrchestrator', parameters, credentials: credentialsOf(credential) }),
			credentials: store,
			mode: 'trigger',
			startData: [{ json: {}, ...(binary ? { binary: { data: binary } } : {}) }],
		});

	global.gc?.();
	const baselineRssBytes = process.memoryUsage().rss;
	const transfers: TransferReport['transfers'] = [];
	for (const bucket of config.buckets) {
		const common = {
			authentication: config.credential.type,
			resource: 'bucketFile',
			folder: { __rl: true, mode: 'path', value: 'Shared' },
			bucket: { __rl: true, mode: 'name', value: bucket },
			path: config.path,
			binaryPropertyName: 'data',
		};
		const started = Date.now();
		const uploaded = await run({ ...common, operation: 'upload' }, input);
		const uploadMs = Date.now() - started;
		const downloaded = await run({ ...common, operation: 'download' });
		const downloadMs = Date.now() - started - uploadMs;
		const file = downloaded.items('UiPath')[0].binary?.data;
		if (!file?.id) throw new Error(`the download kept no binary data id: ${JSON.stringify(file)}`);
		const { hash, bytes } = await sha256(await binaryData.getAsStream(file.id));
		transfers.push({ bucket, uploaded: uploaded.json('UiPath')[0], downloadedSha256: hash, downloadedBytes: bytes, offloaded: file.data === 'filesystem-v2', uploadMs, downloadMs });
	}
	// The kernel's high-water mark of this process (ru_maxrss, in KiB on Linux).
	const peakRssBytes = process.resourceUsage().maxRSS * 1024;
	const report: TransferReport = { baselineRssBytes, peakRssBytes, sourceSha256, transfers };
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
