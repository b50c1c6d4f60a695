/**
 * Job Start's Input Arguments as fields: the resource mapper's fields come from the process's argument metadata
 * (Release.Arguments.Input), and the values typed in (or mapped automatically from the item) are converted to the
 * argument types and checked before the start, through n8n-core against the sandbox.
 */
import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { CredentialStore } from '../../harness';
import { resourceMapping } from '../../../nodes/UiPathOrchestrator/methods';
import { PROCESSES } from '../../../sandbox/fixtures';
import { editorContext } from './editorContext';
import { credentialFor, expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

const FIELDS_VERSION = { typeVersion: 1.1 };

describe('job start with input arguments as fields', () => {
	let suite: Suite;
	let invoiceEchoFields: ResourceMapperField[];
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
		invoiceEchoFields = (await fieldsOf(PROCESSES.quick)).fields;
		suite.sandbox.state.clearRequests();
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const fieldsOf = async (process: string) =>
		await resourceMapping.getInputArgumentFields.call(
			editorContext(suite.stores.get('clientCredentials') as CredentialStore, { folder: SHARED, release: locator('name', process) }, 'parameters.inputArgumentFields'),
		);
	/** The parameter as n8n's editor saves it once the fields were loaded and filled in. */
	const mapped = (value: INodeParameters, mappingMode = 'defineBelow'): INodeParameters => ({
		mappingMode,
		value,
		matchingColumns: [],
		schema: invoiceEchoFields as unknown as INodeParameters[],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	});
	const start = (parameters: INodeParameters): INodeParameters => ({
		resource: 'job',
		operation: 'start',
		folder: SHARED,
		release: locator('name', PROCESSES.quick),
		...parameters,
	});
	const sentArguments = () =>
		suite
			.apiRequests()
			.filter((request) => request.path.endsWith('StartJobs'))
			.map((request) => JSON.parse(JSON.parse(request.body ?? '{}').startInfo.InputArguments as string) as unknown);

	it('the fields are the process\'s input arguments, each of its n8n type, required ones marked', () => {
		expect(invoiceEchoFields.map(({ id, displayName, type, required }) => [id, displayName, type, required])).toEqual([
			['InvoiceId', 'InvoiceId (String)', 'string', true],
			['Amount', 'Amount (Decimal)', 'number', false],
			['Quantity', 'Quantity (Int32)', 'number', false],
			['Approved', 'Approved (Boolean)', 'boolean', false],
			['DueDate', 'DueDate (DateTime)', 'dateTime', false],
			['Tags', 'Tags (String[])', 'array', false],
			['Metadata', 'Metadata (Collections.Generic.Dictionary)', 'object', false],
		]);
		expect(invoiceEchoFields.every((field) => field.display && !field.defaultMatch)).toBe(true);
	});

	it('a process without metadata, or with a type no field can hold, asks for JSON with a note', async () => {
		expect(await fieldsOf(PROCESSES.faulting)).toEqual({
			fields: [],
			emptyFieldsNotice: expect.stringMatching(/^The process publishes no argument metadata\. Choose JSON under Input Arguments Mode/),
		});
		expect((await fieldsOf(PROCESSES.slow)).emptyFieldsNotice).toMatch(/^Argument Lines has the type System\.Data\.DataTable, which cannot be shown as a field\. Choose JSON/);
		const release = suite.apiRequests()[0];
		expect(release.query).toMatchObject({ $filter: `Name eq '${PROCESSES.slow}'`.replace(PROCESSES.slow, PROCESSES.faulting), $select: 'Name,Arguments' });
		expect(await resourceMapping.getInputArgumentFields.call(editorContext(suite.stores.get('clientCredentials') as CredentialStore, { folder: SHARED }))).toEqual({
			fields: [],
			emptyFieldsNotice: 'Choose a process first: its input arguments appear here.',
		});
	});

	it('starts the job with each value converted to its argument\'s type (the default mode of a new node), reading the metadata once per execution', async () => {
		const result = await suite.run(
			'clientCredentials',
			start({
				inputArgumentFields: mapped({
					InvoiceId: '={{ $json.invoice }}',
					Amount: '={{ $json.amount }}',
					Quantity: 3,
					Approved: 'true',
					DueDate: '2026-12-31T09:00:00.000Z',
					Tags: '["urgent", "eu"]',
					Metadata: '={{ { source: "n8n" } }}',
				}),
				options: { waitForCompletion: true, pollInterval: 1 },
			}),
			{ ...FIELDS_VERSION, items: [{ invoice: 'INV-1', amount: '12.5' }, { invoice: 'INV-2', amount: 7 }] },
		);
		const expected = { Quantity: 3, Approved: true, DueDate: '2026-12-31T09:00:00.000Z', Tags: ['urgent', 'eu'], Metadata: { source: 'n8n' } };
		expect(sentArguments()).toEqual([
			{ InvoiceId: 'INV-1', Amount: 12.5, ...expected },
			{ InvoiceId: 'INV-2', Amount: 7, ...expected },
		]);
		expect(result.json(NODE_NAME).map((job) => [job.State, (job.OutputArguments as { Total: number }).Total])).toEqual([
			['Successful', 15.5],
			['Successful', 10],
		]);
		expect(suite.apiRequests().filter((request) => request.path.endsWith('/odata/Releases'))).toHaveLength(1);
	});

	it('maps the item\'s fields of the same names automatically, leaving out empty optional ones and other fields', async () => {
		await suite.run('clientCredentials', start({ inputArgumentFields: mapped({}, 'autoMapInputData') }), {
			...FIELDS_VERSION,
			items: [{ InvoiceId: 'INV-9', Quantity: '4', Approved: false, Tags: null, Customer: 'Northwind' }],
		});
		expect(sentArguments()).toEqual([{ InvoiceId: 'INV-9', Quantity: 4, Approved: false }]);
	});

	it.each([
		['a required argument without a value', { InvoiceId: '={{ "" }}' }, /^Input Arguments \(inputArgumentFields\) in item 0 has no value for InvoiceId, which the process requires/],
		['text for a number', { InvoiceId: 'INV-1', Quantity: '={{ "three" }}' }, /^Input Arguments \(inputArgumentFields\) in item 0 sets Quantity to "three": it must be a whole number from -2147483648 to 2147483647 \(Int32\)$/],
		['an array that is not JSON', { InvoiceId: 'INV-1', Tags: '={{ "[urgent" }}' }, / sets Tags to "\[urgent": it must be a JSON array such as \["a", "b"\]$/],
	])('bad input from an expression is refused before any request: %s', async (_name, value, message) => {
		const error = nodeError(await suite.run('clientCredentials', start({ inputArgumentFields: mapped(value) }), FIELDS_VERSION));
		expect(error.message).toMatch(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('what only the process\'s metadata can tell (a value for a field the stored schema lacks) is refused before the start', async () => {
		const schemaWithoutQuantity = mapped({ InvoiceId: 'INV-1', Quantity: 3.5 });
		schemaWithoutQuantity.schema = (schemaWithoutQuantity.schema as INodeParameters[]).filter((field) => field.id !== 'Quantity');
		const fraction = nodeError(await suite.run('clientCredentials', start({ inputArgumentFields: schemaWithoutQuantity }), FIELDS_VERSION));
		expect(fraction.message).toMatch(/ sets Quantity to 3\.5: it must be a whole number from -2147483648 to 2147483647 \(Int32\)$/);
		expect(suite.apiRequests().map((request) => `${request.method} ${request.path.replace(/^.*\/odata/, '/odata')}`)).toEqual(['GET /odata/Releases']);
	});

	it('a process without usable metadata starts with the JSON input arguments: none in fields mode, where the JSON is hidden', async () => {
		await suite.run('clientCredentials', start({ release: locator('name', PROCESSES.slow), inputArgumentsMode: 'fields', inputArguments: '{"Month":"2026-11"}' }), FIELDS_VERSION);
		await suite.run('clientCredentials', start({ release: locator('name', PROCESSES.slow), inputArgumentsMode: 'json', inputArguments: '{"Month":"2026-11"}' }), FIELDS_VERSION);
		expect(sentArguments()).toEqual([{}, { Month: '2026-11' }]);
	});

	it('a node saved before the fields existed (version 1) keeps JSON as its default and reads no metadata', async () => {
		await suite.run('clientCredentials', start({ inputArguments: '{"InvoiceId":"INV-OLD"}' }));
		expect(sentArguments()).toEqual([{ InvoiceId: 'INV-OLD' }]);
		expect(suite.apiRequests()).toHaveLength(1);
	});

	it('a UiPath error while reading the metadata is explained, and nothing is started', async () => {
		const full = suite.stores.get('clientCredentials') as CredentialStore;
		suite.stores.set('clientCredentials', new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope: 'OR.Folders.Read OR.Jobs' })]));
		try {
			const error = nodeError(await suite.run('clientCredentials', start({ inputArgumentFields: mapped({ InvoiceId: 'INV-1' }) }), FIELDS_VERSION));
			expect(error.httpCode).toBe('403');
			expect(error.description).toMatch(/needs the scope OR\.Execution or OR\.Execution\.Read/);
			expect(suite.apiRequests().some((request) => request.path.endsWith('StartJobs'))).toBe(false);
		} finally {
			suite.stores.set('clientCredentials', full);
		}
	});
});
