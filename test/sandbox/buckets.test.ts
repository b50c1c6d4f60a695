import { BUCKETS, FOLDERS } from '../../sandbox/fixtures';
import { clientToken, type ODataList, sandboxSuite } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';

interface BlobFileAccess {
	Uri: string;
	Verb: string;
	RequiresAuth: boolean;
	Headers: { Keys: string[]; Values: string[] };
}

describe('sandbox Orchestrator: storage buckets and their file URIs', () => {
	const suite = sandboxSuite();
	const shared = { folder: FOLDERS.shared };
	const bucketId = async (name: string) => {
		const buckets = await suite.call<ODataList>('GET', '/odata/Buckets', { ...shared, query: { $filter: `Name eq '${name}'` } });
		return buckets.json.value[0].Id as number;
	};
	const access = async (name: string, action: 'GetReadUri' | 'GetWriteUri', path: string, query: Record<string, string | number> = {}) => {
		const answer = await suite.call<BlobFileAccess>('GET', `/odata/Buckets(${await bucketId(name)})/${ACTION}.${action}`, { ...shared, query: { path, ...query } });
		return answer.json;
	};
	const token = () => suite.sandbox.state.credentials.personalAccessToken;

	test('the Shared folder has a bucket kept by Orchestrator and one in external storage; others see neither', async () => {
		const buckets = await suite.call<ODataList>('GET', '/odata/Buckets', { ...shared, query: { $count: true } });
		expect(buckets.json.value.map((bucket) => [bucket.Name, bucket.StorageProvider])).toEqual([
			[BUCKETS.hosted, null],
			[BUCKETS.external, 'Azure'],
		]);
		expect((await suite.call<ODataList>('GET', '/odata/Buckets', { folder: FOLDERS.finance })).json.value).toEqual([]);
		const id = buckets.json.value[0].Id as number;
		expect((await suite.call('GET', `/odata/Buckets(${id})/${ACTION}.GetFiles`, { folder: FOLDERS.finance })).status).toBe(404);
	});

	test('buckets need OR.Administration (read) and OR.Administration (write) to delete', async () => {
		const queuesOnly = await clientToken(suite.sandbox, 'OR.Queues');
		expect((await suite.call('GET', '/odata/Buckets', { ...shared, token: queuesOnly })).status).toBe(403);
		const readOnly = await clientToken(suite.sandbox, 'OR.Administration.Read');
		expect((await suite.call('GET', '/odata/Buckets', { ...shared, token: readOnly })).status).toBe(200);
		const id = await bucketId(BUCKETS.hosted);
		const refused = await suite.call('DELETE', `/odata/Buckets(${id})/${ACTION}.DeleteFile`, { ...shared, token: readOnly, query: { path: 'a.txt' } });
		expect(refused.status).toBe(403);
	});

	test('an external bucket hands out pre-signed URIs that refuse an Authorization header and need the Azure header', async () => {
		const write = await access(BUCKETS.external, 'GetWriteUri', '/scans/a.txt', { contentType: 'text/plain' });
		expect(write).toMatchObject({ Verb: 'PUT', RequiresAuth: false, Headers: { Keys: ['x-ms-blob-type'], Values: ['BlockBlob'] } });
		expect(write.Uri).toMatch(/\/external-storage\/scans\/scans\/a\.txt\?sv=.*&sig=/);
		const withToken = await fetch(write.Uri, { method: 'PUT', headers: { Authorization: `Bearer ${token()}`, 'x-ms-blob-type': 'BlockBlob' }, body: 'x' });
		expect(withToken.status).toBe(400);
		expect(await withToken.text()).toMatch(/InvalidAuthenticationInfo/);
		expect((await fetch(write.Uri, { method: 'PUT', body: 'x' })).status).toBe(400);
		const put = await fetch(write.Uri, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'text/plain' }, body: 'scanned' });
		expect(put.status).toBe(201);
		const read = await access(BUCKETS.external, 'GetReadUri', 'scans/a.txt');
		expect(read).toMatchObject({ Verb: 'GET', RequiresAuth: false, Headers: { Keys: [], Values: [] } });
		const got = await fetch(read.Uri);
		expect([got.status, got.headers.get('content-type'), await got.text()]).toEqual([200, 'text/plain', 'scanned']);
		expect((await fetch(read.Uri.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
		expect((await fetch(read.Uri, { method: 'PUT', body: 'x' })).status).toBe(405);
	});

	test('a bucket kept by Orchestrator hands out URIs that require the Orchestrator token', async () => {
		const write = await access(BUCKETS.hosted, 'GetWriteUri', 'reports/r.csv');
		expect(write).toMatchObject({ Verb: 'PUT', RequiresAuth: true, Headers: { Keys: [], Values: [] } });
		expect(write.Uri.startsWith(suite.sandbox.state.credentials.orchestratorUrl)).toBe(true);
		expect((await fetch(write.Uri, { method: 'PUT', body: 'a,b' })).status).toBe(401);
		expect((await fetch(write.Uri, { method: 'PUT', headers: { Authorization: 'Bearer not-a-token' }, body: 'a,b' })).status).toBe(401);
		const put = await fetch(write.Uri, { method: 'PUT', headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'text/csv' }, body: 'a,b' });
		expect(put.status).toBe(201);
		const read = await access(BUCKETS.hosted, 'GetReadUri', 'reports/r.csv');
		expect((await fetch(read.Uri)).status).toBe(401);
		const got = await fetch(read.Uri, { headers: { Authorization: `Bearer ${token()}` } });
		expect([got.status, await got.text()]).toEqual([200, 'a,b']);
	});

	test('URIs expire', async () => {
		const read = await access(BUCKETS.hosted, 'GetReadUri', 'reports/r.csv', { expiryInMinutes: 5 });
		suite.sandbox.state.expireBucketUris();
		const expired = await fetch(read.Uri, { headers: { Authorization: `Bearer ${token()}` } });
		expect(expired.status).toBe(403);
		expect(await expired.text()).toMatch(/expired/);
	});

	test('GetFiles lists a directory, recursively or not, with a file name glob; DeleteFile removes a file', async () => {
		const id = await bucketId(BUCKETS.hosted);
		for (const path of ['docs/a.pdf', 'docs/b.txt', 'docs/2026/c.pdf']) {
			const write = await access(BUCKETS.hosted, 'GetWriteUri', path);
			await fetch(write.Uri, { method: 'PUT', headers: { Authorization: `Bearer ${token()}` }, body: path });
		}
		const list = async (query: Record<string, string | number | boolean>) =>
			(await suite.call<ODataList>('GET', `/odata/Buckets(${id})/${ACTION}.GetFiles`, { ...shared, query })).json.value.map((file) => file.FullPath);
		expect(await list({ directory: '/docs' })).toEqual(['docs/a.pdf', 'docs/b.txt']);
		expect(await list({ directory: '/docs', recursive: true, fileNameGlob: '*.pdf' })).toEqual(['docs/2026/c.pdf', 'docs/a.pdf']);
		expect(await list({ directory: '/', recursive: true, $filter: "startswith(FullPath, 'docs/2')" })).toEqual(['docs/2026/c.pdf']);
		const deleted = await suite.call('DELETE', `/odata/Buckets(${id})/${ACTION}.DeleteFile`, { ...shared, query: { path: 'docs/b.txt' } });
		expect(deleted.status).toBe(204);
		const again = await suite.call('DELETE', `/odata/Buckets(${id})/${ACTION}.DeleteFile`, { ...shared, query: { path: 'docs/b.txt' } });
		expect([again.status, again.json.message]).toEqual([404, "File 'docs/b.txt' does not exist in bucket 'Invoice Archive'."]);
		const missing = await suite.call('GET', `/odata/Buckets(${id})/${ACTION}.GetReadUri`, { ...shared, query: { path: 'docs/b.txt' } });
		expect(missing.status).toBe(404);
	});

	test('the request record keeps no bucket file bodies', async () => {
		const write = await access(BUCKETS.external, 'GetWriteUri', 'big/record.bin');
		await fetch(write.Uri, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: Buffer.alloc(64 * 1024, 7) });
		const recorded = suite.sandbox.state.requests.find((request) => request.path.endsWith('/big/record.bin'));
		expect(recorded).toMatchObject({ method: 'PUT', status: 201, body: '' });
	});
});
