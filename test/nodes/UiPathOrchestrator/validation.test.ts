import type { INodeParameters } from 'n8n-workflow';

import { PROCESSES } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

const start = (overrides: INodeParameters): INodeParameters => ({
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	...overrides,
});

/** Each bad input, the parameter the message must name, and what it must say. Expressions get past n8n's own required-field check, as they do in real workflows. */
const BAD_INPUTS: Array<[string, INodeParameters, RegExp]> = [
	['input arguments that are not JSON', start({ inputArguments: '={{ "{ InvoiceId: 1" }}' }), /^Input Arguments \(inputArguments\) in item 0 is not valid JSON/],
	['input arguments that are an array', start({ inputArguments: '[1, 2]' }), /^Input Arguments \(inputArguments\) in item 0 must be a JSON object, not an array/],
	['input arguments that are a string', start({ inputArguments: '"just text"' }), /^Input Arguments \(inputArguments\) in item 0 must be a JSON object, not a string/],
	// Robot IDs is shown (and kept by n8n) only for Specific Robots, or when the strategy is an expression.
	['robot IDs with another strategy', start({ strategy: '={{ "ModernJobsCount" }}', robotIds: '4001' }), /^Robot IDs \(robotIds\) in item 0 is only allowed with the Specific Robots strategy, not ModernJobsCount/],
	['the Specific strategy without robot IDs', start({ strategy: 'Specific', robotIds: '' }), /^Robot IDs \(robotIds\) in item 0 is required with the Specific Robots strategy/],
	['robot IDs that are not numbers', start({ strategy: 'Specific', robotIds: '4001, Robot-02' }), /^Robot IDs \(robotIds\) in item 0 holds "Robot-02"/],
	['a strategy UiPath does not know', start({ strategy: '={{ "Everyone" }}' }), /^Strategy \(strategy\) in item 0 "Everyone" is not one of ModernJobsCount, JobsCount, Specific, All, RobotCount/],
	['a missing folder', start({ folder: locator('id', '={{ "" }}') }), /^Folder \(folder\) in item 0 is required/],
	['a folder ID that is not a number', start({ folder: locator('id', '={{ "Shared" }}') }), /^Folder \(folder\) in item 0 "Shared" is not a folder ID/],
	['a missing folder on a list operation', { resource: 'robot', operation: 'getAll', folder: locator('path', '={{ "" }}') }, /^Folder \(folder\) in item 0 is required/],
	['a job ID that is neither Id nor Key', { resource: 'job', operation: 'get', folder: SHARED, jobId: 'job-7' }, /^Job ID \(jobId\) in item 0 "job-7" is neither/],
	['specific content that is not an object', { resource: 'queueItem', operation: 'add', folder: SHARED, queue: locator('name', 'Invoices'), specificContent: '[]' }, /^Specific Content \(specificContent\) in item 0 must be a JSON object/],
	['a reference over 128 characters', start({ options: { reference: '={{ "r".repeat(129) }}' } }), /^Reference \(options.reference\) in item 0 is longer than 128/],
];

describe('bad input is refused before any request, naming the item and the parameter', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it.each(BAD_INPUTS)('%s', async (_name, parameters, message) => {
		const result = await suite.run('clientCredentials', parameters);
		const error = nodeError(result);
		expect(error.message).toMatch(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('names the item that is wrong, after the good items before it ran', async () => {
		const result = await suite.run(
			'clientCredentials',
			start({ inputArguments: '={{ $json.args }}' }),
			{ items: [{ args: '{"InvoiceId":"OK-1"}' }, { args: '{"InvoiceId":"OK-2"}' }, { args: '{broken' }] },
		);
		const error = nodeError(result);
		expect(error.message).toMatch(/^Input Arguments \(inputArguments\) in item 2 is not valid JSON/);
		expect(error.context?.itemIndex).toBe(2);
		expect(suite.apiRequests().filter((request) => request.path.endsWith('StartJobs'))).toHaveLength(2);
	});

	it('with continueOnFail each bad item becomes a paired { error } item and the others run', async () => {
		const result = await suite.run(
			'clientCredentials',
			start({ inputArguments: '={{ $json.args }}', strategy: '={{ "ModernJobsCount" }}', robotIds: '={{ $json.robots }}' }),
			{
				items: [{ args: '{"InvoiceId":"A"}', robots: '' }, { args: '[]', robots: '' }, { args: '{}', robots: '4001' }, { args: '{"InvoiceId":"D"}', robots: '' }],
				continueOnFail: true,
			},
		);
		const items = result.items(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json).toMatchObject({ InputArguments: { InvoiceId: 'A' } });
		expect(items[1].json.error).toMatch(/^Input Arguments \(inputArguments\) in item 1 must be a JSON object/);
		expect(items[2].json.error).toMatch(/^Robot IDs \(robotIds\) in item 2 is only allowed with the Specific Robots strategy/);
		expect(items[3].json).toMatchObject({ InputArguments: { InvoiceId: 'D' } });
		expect(suite.apiRequests().filter((request) => request.path.endsWith('StartJobs'))).toHaveLength(2);
	});
});
