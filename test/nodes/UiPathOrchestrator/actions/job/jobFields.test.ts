import type { IDataObject } from 'n8n-workflow';

import { PROCESSES } from '../../../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type Suite } from '../../sandboxSuite';

describe('Job > Get and Get Many keep UiPath\'s fields', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 50 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it('JobError of a faulted job, and the Robot, Release and Machine it ran with', async () => {
		const started = await suite.run('clientCredentials', {
			resource: 'job',
			operation: 'start',
			folder: SHARED,
			release: locator('name', PROCESSES.faulting),
			options: { reference: 'fields-1' },
		});
		const id = Number(started.json(NODE_NAME)[0].Id);
		suite.sandbox.state.jobs.finish(id);
		const [job] = (await suite.run('clientCredentials', { resource: 'job', operation: 'get', folder: SHARED, jobId: String(id) })).json(NODE_NAME);
		expect(job).toMatchObject({
			State: 'Faulted',
			JobError: expect.objectContaining({ code: 'Robot', detail: expect.any(String) }),
			Robot: expect.objectContaining({ Name: expect.any(String) }),
			Release: expect.objectContaining({ Name: PROCESSES.faulting }),
			Machine: expect.objectContaining({ Name: expect.any(String) }),
		});
		const [listed] = (
			await suite.run('clientCredentials', { resource: 'job', operation: 'getAll', folder: SHARED, returnAll: true, filters: { reference: 'fields-1' } })
		).json(NODE_NAME);
		for (const field of ['JobError', 'Robot', 'Release', 'Machine']) expect(listed[field]).toEqual(job[field] as IDataObject);
		const reads = suite.apiRequests().filter((request) => /\/odata\/Jobs(\(\d+\))?$/.test(request.path) && request.method === 'GET');
		expect(reads.map((request) => request.query.$expand)).toEqual(['Robot,Release,Machine', 'Robot,Release,Machine']);
	});
});
