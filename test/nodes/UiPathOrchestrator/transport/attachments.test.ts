import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../../../../sandbox';
import { PROCESSES } from '../../../../sandbox/fixtures';
import { credentialFor, expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from '../sandboxSuite';
import { CredentialStore } from '../../../harness';

/** Job arguments too large to travel inline, through the node run by n8n-core against the sandbox. */

const start = (inputArguments: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	inputArguments,
	options: { waitForCompletion: true, pollInterval: 1, ...options },
});

const isAttachmentRoute = (request: RecordedRequest) => /\/odata\/Attachments/.test(request.path);
const isFileTransfer = (request: RecordedRequest) => /\/blobs_\/|\/external-storage\//.test(request.path);

describe('job arguments kept as attachments', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 50 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10_000;
		suite.sandbox.state.attachments.storage = 'orchestrator';
		suite.sandbox.state.faults = [];
		await expectConformingRequests(suite);
	});

	const requests = () => suite.sandbox.state.requests;

	it('Start + wait outputs OutputArguments parsed from the OutputFile, read once, with the token where RequiresAuth says', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		const result = await suite.run('clientCredentials', start('{"InvoiceId":"INV-1","Amount":2.5}'));
		const [job] = result.json(NODE_NAME);
		expect(job).toMatchObject({ State: 'Successful', OutputArguments: { InvoiceId: 'INV-1', Amount: 2.5, Total: 2.5 } });
		expect(job.OutputFile).toMatch(/^[0-9a-f-]{36}$/);
		const reads = requests().filter(isAttachmentRoute);
		expect(reads.map((request) => `${request.method} ${request.path.replace(/^.*\/odata/, '/odata')}`)).toEqual([`GET /odata/Attachments(${String(job.OutputFile)})`]);
		const transfers = requests().filter(isFileTransfer);
		expect(transfers).toHaveLength(1);
		expect(transfers[0].headers.authorization).toMatch(/^Bearer /);
	});

	it('a job with inline output arguments reads no attachment', async () => {
		const result = await suite.run('clientCredentials', start('{"InvoiceId":"INV-2"}'));
		expect(result.json(NODE_NAME)[0]).toMatchObject({ OutputArguments: { InvoiceId: 'INV-2', Total: 0 }, OutputFile: null });
		expect(requests().filter((request) => isAttachmentRoute(request) || isFileTransfer(request))).toEqual([]);
	});

	it('a pre-signed URI of external storage (RequiresAuth false) is read without any token', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		suite.sandbox.state.attachments.storage = 'external';
		const result = await suite.run('clientCredentials', start('{"InvoiceId":"INV-3"}'));
		expect(result.json(NODE_NAME)[0].OutputArguments).toEqual({ InvoiceId: 'INV-3', Total: 0 });
		const [transfer] = requests().filter(isFileTransfer);
		expect(transfer.path).toMatch(/^\/external-storage\//);
		expect(transfer.headers.authorization).toBeUndefined();
	});

	it('Wait, Get and Get Many give the parsed output of a job kept as OutputFile, one read per job', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		const started = await suite.run('clientCredentials', { ...start('{"InvoiceId":"INV-4"}'), jobsCount: 2, options: { reference: 'files-4' } });
		const ids = started.json(NODE_NAME).map((job) => String(job.Id));
		suite.sandbox.state.jobs.finishAll();
		suite.sandbox.state.clearRequests();
		const expected = { InvoiceId: 'INV-4', Total: 0 };
		const wait = await suite.run('clientCredentials', { resource: 'job', operation: 'wait', folder: SHARED, jobId: ids[0] });
		expect(wait.json(NODE_NAME)[0].OutputArguments).toEqual(expected);
		const get = await suite.run('clientCredentials', { resource: 'job', operation: 'get', folder: SHARED, jobId: ids[1] });
		expect(get.json(NODE_NAME)[0].OutputArguments).toEqual(expected);
		expect(requests().filter(isAttachmentRoute)).toHaveLength(2);
		suite.sandbox.state.clearRequests();
		const list = await suite.run('clientCredentials', { resource: 'job', operation: 'getAll', folder: SHARED, returnAll: true, filters: { reference: 'files-4' } });
		expect(list.json(NODE_NAME).map((job) => job.OutputArguments)).toEqual([expected, expected]);
		expect(requests().filter(isAttachmentRoute)).toHaveLength(2);
	});

	it('Get Many still finds the OutputFile when the list answer leaves the large fields out', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		suite.sandbox.state.omittedFromLists.Jobs = ['OutputArguments', 'OutputFile'];
		try {
			const started = await suite.run('clientCredentials', { ...start('{"InvoiceId":"INV-5"}'), options: { reference: 'files-5' } });
			suite.sandbox.state.jobs.finish(Number(started.json(NODE_NAME)[0].Id));
			const list = await suite.run('clientCredentials', { resource: 'job', operation: 'getAll', folder: SHARED, returnAll: true, filters: { reference: 'files-5' } });
			expect(list.json(NODE_NAME)[0].OutputArguments).toEqual({ InvoiceId: 'INV-5', Total: 0 });
		} finally {
			delete suite.sandbox.state.omittedFromLists.Jobs;
		}
	});

	it('a redirect from the file URI is not followed, and the item fails naming the attachment', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		suite.sandbox.state.faults = [{ path: '/blobs_/', redirect: { status: 302, location: 'http://127.0.0.1:9/elsewhere' } }];
		const error = nodeError(await suite.run('clientCredentials', start('{"InvoiceId":"INV-6"}')));
		expect(`${error.message} ${error.description ?? ''}`).toMatch(/attachment [0-9a-f-]{36}/);
		expect(requests().filter((request) => request.path === '/elsewhere')).toEqual([]);
	});

	it('50,000 characters of input go as one InputFile (never with InputArguments) and the job echoes them intact', async () => {
		const notes = 'n'.repeat(50_000);
		const result = await suite.run('clientCredentials', start(`={{ JSON.stringify({ InvoiceId: "INV-50", Notes: "${'n'.repeat(10)}".repeat(5000) }) }}`));
		const [job] = result.json(NODE_NAME);
		expect(job.State).toBe('Successful');
		expect((job.OutputArguments as { Notes: string }).Notes).toBe(notes);
		expect(job.InputArguments).toBeNull();
		const [startJobs] = requests().filter((request) => request.path.endsWith('.StartJobs'));
		const startInfo = JSON.parse(startJobs.body).startInfo as Record<string, unknown>;
		expect(startInfo.InputArguments).toBeUndefined();
		expect(startInfo.InputFile).toBe(job.InputFile);
		expect(requests().filter((request) => request.method === 'POST' && isAttachmentRoute(request))).toHaveLength(1);
	});

	it('input of exactly 10,000 characters still goes inline', async () => {
		const body = JSON.stringify({ InvoiceId: 'INV-7', Notes: '' });
		const exact = JSON.stringify({ InvoiceId: 'INV-7', Notes: 'x'.repeat(10_000 - body.length) });
		expect(exact).toHaveLength(10_000);
		await suite.run('clientCredentials', { ...start(exact), options: {} });
		const [startJobs] = requests().filter((request) => request.path.endsWith('.StartJobs'));
		expect(JSON.parse(startJobs.body).startInfo.InputArguments).toBe(exact);
		expect(requests().filter(isAttachmentRoute)).toEqual([]);
	});

	it.each([
		['its answer is lost after the job was created', { dropAfterCreate: true }, 1],
		['it fails with 503 before any job exists', { status5xxRate: 1, status5xx: 503 as const }, 2],
	])('an ambiguous start (%s) uploads the input once and starts one job', async (_case, fault, startRequests) => {
		suite.sandbox.state.faults = [{ method: 'POST', path: '.StartJobs', times: 1, ...fault }];
		const reference = `once-${startRequests}`;
		const result = await suite.run('clientCredentials', { ...start(JSON.stringify({ InvoiceId: 'INV-8', Notes: 'y'.repeat(20_000) })), options: { reference } });
		expect(result.json(NODE_NAME)).toHaveLength(1);
		expect(requests().filter((request) => request.method === 'POST' && isAttachmentRoute(request))).toHaveLength(1);
		const starts = requests().filter((request) => request.path.endsWith('.StartJobs'));
		expect(starts).toHaveLength(startRequests);
		expect(new Set(starts.map((request) => JSON.parse(request.body).startInfo.InputFile)).size).toBe(1);
		expect([...suite.sandbox.state.store.jobs.values()].filter((job) => job.Reference === reference)).toHaveLength(1);
	});

	it('a credential without OR.Folders is told which scope reading the attachment needs', async () => {
		suite.sandbox.state.attachments.outputFileAbove = 10;
		const scope = suite.sandbox.state.credentials.clientCredentials.scope.replace(/OR\.Folders\.\w+ ?/g, '');
		suite.stores.set('folderUser', new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope })]));
		const error = nodeError(await suite.run('folderUser', { ...start('{"InvoiceId":"INV-9"}') }));
		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/OR\.Folders or OR\.Folders\.Read/);
	});
});
