/**
 * Automation Cloud may leave large data fields out of list answers. The sandbox does so when told
 * (`state.omittedFromLists`), and the node completes each listed entity from its single-entity route rather than
 * emitting it without the field its output promises.
 */
import { expectConformingRequests, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

describe('list answers without large data fields', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { seed: { jobs: 3 } });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => {
		for (const set of Object.keys(suite.sandbox.state.omittedFromLists)) delete suite.sandbox.state.omittedFromLists[set];
		await expectConformingRequests(suite);
	});

	const paths = () => suite.apiRequests().map((request) => request.path.replace(/^.*\/orchestrator_/, ''));

	it('Job → Get Many completes InputArguments and OutputArguments from Jobs(Id)', async () => {
		suite.sandbox.state.omittedFromLists.Jobs = ['InputArguments', 'OutputArguments'];
		const result = await suite.run('clientCredentials', { resource: 'job', operation: 'getAll', folder: SHARED, limit: 3 });
		const jobs = result.json(NODE_NAME);
		expect(jobs).toHaveLength(3);
		for (const job of jobs) {
			const stored = suite.sandbox.state.store.jobs.get(job.Id as number);
			expect(job.InputArguments).toEqual(JSON.parse(String(stored?.InputArguments)));
			expect(job.OutputArguments).toEqual(stored?.OutputArguments ? JSON.parse(stored.OutputArguments) : null);
		}
		expect(paths()).toEqual(['/odata/Jobs', ...jobs.map((job) => `/odata/Jobs(${String(job.Id)})`)]);
	});

	it('Queue Item → Get Many completes SpecificContent from QueueItems(Id); complete answers cost nothing extra', async () => {
		suite.sandbox.state.omittedFromLists.QueueItems = ['SpecificContent'];
		const result = await suite.run('clientCredentials', { resource: 'queueItem', operation: 'getAll', folder: SHARED, limit: 2 });
		const items = result.json(NODE_NAME);
		expect(items.map((item) => item.SpecificContent)).toEqual(
			items.map((item) => suite.sandbox.state.store.queueItems.get(item.Id as number)?.SpecificContent ?? null),
		);
		expect(items.every((item) => item.SpecificContent !== null)).toBe(true);
		expect(paths()).toEqual(['/odata/QueueItems', ...items.map((item) => `/odata/QueueItems(${String(item.Id)})`)]);
		suite.sandbox.state.clearRequests();
		delete suite.sandbox.state.omittedFromLists.QueueItems;
		await suite.run('clientCredentials', { resource: 'queueItem', operation: 'getAll', folder: SHARED, limit: 2 });
		expect(paths()).toEqual(['/odata/QueueItems']);
	});
});
