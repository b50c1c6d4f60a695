import { randomBytes, randomUUID } from 'crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync, type ReadStream } from 'fs';
import { rm, stat } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { TenantStore } from '../store/tenantStore';
import type { BlobFile, Bucket } from '../store/types';

/** What one URI from GetReadUri / GetWriteUri allows. */
export interface BlobGrant {
	store: TenantStore;
	bucket: Bucket;
	path: string;
	verb: 'GET' | 'PUT';
	/** Headers the uploader must send, as GetWriteUri listed them. */
	requiredHeaders: Record<string, string>;
	contentType?: string;
	expiresAt: number;
}

/** The bytes of every bucket file, on disk in a folder of its own, and the URIs handed out for them. */
export class BlobStorage {
	private readonly root = mkdtempSync(join(tmpdir(), 'uipath-sandbox-blobs-'));
	private readonly grants = new Map<string, BlobGrant>();

	/** A signature for a URI: random, unguessable, valid until `expiresAt`. */
	issue(grant: BlobGrant): string {
		const signature = randomBytes(24).toString('base64url');
		this.grants.set(signature, grant);
		return signature;
	}

	grant(signature: string | null): BlobGrant | undefined {
		return signature ? this.grants.get(signature) : undefined;
	}

	/** Lets tests see what an expired URI answers without waiting for it. */
	expireAll(): void {
		for (const grant of this.grants.values()) grant.expiresAt = 0;
	}

	/** Streams the upload to disk, then replaces the file of that path (if any). */
	async write(bucket: Bucket, path: string, contentType: string, source: Readable): Promise<BlobFile> {
		const diskPath = join(this.root, randomUUID());
		try {
			await pipeline(source, createWriteStream(diskPath));
		} catch (error) {
			await rm(diskPath, { force: true });
			throw error;
		}
		const previous = bucket.files.get(path);
		const file: BlobFile = { FullPath: path, ContentType: contentType, Size: (await stat(diskPath)).size, diskPath };
		bucket.files.set(path, file);
		if (previous) await rm(previous.diskPath, { force: true });
		return file;
	}

	/** Keeps a small text (a job's output kept as an attachment) as a file, at once. */
	writeText(bucket: Bucket, path: string, contentType: string, text: string): BlobFile {
		const diskPath = join(this.root, randomUUID());
		writeFileSync(diskPath, text, 'utf8');
		const file: BlobFile = { FullPath: path, ContentType: contentType, Size: Buffer.byteLength(text), diskPath };
		bucket.files.set(path, file);
		return file;
	}

	readText(file: BlobFile): string {
		return readFileSync(file.diskPath, 'utf8');
	}

	read(file: BlobFile): ReadStream {
		return createReadStream(file.diskPath);
	}

	async remove(bucket: Bucket, path: string): Promise<boolean> {
		const file = bucket.files.get(path);
		if (!file) return false;
		bucket.files.delete(path);
		await rm(file.diskPath, { force: true });
		return true;
	}

	close(): void {
		rmSync(this.root, { recursive: true, force: true });
	}
}
