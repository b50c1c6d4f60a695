/**
 * Job Get Logs, and the error log lines a faulted job's item carries, through n8n-core against the sandbox,
 * whose robots log while they run (a faulted job leaves Warn and Error lines).
 */
import type { INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../../harness';
import { logLine } from '../../../sandbox/orchestrator/jobs/robotLogs';
import { FAULT_INFO, PROCESSES } from '../../../sandbox/fixtures';
import { credentialFor, expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

describe('job logs', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 20 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: INodeParameters, options?: Parameters<Suite['run']>[2]) =>
		await suite.run('clientCredentials', { folder: SHARED, ...parameters }, options);
	const startAndWait = (process: string): INodeParameters => ({
		resource: 'job',
		operation: 'start',
		release: locator('name', process),
		options: { waitForCompletion: true, pollInterval: 1 },
	});
	/** A finished job of the process, started through the node. */
	async function finishedJob(process: string) {
		const result = await run({ resource: 'job', operation: 'start', release: locator('name', process) });
		const id = Number(result.json(NODE_NAME)[0].Id);
		suite.sandbox.state.jobs.finish(id);
		suite.sandbox.state.clearRequests();
		const job = suite.sandbox.state.store.jobs.get(id);
		if (!job) throw new Error(`job ${id} is gone`);
		return job;
	}

	it('get logs gives the robot\'s lines of a job, oldest first, by job Id or Key, filtered by level, paged', async () => {
		const job = await finishedJob(PROCESSES.faulting);
		const all = await run({ resource: 'job', operation: 'getLogs', jobId: String(job.Id), returnAll: true });
		const lines = all.json(NODE_NAME);
		expect(lines.map((line) => line.Level)).toEqual(['Info', 'Info', 'Warn', 'Error', 'Error', 'Info']);
		expect(lines.every((line) => line.JobKey === job.Key && line.ProcessName === PROCESSES.faulting)).toBe(true);
		expect(lines[0].Message).toBe(`${PROCESSES.faulting} execution started`);
		const [jobRead, logsRead] = suite.apiRequests();
		expect(jobRead.path).toMatch(new RegExp(`/odata/Jobs\\(${job.Id}\\)$`));
		expect(logsRead.query).toMatchObject({ $filter: `JobKey eq ${job.Key}`, $orderby: 'TimeStamp asc,Id asc' });
		await expectConformingRequests(suite);

		const errors = await run({ resource: 'job', operation: 'getLogs', jobId: job.Key, returnAll: true, filters: { levels: ['Error', 'Fatal'] } });
		expect(errors.json(NODE_NAME).map((line) => line.Message)).toEqual([
			expect.stringMatching(/^Post Invoice: the ERP answered 422/),
			`${PROCESSES.faulting} ended with an error: ${FAULT_INFO}`,
		]);
		expect(suite.apiRequests()).toHaveLength(1);
		await expectConformingRequests(suite);

		const limited = await run({ resource: 'job', operation: 'getLogs', jobId: job.Key, limit: 2 });
		expect(limited.json(NODE_NAME).map((line) => line.Id)).toEqual(lines.slice(0, 2).map((line) => line.Id));
		expect(suite.apiRequests()[0].query).toMatchObject({ $top: '2' });
	});

	it('a faulted job fails the item with its last error log lines in the message\'s description', async () => {
		const error = nodeError(await run(startAndWait(PROCESSES.faulting)));
		expect(error.message).toBe(FAULT_INFO);
		expect(error.description).toMatch(/ended Faulted\.\nLast error log lines:\n\S+ Error: Post Invoice: the ERP answered 422.*\n\S+ Error: Always Faults ended with an error/);
		const logRead = suite.apiRequests().find((request) => request.path.endsWith('/odata/RobotLogs'));
		expect(logRead?.query).toMatchObject({ $top: '20', $orderby: 'TimeStamp desc,Id desc' });
	});

	it('under continue on fail the faulted job\'s item carries ErrorLogs: at most the last 20, oldest first', async () => {
		const job = await finishedJob(PROCESSES.faulting);
		for (let line = 1; line <= 25; line++) logLine(suite.sandbox.state.store, job, 'Error', `Extra error ${line}`);
		const result = await run({ resource: 'job', operation: 'wait', jobId: String(job.Id) }, { continueOnFail: true });
		const [item] = result.items(NODE_NAME);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ Id: job.Id, State: 'Faulted', error: FAULT_INFO });
		const logs = item.json.ErrorLogs as Array<{ Level: string; Message: string; TimeStamp: string }>;
		expect(logs.map((line) => line.Message)).toEqual(Array.from({ length: 20 }, (_, index) => `Extra error ${index + 6}`));
		expect(Object.keys(logs[0]).sort()).toEqual(['Level', 'Message', 'TimeStamp']);
	});

	it('a successful job carries no log lines, and reads none', async () => {
		const result = await run(startAndWait(PROCESSES.quick));
		expect(result.json(NODE_NAME)[0]).not.toHaveProperty('ErrorLogs');
		expect(suite.apiRequests().some((request) => request.path.endsWith('/odata/RobotLogs'))).toBe(false);
	});

	it('bad input is refused before any request', async () => {
		const error = nodeError(await run({ resource: 'job', operation: 'getLogs', jobId: 'job-7' }));
		expect(error.message).toMatch(/^Job ID \(jobId\) in item 0 "job-7" is neither/);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('without the monitoring scope: get logs names it, and a faulted job still fails with its Info', async () => {
		const scope = 'OR.Folders.Read OR.Execution.Read OR.Jobs';
		const full = suite.stores.get('clientCredentials') as CredentialStore;
		suite.stores.set('clientCredentials', new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope })]));
		try {
			const job = await finishedJob(PROCESSES.faulting);
			const refused = nodeError(await run({ resource: 'job', operation: 'getLogs', jobId: job.Key }));
			expect(refused.httpCode).toBe('403');
			expect(refused.description).toMatch(/needs the scope OR\.Monitoring or OR\.Monitoring\.Read/);
			const faulted = nodeError(await run({ resource: 'job', operation: 'wait', jobId: String(job.Id) }));
			expect(faulted.message).toBe(FAULT_INFO);
			expect(faulted.description).toMatch(/Its log lines could not be read: .*OR\.Monitoring or OR\.Monitoring\.Read/);
		} finally {
			suite.stores.set('clientCredentials', full);
		}
	});
});
