import type { INodeParameters } from 'n8n-workflow';

import type { AnswerVariants, RecordedRequest } from '../../../../sandbox';
import { PROCESSES } from '../../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from '../sandboxSuite';

/**
 * Answer shapes UiPath's own clients tolerate (docs/large-arguments.md says where each was seen), each served by a
 * switch of the sandbox (`state.variants`) and handled by the node run through n8n-core.
 */

const startAndWait = (inputArguments: string): INodeParameters => ({
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	inputArguments,
	options: { waitForCompletion: true, pollInterval: 1 },
});

const isAttachmentRoute = (request: RecordedRequest) => /\/odata\/Attachments/.test(request.path);
const isFileTransfer = (request: RecordedRequest) => /\/blobs_\/|\/external-storage\//.test(request.path);
const large = JSON.stringify({ InvoiceId: 'INV-V', Notes: 'v'.repeat(12_000) });

describe('answer shapes UiPath\'s clients tolerate, through the sandbox\'s switches', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 50 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => {
		for (const key of Object.keys(suite.sandbox.state.variants)) delete suite.sandbox.state.variants[key as keyof AnswerVariants];
		suite.sandbox.state.attachments.storage = 'orchestrator';
		suite.sandbox.state.attachments.outputFileAbove = 10_000;
		suite.sandbox.state.rateLimit = undefined;
		await expectConformingRequests(suite);
	});
	const requests = () => suite.sandbox.state.requests;

	it('BlobFileAccess without Verb (uipath-python\'s mocks): PUT to upload an InputFile, GET to read an OutputFile', async () => {
		suite.sandbox.state.variants.blobAccessWithoutVerb = true;
		const result = await suite.run('clientCredentials', startAndWait(large));
		const [job] = result.json(NODE_NAME);
		expect((job.OutputArguments as { Notes: string }).Notes).toHaveLength(12_000);
		expect(requests().filter(isAttachmentRoute).every((request) => !/"Verb"/.test(request.responseBody))).toBe(true);
		// The read's status may not be recorded yet when the node has the whole file: the methods tell the directions.
		expect(requests().filter(isFileTransfer).map((request) => request.method)).toEqual(['PUT', 'GET']);
	});

	it('Headers with more Keys than Values (zipped, not strict): the key without a value is left out, the others sent', async () => {
		suite.sandbox.state.variants.blobHeadersUneven = true;
		suite.sandbox.state.attachments.storage = 'external';
		const result = await suite.run('clientCredentials', startAndWait(large));
		expect(result.json(NODE_NAME)[0].State).toBe('Successful');
		const [upload] = requests().filter((request) => isFileTransfer(request) && request.method === 'PUT');
		expect(upload.headers['x-ms-blob-type']).toBe('BlockBlob');
		expect(upload.headers).not.toHaveProperty('x-ms-client-request-id');
		expect(upload.headers.authorization).toBeUndefined();
	});

	it('StartJobs answered 200 instead of 201 starts one job, with no lookup and no second start', async () => {
		suite.sandbox.state.variants.startJobsStatus = 200;
		const result = await suite.run('clientCredentials', { ...startAndWait('{"InvoiceId":"INV-200"}'), options: { reference: 'status-200' } });
		expect(result.json(NODE_NAME)).toEqual([expect.objectContaining({ Reference: 'status-200', State: 'Pending' })]);
		const jobRequests = suite.apiRequests().filter((request) => /\/odata\/Jobs/.test(request.path));
		expect(jobRequests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 200']);
	});

	it('Retry-After as an HTTP date is waited for, as Retry-After in seconds is', async () => {
		await suite.run('clientCredentials', { ...startAndWait('{"InvoiceId":"INV-429"}'), options: {} });
		suite.sandbox.state.clearRequests();
		suite.sandbox.state.variants.retryAfter = 'httpDate';
		suite.sandbox.state.rateLimit = { requests: 1, perSeconds: 3 };
		const result = await suite.run('clientCredentials', { resource: 'job', operation: 'getAll', folder: SHARED, limit: 1 }, { items: [{ n: 1 }, { n: 2 }] });
		expect(result.items(NODE_NAME).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const listings = suite.apiRequests().filter((request) => request.path.endsWith('/odata/Jobs'));
		expect(listings.map((request) => request.status)).toEqual([200, 429, 200]);
		const [, refused, retry] = listings;
		// Longer than the node's 1 s fallback: only reading the date makes one retry enough.
		expect(retry.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(2000);
	});

	it('job fields sent as "" instead of null: inline output read as it is, an output kept as a file read from it', async () => {
		suite.sandbox.state.variants.blankForNull = true;
		const inline = await suite.run('clientCredentials', startAndWait('{"InvoiceId":"INV-BLANK"}'));
		expect(inline.json(NODE_NAME)[0]).toMatchObject({ OutputArguments: { InvoiceId: 'INV-BLANK', Total: 0 }, OutputFile: '', InputFile: '' });
		expect(requests().filter(isAttachmentRoute)).toEqual([]);
		suite.sandbox.state.attachments.outputFileAbove = 10;
		const kept = await suite.run('clientCredentials', startAndWait('{"InvoiceId":"INV-BLANK-FILE"}'));
		expect(kept.json(NODE_NAME)[0].OutputArguments).toEqual({ InvoiceId: 'INV-BLANK-FILE', Total: 0 });
		expect(requests().filter(isAttachmentRoute)).toHaveLength(1);
	});

	it.each<[NonNullable<AnswerVariants['errorEnvelope']>, RegExp]>([
		['current', /^Job 999999 does not exist\. \[error 1002\]$/],
		['legacy', /^NotFound \(Job 999999 does not exist\.\) \[error 1002\]$/],
		['pascalCase', /^Job 999999 does not exist\.$/],
		['problemDetails', /^One or more validation errors occurred\. \(request: Job 999999 does not exist\.\)$/],
		['errorMessage', /^Job 999999 does not exist\.$/],
	])('an error in the %s envelope keeps UiPath\'s reason in the message, and the HTTP status', async (envelope, message) => {
		suite.sandbox.state.variants.errorEnvelope = envelope;
		const error = nodeError(await suite.run('clientCredentials', { resource: 'job', operation: 'get', folder: SHARED, jobId: '999999' }));
		expect(error.message).toMatch(message);
		expect(error.httpCode).toBe('404');
	});
});
