import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { clientToken, sandboxSuite, type ODataList } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';
const shared = { folder: FOLDERS.shared };

interface BlobFileAccess {
	Uri: string;
	Verb?: string;
	RequiresAuth: boolean;
	Headers: { Keys: string[]; Values: string[] };
}
type AttachmentAnswer = { Id: string; Name: string; BlobFileAccess: BlobFileAccess };

describe('sandbox attachments (/odata/Attachments) and job arguments kept as files', () => {
	const suite = sandboxSuite({ timeScale: 100 });

	afterEach(() => {
		suite.sandbox.state.attachments.storage = 'orchestrator';
		suite.sandbox.state.attachments.outputFileAbove = 10_000;
	});

	/** POST /odata/Attachments, then the upload to the URI it answered, as uipath-python's AttachmentsService.upload does. */
	async function upload(text: string): Promise<AttachmentAnswer> {
		const created = await suite.call<AttachmentAnswer>('POST', '/odata/Attachments', { ...shared, body: { Name: 'input.json' } });
		expect(created.status).toBe(201);
		const access = created.json.BlobFileAccess;
		const headers: Record<string, string> = Object.fromEntries(access.Headers.Keys.map((key, index) => [key, access.Headers.Values[index]]));
		if (access.RequiresAuth) headers.Authorization = `Bearer ${suite.sandbox.state.credentials.personalAccessToken}`;
		const put = await fetch(access.Uri, { method: access.Verb, headers, body: text });
		expect(put.status).toBe(201);
		return created.json;
	}

	async function download(id: string): Promise<{ access: BlobFileAccess; status: number; text: string }> {
		const read = await suite.call<AttachmentAnswer>('GET', `/odata/Attachments(${id})`, shared);
		expect(read.status).toBe(200);
		const access = read.json.BlobFileAccess;
		const headers: Record<string, string> = access.RequiresAuth ? { Authorization: `Bearer ${suite.sandbox.state.credentials.personalAccessToken}` } : {};
		const response = await fetch(access.Uri, { method: access.Verb, headers });
		return { access, status: response.status, text: await response.text() };
	}

	test('an uploaded attachment reads back through the URI its GET answers (Orchestrator storage: token required)', async () => {
		const created = await upload('{"a":1}');
		expect(created.BlobFileAccess).toMatchObject({ Verb: 'PUT', RequiresAuth: true, Headers: { Keys: [], Values: [] } });
		const read = await download(created.Id);
		expect(read).toMatchObject({ status: 200, text: '{"a":1}', access: { Verb: 'GET', RequiresAuth: true } });
		const withoutToken = await fetch(read.access.Uri);
		expect(withoutToken.status).toBe(401);
	});

	test('external storage hands out pre-signed URIs that refuse a token and need the blob type header', async () => {
		suite.sandbox.state.attachments.storage = 'external';
		const created = await upload('{"b":2}');
		expect(created.BlobFileAccess).toMatchObject({ RequiresAuth: false, Headers: { Keys: ['x-ms-blob-type'], Values: ['BlockBlob'] } });
		expect(new URL(created.BlobFileAccess.Uri).pathname).toMatch(/^\/external-storage\//);
		const read = await download(created.Id);
		expect(read).toMatchObject({ status: 200, text: '{"b":2}', access: { RequiresAuth: false } });
		const withToken = await fetch(read.access.Uri, { headers: { Authorization: 'Bearer x' } });
		expect(withToken.status).toBe(400);
	});

	test('the routes ask for the scopes orchestrator.yaml names: OR.Folders(.Write) to create, OR.Folders(.Read) to read', async () => {
		const readOnly = await clientToken(suite.sandbox, 'OR.Folders.Read OR.Jobs');
		const refused = await suite.call('POST', '/odata/Attachments', { ...shared, token: readOnly, body: { Name: 'x.json' } });
		expect(refused.status).toBe(403);
		expect(refused.json.message).toMatch(/OR\.Folders or OR\.Folders\.Write/);
		const created = await upload('{}');
		expect((await suite.call('GET', `/odata/Attachments(${created.Id})`, { ...shared, token: readOnly })).status).toBe(200);
		const jobsOnly = await clientToken(suite.sandbox, 'OR.Jobs');
		expect((await suite.call('GET', `/odata/Attachments(${created.Id})`, { ...shared, token: jobsOnly })).status).toBe(403);
	});

	test('an attachment is found only in its folder, and a missing one answers 404', async () => {
		const created = await upload('{}');
		expect((await suite.call('GET', `/odata/Attachments(${created.Id})`, { folder: FOLDERS.finance })).status).toBe(404);
		expect((await suite.call('GET', '/odata/Attachments(00000000-0000-0000-0000-000000000000)', shared)).status).toBe(404);
		expect((await suite.call('DELETE', `/odata/Attachments(${created.Id})`, shared)).status).toBe(204);
		expect((await suite.call('GET', `/odata/Attachments(${created.Id})`, shared)).status).toBe(404);
	});

	test('StartJobs takes InputFile: the robot reads the file, the job keeps InputArguments null and the file id', async () => {
		const input = { InvoiceId: 'INV-50', Notes: 'x'.repeat(50_000) };
		const file = await upload(JSON.stringify(input));
		const started = await suite.call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
			...shared,
			body: { startInfo: { ReleaseName: PROCESSES.quick, JobsCount: 1, Strategy: 'ModernJobsCount', InputFile: file.Id } },
		});
		expect(started.status).toBe(201);
		expect(started.json.value[0]).toMatchObject({ InputArguments: null, InputFile: file.Id });
		const id = started.json.value[0].Id as number;
		suite.sandbox.state.jobs.finish(id);
		const job = await suite.call('GET', `/odata/Jobs(${id})`, shared);
		// Output above 10,000 characters: kept as a file, as Orchestrator keeps it.
		expect(job.json).toMatchObject({ State: 'Successful', OutputArguments: null });
		const output = await download(String(job.json.OutputFile));
		expect(JSON.parse(output.text)).toEqual({ ...input, Total: 0 });
	});

	test('output at or below the size the tests set stays inline; above it becomes an OutputFile', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 30;
		const start = async (invoice: string) => {
			const started = await suite.call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, {
				...shared,
				body: { startInfo: { ReleaseName: PROCESSES.quick, InputArguments: JSON.stringify({ InvoiceId: invoice }) } },
			});
			suite.sandbox.state.jobs.finish(started.json.value[0].Id as number);
			return (await suite.call('GET', `/odata/Jobs(${started.json.value[0].Id})`, shared)).json;
		};
		// {"InvoiceId":"A","Total":0} is 27 characters.
		expect(await start('A')).toMatchObject({ OutputArguments: '{"InvoiceId":"A","Total":0}', OutputFile: null });
		const large = await start('A-LONGER-INVOICE-ID');
		expect(large).toMatchObject({ OutputArguments: null, OutputFile: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(JSON.parse((await download(String(large.OutputFile))).text)).toEqual({ InvoiceId: 'A-LONGER-INVOICE-ID', Total: 0 });
	});

	test('InputArguments and InputFile together, an unknown InputFile and a file never uploaded are refused', async () => {
		const file = await upload('{"a":1}');
		const start = (startInfo: Record<string, unknown>) =>
			suite.call('POST', `/odata/Jobs/${ACTION}.StartJobs`, { ...shared, body: { startInfo: { ReleaseName: PROCESSES.quick, ...startInfo } } });
		const both = await start({ InputArguments: '{"a":1}', InputFile: file.Id });
		expect(both.status).toBe(400);
		expect(both.json.message).toMatch(/InputArguments or startInfo\.InputFile, not both/);
		expect((await start({ InputFile: '00000000-0000-0000-0000-000000000000' })).status).toBe(404);
		const empty = await suite.call<AttachmentAnswer>('POST', '/odata/Attachments', { ...shared, body: { Name: 'never.json' } });
		const notUploaded = await start({ InputFile: empty.json.Id });
		expect(notUploaded.status).toBe(400);
		expect(notUploaded.json.message).toMatch(/Nothing was uploaded/);
	});
});

describe('sandbox answer variants', () => {
	const suite = sandboxSuite({ rateLimit: { requests: 1, perSeconds: 5 }, variants: { retryAfter: 'httpDate', errorEnvelope: 'legacy' } });

	test('Retry-After as an HTTP date and the older error envelope, when switched on', async () => {
		await suite.call('GET', '/odata/Jobs', shared);
		const refused = await suite.call('GET', '/odata/Jobs', shared);
		expect(refused.status).toBe(429);
		const until = Date.parse(String(refused.headers.get('retry-after')));
		expect(until - Date.now()).toBeGreaterThan(3000);
		expect(refused.json).toMatchObject({ success: false, __abp: true, error: { details: expect.stringMatching(/Too many requests/) } });
	});
});
