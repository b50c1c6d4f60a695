/**
 * Job Start's Robot IDs: a picker like n8n's own (from the folder's robot list, or typed by ID), shown only for
 * the Specific Robots strategy, and still running workflows saved when it was a comma-separated text field.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { listSearch } from '../../../nodes/UiPathOrchestrator/methods';
import { UiPathOrchestrator } from '../../../nodes/UiPathOrchestrator/UiPathOrchestrator.node';
import { FOLDERS, PROCESSES } from '../../../sandbox/fixtures';
import { expectConformingRequests, locator, NODE_NAME, SHARED, startSuite, type Suite } from './sandboxSuite';

const { properties } = new UiPathOrchestrator().description;
const robotIds = properties.find((property) => property.name === 'robotIds') as INodeProperties;

describe('the Robot IDs parameter', () => {
	it('is a resource locator: the folder\'s robots from searchRobots, or IDs typed by comma', () => {
		expect(robotIds.type).toBe('resourceLocator');
		const list = robotIds.modes?.find((mode) => mode.name === 'list');
		expect(list?.typeOptions?.searchListMethod).toBe('searchRobots');
		expect(Object.keys(listSearch)).toContain('searchRobots');
		const byId = robotIds.modes?.find((mode) => mode.name === 'id');
		const rule = byId?.validation?.[0] as { properties: { regex: string } } | undefined;
		const regex = new RegExp(rule?.properties.regex ?? '^$');
		expect(['12', ' 12, 15 ', '4001,4002'].filter((value) => !regex.test(value))).toEqual([]);
		expect(['Robot-02', '12,', '12;15'].filter((value) => regex.test(value))).toEqual([]);
	});

	it('is shown, and kept by n8n, only with the Specific Robots strategy', () => {
		const kept = (strategy: string) =>
			NodeHelpers.getNodeParameters(
				properties,
				{ resource: 'job', operation: 'start', strategy, robotIds: '4001' } as INodeParameters,
				false,
				false,
				null,
				null,
			)?.robotIds;
		expect(kept('Specific')).toBe('4001');
		expect(kept('ModernJobsCount')).toBeUndefined();
		// An expression may still evaluate to Specific, so n8n keeps the IDs and the node checks them per item.
		expect(kept('={{ $json.strategy }}')).toBe('4001');
	});
});

describe('Job Start with Specific Robots', () => {
	let suite: Suite;
	let ids: number[];
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
		const shared = suite.sandbox.state.store.folderByPath(FOLDERS.shared);
		ids = suite.sandbox.state.store.robotsIn(shared?.Id ?? -1).map((robot) => robot.Id);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const start = (overrides: INodeParameters): INodeParameters => ({
		resource: 'job',
		operation: 'start',
		folder: SHARED,
		release: locator('name', PROCESSES.quick),
		strategy: 'Specific',
		...overrides,
	});

	/** The RobotIds each StartJobs carried, and the robots the started jobs run on. */
	async function startedOn(parameters: INodeParameters): Promise<{ sent: unknown[]; jobs: number }> {
		suite.sandbox.state.clearRequests();
		const result = await suite.run('clientCredentials', parameters);
		expect(result.status).toBe('success');
		const sent = suite
			.apiRequests()
			.filter((request) => request.path.endsWith('StartJobs'))
			.map((request) => (JSON.parse(request.body ?? '{}') as { startInfo: { RobotIds?: number[] } }).startInfo.RobotIds);
		return { sent, jobs: result.json(NODE_NAME).length };
	}

	it('runs a workflow saved with Robot IDs as comma-separated text', async () => {
		expect(ids.length).toBeGreaterThanOrEqual(2);
		expect(await startedOn(start({ robotIds: `${ids[0]}, ${ids[1]}` }))).toEqual({ sent: [[ids[0], ids[1]]], jobs: 2 });
	});

	it('runs with a robot picked from the list, or IDs typed by comma', async () => {
		expect(await startedOn(start({ robotIds: locator('list', String(ids[1])) }))).toEqual({ sent: [[ids[1]]], jobs: 1 });
		expect(await startedOn(start({ robotIds: locator('id', `${ids[0]},${ids[1]}`) }))).toEqual({ sent: [[ids[0], ids[1]]], jobs: 2 });
	});

	it('ignores Robot IDs left from an earlier Specific choice once another strategy is chosen, as n8n drops hidden parameters', async () => {
		expect(await startedOn(start({ strategy: 'ModernJobsCount', robotIds: `${ids[0]}` }))).toEqual({ sent: [undefined], jobs: 1 });
	});
});
