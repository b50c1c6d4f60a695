import { CredentialStore } from '../../harness';

import { BUCKETS } from '../../../sandbox/fixtures';
import { credentialFor, expectConformingRequests, locator, nodeError, NODE_NAME, SHARED, startSuite, type CredentialKind, type StoreName, type Suite } from './sandboxSuite';

/** An input item carrying a file in n8n's in-memory binary form (what a Read File or HTTP node hands on). */
function fileItem(content: string, fileName: string, mimeType: string, property = 'data') {
	return {
		json: { fileName },
		binary: { [property]: { data: Buffer.from(content).toString('base64'), mimeType, fileName } },
	};
}

const BUCKET_KINDS = [
	{ kind: 'kept by Orchestrator', name: BUCKETS.hosted, storage: /\/orchestrator_\/blobs_\//, requiresAuth: true },
	{ kind: 'in external storage', name: BUCKETS.external, storage: /^\/external-storage\//, requiresAuth: false },
];

describe.each<CredentialKind>(['clientCredentials', 'oauth2'])('bucket files with the %s credential', (credential) => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite([credential]);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: Parameters<Suite['run']>[1], options?: Parameters<Suite['run']>[2]) => await suite.run(credential, parameters, options);
	const bucketNamed = (name: string) => [...suite.sandbox.state.store.buckets.values()].find((bucket) => bucket.Name === name)!;
	const storageRequests = () => suite.sandbox.state.requests.filter((request) => /blobs_|external-storage/.test(request.path));

	it('storage bucket getAll lists the buckets of the folder, each paired with the input item', async () => {
		const result = await run({ resource: 'storageBucket', operation: 'getAll', folder: SHARED, returnAll: true });
		expect(result.json(NODE_NAME).map((bucket) => bucket.Name)).toEqual([BUCKETS.hosted, BUCKETS.external]);
		expect(result.json(NODE_NAME)[1]).toMatchObject({ StorageProvider: 'Azure', Identifier: expect.any(String) });
		expect(result.items(NODE_NAME).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const filtered = await run({ resource: 'storageBucket', operation: 'getAll', folder: SHARED, returnAll: true, filters: { name: 'Scan' } });
		expect(filtered.json(NODE_NAME).map((bucket) => bucket.Name)).toEqual([BUCKETS.external]);
	});

	describe.each(BUCKET_KINDS)('a bucket $kind', ({ name, storage, requiresAuth }) => {
		it('uploads an input item\'s binary field, lists it by prefix, downloads it as binary data and deletes it', async () => {
			const bucket = bucketNamed(name);
			const content = `%PDF-1.7 invoice for ${name} ${credential}`;
			const uploaded = await run(
				{ resource: 'bucketFile', operation: 'upload', folder: SHARED, bucket: locator('name', name), path: '/invoices/2026/INV-1.pdf', binaryPropertyName: 'scan' },
				{ items: [fileItem(content, 'INV-1.pdf', 'application/pdf', 'scan')] },
			);
			expect(uploaded.json(NODE_NAME)).toEqual([{ BucketId: bucket.Id, FullPath: 'invoices/2026/INV-1.pdf', ContentType: 'application/pdf', Size: content.length }]);
			expect(bucket.files.get('invoices/2026/INV-1.pdf')).toMatchObject({ ContentType: 'application/pdf', Size: content.length });
			const [put] = storageRequests();
			expect(put.method).toBe('PUT');
			expect(put.path).toMatch(storage);
			// RequiresAuth decides: the Orchestrator token for a bucket Orchestrator keeps, nothing for a pre-signed URI.
			expect(put.headers.authorization !== undefined).toBe(requiresAuth);
			if (!requiresAuth) expect(put.headers['x-ms-blob-type']).toBe('BlockBlob');
			const writeUri = suite.apiRequests().find((request) => request.path.endsWith('.GetWriteUri'));
			expect(writeUri?.query).toMatchObject({ path: 'invoices/2026/INV-1.pdf', contentType: 'application/pdf' });

			const listed = await run({ resource: 'bucketFile', operation: 'getAll', folder: SHARED, bucket: locator('id', String(bucket.Id)), prefix: 'invoices/20', returnAll: true });
			expect(listed.json(NODE_NAME)).toEqual([expect.objectContaining({ FullPath: 'invoices/2026/INV-1.pdf', Size: content.length, IsDirectory: false })]);
			const none = await run({ resource: 'bucketFile', operation: 'getAll', folder: SHARED, bucket: locator('id', String(bucket.Id)), prefix: 'receipts/', returnAll: true });
			expect(none.items(NODE_NAME)).toEqual([]);

			suite.sandbox.state.clearRequests();
			const downloaded = await run(
				{ resource: 'bucketFile', operation: 'download', folder: SHARED, bucket: locator('list', String(bucket.Id)), path: 'invoices/2026/INV-1.pdf', binaryPropertyName: 'file' },
				{ items: [{ n: 1 }] },
			);
			const [item] = downloaded.items(NODE_NAME);
			expect(item.json).toEqual({ BucketId: bucket.Id, FullPath: 'invoices/2026/INV-1.pdf', ContentType: 'application/pdf', Size: content.length });
			expect(item.binary?.file).toMatchObject({ fileName: 'INV-1.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
			expect(Buffer.from(item.binary?.file.data ?? '', 'base64').toString()).toBe(content);
			expect(item.pairedItem).toEqual({ item: 0 });
			const [get] = storageRequests();
			expect(get.method).toBe('GET');
			expect(get.headers.authorization !== undefined).toBe(requiresAuth);

			const deleted = await run({ resource: 'bucketFile', operation: 'delete', folder: SHARED, bucket: locator('name', name), path: 'invoices/2026/INV-1.pdf' });
			expect(deleted.json(NODE_NAME)).toEqual([{ BucketId: bucket.Id, FullPath: 'invoices/2026/INV-1.pdf', deleted: true }]);
			expect(bucket.files.size).toBe(0);
		});
	});

	it('refuses bad input before any request, naming the field and the item', async () => {
		suite.sandbox.state.clearRequests();
		const noBinary = await run(
			{ resource: 'bucketFile', operation: 'upload', folder: SHARED, bucket: locator('name', BUCKETS.hosted), path: 'a.txt', binaryPropertyName: 'data' },
			{ items: [{ not: 'a file' }] },
		);
		expect(nodeError(noBinary).message).toMatch(/binary file 'data'.*\[item 0\]/);
		const noPath = await run({ resource: 'bucketFile', operation: 'download', folder: SHARED, bucket: locator('name', BUCKETS.hosted), path: ' ' });
		expect(nodeError(noPath).message).toBe('File Path (path) in item 0 is required');
		const folderPath = await run({ resource: 'bucketFile', operation: 'delete', folder: SHARED, bucket: locator('name', BUCKETS.hosted), path: 'invoices/' });
		expect(nodeError(folderPath).message).toMatch(/File Path \(path\) in item 0 "invoices\/" names a folder/);
		// An expression gets past the editor's check of the By ID field; the node still refuses the value.
		const badId = await run({ resource: 'bucketFile', operation: 'getAll', folder: SHARED, bucket: locator('id', '={{ "Scans" }}'), returnAll: true });
		expect(nodeError(badId).message).toMatch(/Bucket \(bucket\) in item 0 "Scans" is not a bucket ID/);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('explains what UiPath answered: an unknown bucket name, a file that is not there', async () => {
		const unknown = await run({ resource: 'bucketFile', operation: 'download', folder: SHARED, bucket: locator('name', 'Nope'), path: 'a.txt' });
		expect(nodeError(unknown).message).toBe('No storage bucket named "Nope" in folder "Shared"');
		const missing = await run({ resource: 'bucketFile', operation: 'download', folder: SHARED, bucket: locator('name', BUCKETS.external), path: 'missing/a.txt' });
		const error = nodeError(missing);
		expect(error.message).toMatch(/File 'missing\/a.txt' does not exist in bucket 'Scans'/);
		expect(error.httpCode).toBe('404');
		expect(storageRequests().filter((request) => request.method === 'GET')).toEqual([]);
	});

	it('resends an upload from its start after the storage failed once; a storage that keeps failing is explained without the URI\'s signature', async () => {
		suite.sandbox.state.faults = [{ method: 'PUT', path: '/external-storage/', status5xxRate: 1, status5xx: 503, times: 1 }];
		const content = 'resent in full';
		const uploaded = await run(
			{ resource: 'bucketFile', operation: 'upload', folder: SHARED, bucket: locator('name', BUCKETS.external), path: 'retry/r.txt' },
			{ items: [fileItem(content, 'r.txt', 'text/plain')] },
		);
		expect(uploaded.json(NODE_NAME)[0]).toMatchObject({ Size: content.length });
		expect(bucketNamed(BUCKETS.external).files.get('retry/r.txt')?.Size).toBe(content.length);
		expect(storageRequests().filter((request) => request.method === 'PUT')).toHaveLength(2);

		suite.sandbox.state.faults = [{ method: 'GET', path: '/external-storage/', status5xxRate: 1, status5xx: 502, times: 4 }];
		const failed = await run({ resource: 'bucketFile', operation: 'download', folder: SHARED, bucket: locator('name', BUCKETS.external), path: 'retry/r.txt' });
		const error = nodeError(failed);
		expect(error.httpCode).toBe('502');
		expect(error.description).toMatch(/^the bucket's external storage \(127\.0\.0\.1:\d+\) refused GET for "retry\/r\.txt"/);
		expect(JSON.stringify({ message: error.message, description: error.description, context: error.context })).not.toMatch(/sig=/);
		suite.sandbox.state.faults = [];
		await run({ resource: 'bucketFile', operation: 'delete', folder: SHARED, bucket: locator('name', BUCKETS.external), path: 'retry/r.txt' });
	});

	it('a 403 names the scope buckets need', async () => {
		const withoutAdministration = 'withoutAdministration' as StoreName;
		const scope = 'OR.Folders.Read OR.Queues';
		suite.stores.set(withoutAdministration, new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope })]));
		const refused = await suite.run(withoutAdministration, { resource: 'storageBucket', operation: 'getAll', folder: SHARED, returnAll: true });
		expect(nodeError(refused)).toMatchObject({ httpCode: '403' });
		expect(nodeError(refused).description).toMatch(/needs the scope OR\.Administration or OR\.Administration\.Read/);
	});

	it('Continue On Fail pairs a failed item with its input and goes on with the next', async () => {
		const result = await run(
			{ resource: 'bucketFile', operation: 'upload', folder: SHARED, bucket: locator('name', BUCKETS.external), path: '={{ $json.path }}' },
			{ items: [{ path: 'one.txt' }, fileItem('two', 'two.txt', 'text/plain')].map((item, index) => (index === 1 ? { ...item, json: { path: 'two.txt' } } : item)), continueOnFail: true },
		);
		const items = result.items(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toMatch(/binary file 'data'/);
		expect(items[1].json).toMatchObject({ FullPath: 'two.txt', ContentType: 'text/plain', Size: 3 });
		await run({ resource: 'bucketFile', operation: 'delete', folder: SHARED, bucket: locator('name', BUCKETS.external), path: 'two.txt' });
	});
});
