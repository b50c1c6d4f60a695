import { startSandbox } from '../../sandbox';
import { FOLDERS } from '../../sandbox/fixtures';
import { ROUTES } from '../../sandbox/orchestrator';
import type { Route } from '../../sandbox/orchestrator/context';
import { openApiValidator } from '../support/openapi';
import { itConforms } from '../support/uipathDescriptions';
import { clientToken, orchestratorClient, sandboxSuite, sleep } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';

/** One request per sandbox route, to hold each route's scopes against the description. */
const ROUTE_SAMPLES: [string, string][] = [
	['GET', '/odata/Folders'],
	['GET', '/odata/Folders(1001)'],
	['GET', '/api/Folders/GetAllForCurrentUser'],
	['GET', '/odata/Releases'],
	['GET', '/odata/Releases(2001)'],
	['GET', '/odata/Processes'],
	['GET', '/odata/Jobs'],
	['GET', '/odata/Jobs(1000001)'],
	['POST', `/odata/Jobs/${ACTION}.StartJobs`],
	['POST', `/odata/Jobs/${ACTION}.StopJobs`],
	['POST', `/odata/Jobs(1000001)/${ACTION}.StopJob`],
	['GET', '/odata/Robots'],
	['GET', '/odata/Robots(4001)'],
	['GET', `/odata/Robots/${ACTION}.GetRobotsFromFolder(folderId=1001)`],
	['GET', '/odata/Sessions'],
	['GET', '/odata/QueueDefinitions'],
	['GET', '/odata/QueueDefinitions(6001)'],
	['GET', '/odata/QueueItems'],
	['GET', '/odata/QueueItems(700001)'],
	['POST', '/odata/Queues/UiPathODataSvc.AddQueueItem'],
	['POST', '/odata/Queues/UiPathODataSvc.BulkAddQueueItems'],
	['DELETE', '/odata/QueueItems(700001)'],
	['GET', '/odata/Buckets'],
	['GET', `/odata/Buckets(10001)/${ACTION}.GetFiles`],
	['GET', `/odata/Buckets(10001)/${ACTION}.GetReadUri`],
	['GET', `/odata/Buckets(10001)/${ACTION}.GetWriteUri`],
	['DELETE', `/odata/Buckets(10001)/${ACTION}.DeleteFile`],
	['POST', '/odata/Attachments'],
	['GET', '/odata/Attachments(6f1e2d3c-4b5a-4697-8899-aabbccddee01)'],
	['DELETE', '/odata/Attachments(6f1e2d3c-4b5a-4697-8899-aabbccddee01)'],
	['GET', '/odata/Assets'],
	['GET', '/odata/Assets(8001)'],
	['GET', `/odata/Assets/${ACTION}.GetFiltered`],
	['PUT', '/odata/Assets(8001)'],
	['GET', '/odata/RobotLogs'],
	['GET', '/odata/Webhooks'],
	['GET', '/odata/Webhooks(9001)'],
	['GET', `/odata/Webhooks/${ACTION}.GetEventTypes`],
	['POST', '/odata/Webhooks'],
	['PUT', '/odata/Webhooks(9001)'],
	['PATCH', '/odata/Webhooks(9001)'],
	['DELETE', '/odata/Webhooks(9001)'],
	['POST', `/odata/Webhooks(9001)/${ACTION}.Ping`],
	['GET', '/odata/Tasks'],
	['GET', '/odata/Tasks(300001)'],
	['GET', `/odata/Tasks/${ACTION}.GetTasksAcrossFolders`],
	['GET', `/odata/Tasks/${ACTION}.GetByKey(identifier=6f1e2d3c-4b5a-4697-8899-aabbccddeef1)`],
	['GET', `/odata/Tasks/${ACTION}.GetTaskUsers(organizationUnitId=1001)`],
	['POST', `/odata/Tasks/${ACTION}.AssignTasks`],
	['POST', `/odata/Tasks/${ACTION}.ReassignTasks`],
	['POST', `/odata/Tasks/${ACTION}.UnassignTasks`],
	['POST', `/odata/Tasks/${ACTION}.DeleteTasks`],
	['POST', `/odata/Tasks/${ACTION}.EditTaskMetadata`],
	['GET', '/odata/TaskCatalogs'],
	['POST', '/tasks/GenericTasks/CreateTask'],
	['GET', '/tasks/GenericTasks/GetTaskDataById'],
	['PUT', '/tasks/GenericTasks/SaveTaskData'],
	['POST', '/tasks/GenericTasks/CompleteTask'],
	['POST', '/forms/TaskForms/CreateFormTask'],
	['GET', '/forms/TaskForms/GetTaskDataById'],
	['PUT', '/forms/TaskForms/SaveTaskData'],
	['POST', '/forms/TaskForms/CompleteTask'],
	['GET', `/odata/Users/${ACTION}.GetCurrentUser`],
];

