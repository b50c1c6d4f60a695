import { FAULT_INFO, FOLDERS, MACHINES, PROCESSES, ROBOTS } from '../../sandbox/fixtures';
import { eventually, sandboxSuite, sleep, type ODataList } from './client';

const START = '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs';
const STOP_JOBS = '/odata/Jobs/UiPath.Server.Configuration.OData.StopJobs';
const stopJob = (id: number) => `/odata/Jobs(${id})/UiPath.Server.Configuration.OData.StopJob`;

type Job = Record<string, unknown> & { Id: number; State: string };

describe('sandbox Orchestrator: jobs', () => {
	// 20 times real speed: a quick job runs 100 ms, the slow one 1.5 s.
	const suite = sandboxSuite({ timeScale: 20 });
	const releaseKey: Record<string, string> = {};
	const robotIds: number[] = [];

	beforeAll(async () => {
		for (const release of (await suite.call<ODataList>('GET', '/odata/Releases', { folder: FOLDERS.shared })).json.value) {
			releaseKey[release.Name as string] = release.Key as string;
		}
		for (const robot of (await suite.call<ODataList>('GET', '/odata/Robots', { folder: FOLDERS.shared })).json.value) robotIds.push(robot.Id as number);
	});

	const start = (startInfo: Record<string, unknown>, folder: string = FOLDERS.shared) =>
		suite.call<ODataList<Job>>('POST', START, { folder, body: { startInfo } });
	const getJob = async (id: number, folder: string = FOLDERS.shared, query: Record<string, string> = {}) =>
		(await suite.call<Job>('GET', `/odata/Jobs(${id})`, { folder, query })).json;
	const waitFor = (id: number, states: string[], folder: string = FOLDERS.shared) =>
		eventually(async () => {
			const job = await getJob(id, folder);
			return states.includes(job.State) ? job : undefined;
		});

	test('the quick process: Pending → Running on a robot → Successful, output computed from the input', async () => {
		const input = { InvoiceId: 'INV-7', Amount: 100.25, Lines: [10, 2.5] };
		const started = await start({
			ReleaseKey: releaseKey[PROCESSES.quick],
			Strategy: 'ModernJobsCount',
			JobsCount: 1,
			InputArguments: JSON.stringify(input),
			Reference: 'order-7',
		});
		expect(started.status).toBe(201);
		expect(started.json['@odata.context']).toMatch(/\$metadata#Jobs$/);
		const [job] = started.json.value;
		expect(job).toMatchObject({ State: 'Pending', StartTime: null, EndTime: null, HostMachineName: null, ReleaseName: PROCESSES.quick, Reference: 'order-7' });
		const running = await waitFor(job.Id, ['Running', 'Successful']);
		expect(MACHINES).toContain(running.HostMachineName);
		expect(running.StartTime).toEqual(expect.any(String));
		const done = await waitFor(job.Id, ['Successful']);
		expect(JSON.parse(done.OutputArguments as string)).toEqual({ ...input, Total: 112.75 });
		expect(done.Info).toBe('Job completed');
		expect(Date.parse(done.EndTime as string)).toBeGreaterThanOrEqual(Date.parse(done.StartTime as string));
		const expanded = await getJob(job.Id, FOLDERS.shared, { $expand: 'Robot,Release' });
		expect(ROBOTS).toContain((expanded.Robot as { Name: string }).Name);
		expect((expanded.Release as { Key: string }).Key).toBe(releaseKey[PROCESSES.quick]);
		expect(await getJob(job.Id)).not.toHaveProperty('Robot');
	});

	test('the faulting process ends Faulted with its Info message', async () => {
		const [job] = (await start({ ReleaseName: PROCESSES.faulting })).json.value;
		const done = await waitFor(job.Id, ['Faulted', 'Successful']);
		expect(done).toMatchObject({ State: 'Faulted', Info: FAULT_INFO, OutputArguments: null });
		expect(done.EndTime).toEqual(expect.any(String));
	});

	test('a stopped job ends Stopped: SoftStop goes through Stopping, Kill through Terminating', async () => {
		const [soft, killed] = (await start({ ReleaseKey: releaseKey[PROCESSES.slow], Strategy: 'JobsCount', JobsCount: 2 })).json.value;
		await waitFor(soft.Id, ['Running']);
		await waitFor(killed.Id, ['Running']);
		expect((await suite.call('POST', stopJob(soft.Id), { folder: FOLDERS.shared, body: { strategy: 'SoftStop' } })).status).toBe(200);
		expect((await getJob(soft.Id)).State).toMatch(/Stopping|Stopped/);
		expect((await suite.call('POST', STOP_JOBS, { folder: FOLDERS.shared, body: { jobIds: [killed.Id], strategy: 'Kill' } })).status).toBe(200);
		expect((await getJob(killed.Id)).State).toMatch(/Terminating|Stopped/);
		expect(await waitFor(soft.Id, ['Stopped', 'Successful'])).toMatchObject({ State: 'Stopped', StopStrategy: 'SoftStop' });
		expect(await waitFor(killed.Id, ['Stopped', 'Successful'])).toMatchObject({ State: 'Stopped', StopStrategy: 'Kill' });
	});

	test('stopping a pending job stops it at once; the body needs a known strategy', async () => {
		suite.sandbox.state.jobs.timeScale = 0.01;
		const [job] = (await start({ ReleaseName: PROCESSES.quick })).json.value;
		suite.sandbox.state.jobs.timeScale = 20;
		expect((await suite.call('POST', stopJob(job.Id), { folder: FOLDERS.shared, body: {} })).status).toBe(400);
		expect((await suite.call('POST', stopJob(job.Id), { folder: FOLDERS.shared, body: { strategy: 'Pause' } })).status).toBe(400);
		await suite.call('POST', stopJob(job.Id), { folder: FOLDERS.shared, body: { strategy: 'SoftStop' } });
		expect((await getJob(job.Id)).State).toBe('Stopped');
	});

	test('All starts one job per robot of the folder; Specific only on the robots named', async () => {
		const all = await start({ ReleaseName: PROCESSES.quick, Strategy: 'All' });
		expect(all.json.value).toHaveLength(ROBOTS.length);
		const specific = await start({ ReleaseName: PROCESSES.quick, Strategy: 'Specific', RobotIds: [robotIds[1]] });
		expect(specific.json.value).toHaveLength(1);
		const done = await waitFor(specific.json.value[0].Id, ['Successful']);
		const expanded = await getJob(done.Id, FOLDERS.shared, { $expand: 'Robot' });
		expect((expanded.Robot as { Id: number }).Id).toBe(robotIds[1]);
	});

	test('RobotCount, JobsCount and ModernJobsCount start that many jobs; no strategy starts one', async () => {
		expect((await start({ ReleaseName: PROCESSES.quick, Strategy: 'RobotCount', NoOfRobots: 2 })).json.value).toHaveLength(2);
		expect((await start({ ReleaseName: PROCESSES.quick, Strategy: 'JobsCount', JobsCount: 3 })).json.value).toHaveLength(3);
		expect((await start({ ReleaseName: PROCESSES.quick, Strategy: 'ModernJobsCount', JobsCount: 2 })).json.value).toHaveLength(2);
		expect((await start({ ReleaseName: PROCESSES.quick })).json.value).toHaveLength(1);
	});

	test.each([
		[{ Strategy: 'JobsCount', JobsCount: 1, RobotIds: [4001] }, /RobotIds must be empty unless startInfo\.Strategy is Specific/],
		[{ Strategy: 'Specific', RobotIds: [] }, /RobotIds must name at least one robot/],
		[{ Strategy: 'Specific', RobotIds: [123] }, /robot 123 is not assigned to folder 'Shared'/],
		[{ Strategy: 'All', JobsCount: 2 }, /JobsCount must be 0 unless startInfo\.Strategy is JobsCount or ModernJobsCount/],
		[{ Strategy: 'Specific', RobotIds: [4001], JobsCount: 1 }, /JobsCount must be 0/],
		[{ Strategy: 'JobsCount', JobsCount: 0 }, /JobsCount must be greater than 0/],
		[{ Strategy: 'ModernJobsCount' }, /JobsCount must be greater than 0/],
		[{ Strategy: 'RobotCount' }, /NoOfRobots must be greater than 0/],
		[{ Strategy: 'Sometimes' }, /Strategy 'Sometimes' is not one of All, Specific, RobotCount, JobsCount, ModernJobsCount/],
		[{ InputArguments: { InvoiceId: 1 } }, /InputArguments must be a string holding a JSON object/],
		[{ InputArguments: '{"InvoiceId":' }, /InputArguments is not valid JSON/],
		[{ InputArguments: '[1,2]' }, /InputArguments must be a JSON object/],
		[{ Reference: 'r'.repeat(129) }, /Reference is 129 characters long; the maximum is 128/],
		[{ JobPriority: 'Urgent' }, /JobPriority 'Urgent'/],
		[{ JobsCount: 'two', Strategy: 'JobsCount' }, /JobsCount must be an integer/],
	])('startInfo %j is refused: %s', async (extra, message) => {
		const before = suite.sandbox.state.store.jobs.size;
		const answer = await start({ ReleaseName: PROCESSES.quick, ...extra });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: expect.stringMatching(message), errorCode: 0, traceId: expect.any(String) });
		expect(suite.sandbox.state.store.jobs.size).toBe(before);
	});

	test('InputArguments may be 10,000 characters long, not one more', async () => {
		const of = (length: number) => JSON.stringify({ Note: 'x'.repeat(length - '{"Note":""}'.length) });
		expect(of(10_000)).toHaveLength(10_000);
		expect((await start({ ReleaseName: PROCESSES.quick, InputArguments: of(10_000) })).status).toBe(201);
		const over = await start({ ReleaseName: PROCESSES.quick, InputArguments: of(10_001) });
		expect(over.status).toBe(400);
		expect(over.json.message).toMatch(/InputArguments is 10001 characters long; the maximum is 10000/);
	});

	test('a missing or unknown process is named in the error', async () => {
		expect((await start({ Strategy: 'ModernJobsCount', JobsCount: 1 })).json.message).toMatch(/ReleaseKey is required/);
		const unknown = await start({ ReleaseKey: '00000000-0000-0000-0000-000000000000' });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toMatchObject({ errorCode: 1002, message: expect.stringMatching(/ReleaseKey '00000000-0000-0000-0000-000000000000'.*folder 'Shared'/) });
		// The Shared process key does not exist in Finance/Invoices, which has its own Invoice Echo.
		expect((await start({ ReleaseKey: releaseKey[PROCESSES.faulting] }, FOLDERS.invoices)).status).toBe(404);
		expect((await start({ ReleaseName: PROCESSES.quick }, FOLDERS.invoices)).status).toBe(201);
		expect((await suite.call('POST', START, { folder: FOLDERS.shared, body: 'not json' })).status).toBe(400);
		expect((await suite.call('POST', START, { folder: FOLDERS.shared, body: {} })).json.message).toMatch(/startInfo is required/);
	});

	test('Reference is stored and filterable; Jobs(key) is folder-bound', async () => {
		const reference = `exactly-once-${Date.now()}`;
		const [job] = (await start({ ReleaseName: PROCESSES.quick, Reference: reference })).json.value;
		const found = await suite.call<ODataList<Job>>('GET', '/odata/Jobs', {
			folder: FOLDERS.shared,
			query: { $filter: `Reference eq '${reference}'`, $count: true },
		});
		expect(found.json['@odata.count']).toBe(1);
		expect(found.json.value[0].Id).toBe(job.Id);
		const elsewhere = await suite.call('GET', `/odata/Jobs(${job.Id})`, { folder: FOLDERS.invoices });
		expect(elsewhere.status).toBe(404);
		expect(elsewhere.json).toMatchObject({ errorCode: 1002, message: `Job ${job.Id} does not exist.` });
	});

	test('jobs can be filtered by state and creation time, as polling triggers do', async () => {
		const since = new Date().toISOString();
		await sleep(5);
		const [job] = (await start({ ReleaseName: PROCESSES.quick })).json.value;
		await waitFor(job.Id, ['Successful']);
		const answer = await suite.call<ODataList<Job>>('GET', '/odata/Jobs', {
			folder: FOLDERS.shared,
			query: { $filter: `State eq 'Successful' and CreationTime gt ${since}`, $orderby: 'CreationTime desc' },
		});
		expect(answer.json.value.map((entry) => entry.Id)).toEqual([job.Id]);
	});

	test('state.jobs.finish runs the remaining steps of a job now', async () => {
		suite.sandbox.state.jobs.timeScale = 0.001;
		const [job] = (await start({ ReleaseName: PROCESSES.slow, InputArguments: '{"Month":"2026-11"}' })).json.value;
		suite.sandbox.state.jobs.timeScale = 20;
		suite.sandbox.state.jobs.finish(job.Id);
		expect(await getJob(job.Id)).toMatchObject({
			State: 'Successful',
			OutputArguments: JSON.stringify({ ReportUrl: 'https://erp.acme.test/reports/month-end/2026-11.pdf' }),
		});
	});

	test('sessions show the robots Busy while they run a job', async () => {
		suite.sandbox.state.jobs.timeScale = 1;
		const [job] = (await start({ ReleaseName: PROCESSES.slow, Strategy: 'Specific', RobotIds: [robotIds[0]] })).json.value;
		await waitFor(job.Id, ['Running']);
		const sessions = await suite.call<ODataList>('GET', '/odata/Sessions', { folder: FOLDERS.shared, query: { $expand: 'Robot' } });
		const busy = sessions.json.value.find((session) => (session.Robot as { Id: number }).Id === robotIds[0]);
		expect(busy?.State).toBe('Busy');
		suite.sandbox.state.jobs.finish(job.Id);
		suite.sandbox.state.jobs.timeScale = 20;
		const after = await suite.call<ODataList>('GET', '/odata/Sessions', { folder: FOLDERS.shared, query: { $filter: "State eq 'Busy'" } });
		expect(after.json.value.length).toBeLessThanOrEqual(1);
	});
});