describe('sandbox Orchestrator: tokens and scopes', () => {
	const suite = sandboxSuite();

	const unauthenticated = { message: 'You are not authenticated!', errorCode: 0, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) };

	test('no token, or an unknown one, answers 401 with WWW-Authenticate', async () => {
		for (const token of [null, 'not-a-token']) {
			const answer = await suite.call('GET', '/odata/Releases', { token, folder: FOLDERS.shared });
			expect(answer.status).toBe(401);
			expect(answer.json).toEqual(unauthenticated);
			expect(answer.headers.get('www-authenticate')).toBe('Bearer');
		}
	});

	test('the token is checked before the folder header', async () => {
		expect((await suite.call('GET', '/odata/Releases', { token: null })).status).toBe(401);
	});

	test('an expired access token answers 401', async () => {
		// A sandbox of its own whose tokens live one second, so the other tests' tokens do not expire under load.
		const shortLived = await startSandbox({ accessTokenTtlSeconds: 1 });
		try {
			const shortCall = orchestratorClient(shortLived);
			const token = await clientToken(shortLived, 'OR.Folders.Read');
			expect((await shortCall('GET', '/odata/Folders', { token })).status).toBe(200);
			await sleep(2100);
			const answer = await shortCall('GET', '/odata/Folders', { token });
			expect(answer.status).toBe(401);
			expect(answer.json).toEqual(unauthenticated);
		} finally {
			await shortLived.close();
		}
	});

	test('a token without the route scope answers 403 naming the scopes', async () => {
		const token = await clientToken(suite.sandbox, 'OR.Folders.Read');
		const answer = await suite.call('GET', '/odata/Jobs', { token, folder: FOLDERS.shared });
		expect(answer.status).toBe(403);
		expect(answer.json).toEqual({
			message: expect.stringContaining('OR.Jobs or OR.Jobs.Read'),
			errorCode: 0,
			traceId: expect.any(String),
		});
	});

	test('read scopes read, write scopes write: OR.Jobs.Read cannot start a job', async () => {
		const token = await clientToken(suite.sandbox, 'OR.Jobs.Read');
		expect((await suite.call('GET', '/odata/Jobs', { token, folder: FOLDERS.shared })).status).toBe(200);
		const start = await suite.call('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
			token,
			folder: FOLDERS.shared,
			body: { startInfo: { ReleaseName: 'Invoice Echo' } },
		});
		expect(start.status).toBe(403);
		expect(start.json.message).toContain('OR.Jobs or OR.Jobs.Write');
		expect(suite.sandbox.state.store.jobs.size).toBe(0);
	});

	itConforms('every route asks for the OR.* scopes orchestrator.yaml lists for its operation', async () => {
		const validator = await openApiValidator();
		const covered = new Set<Route>();
		for (const [method, path] of ROUTE_SAMPLES) {
			const route = ROUTES.find((candidate) => candidate.method === method && candidate.pattern.test(path));
			expect([method, path, route !== undefined]).toEqual([method, path, true]);
			covered.add(route as Route);
			const described = validator.describeOperation(method, path);
			expect([method, path, [...(route as Route).scopes]]).toEqual([method, path, described?.scopes]);
		}
		expect(ROUTES.filter((route) => !covered.has(route)).map((route) => `${route.method} ${route.pattern.source}`)).toEqual([]);
	});

	test('each scope opens exactly its own area', async () => {
		const areas: [string, string, string?][] = [
			['OR.Folders.Read', '/odata/Folders'],
			['OR.Execution.Read', '/odata/Releases', FOLDERS.shared],
			['OR.Execution.Read', '/odata/Processes'],
			['OR.Robots.Read', '/odata/Robots', FOLDERS.shared],
			['OR.Robots.Read', '/odata/Sessions', FOLDERS.shared],
			['OR.Queues.Read', '/odata/QueueDefinitions', FOLDERS.shared],
			['OR.Queues.Read', '/odata/QueueItems', FOLDERS.shared],
			['OR.Assets.Read', '/odata/Assets', FOLDERS.shared],
			['OR.Monitoring.Read', '/odata/RobotLogs', FOLDERS.shared],
			['OR.Webhooks', '/odata/Webhooks'],
			['OR.Users.Read', '/odata/Users/UiPath.Server.Configuration.OData.GetCurrentUser'],
		];
		const tokens = new Map<string, string>();
		for (const [scope] of areas) if (!tokens.has(scope)) tokens.set(scope, await clientToken(suite.sandbox, scope));
		for (const [scope, path, folder] of areas) {
			for (const [other, token] of tokens) {
				const status = (await suite.call('GET', path, { token, folder })).status;
				expect([scope, other, path, status]).toEqual([scope, other, path, other === scope ? 200 : 403]);
			}
		}
	});

	test('the personal access token carries every scope the node needs', async () => {
		for (const path of ['/odata/Folders', '/odata/Processes', '/odata/Webhooks']) expect((await suite.call('GET', path)).status).toBe(200);
		expect((await suite.call('GET', '/odata/Jobs', { folder: FOLDERS.shared })).status).toBe(200);
	});
});
