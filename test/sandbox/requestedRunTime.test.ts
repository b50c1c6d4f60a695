import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { eventually, sandboxSuite, type ODataList } from './client';

const START = '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs';

type Job = Record<string, unknown> & { Id: number; State: string; StartTime: string | null; EndTime: string | null };

describe('sandbox Orchestrator: Month End Report runs as long as RunSeconds asks', () => {
	// 10 times real speed: RunSeconds 4 takes 400 ms, the usual 30 s run 3 s.
	const suite = sandboxSuite({ timeScale: 10 });

	const start = async (inputArguments: Record<string, unknown>, processName: string = PROCESSES.slow) =>
		(await suite.call<ODataList<Job>>('POST', START, { folder: FOLDERS.shared, body: { startInfo: { ReleaseName: processName, InputArguments: JSON.stringify(inputArguments) } } })).json.value[0];
	const ended = (id: number) =>
		eventually(async () => {
			const job = (await suite.call<Job>('GET', `/odata/Jobs(${id})`, { folder: FOLDERS.shared })).json;
			return job.EndTime ? job : undefined;
		}, 10_000);
	const runMs = (job: Job) => Date.parse(job.EndTime as string) - Date.parse(job.StartTime as string);

	test('RunSeconds sets the run time in sandbox time; the output is the process’s usual one', async () => {
		const job = await ended((await start({ Month: 'run-4', RunSeconds: 4 })).Id);
		expect(job).toMatchObject({ State: 'Successful', OutputArguments: JSON.stringify({ ReportUrl: 'https://erp.acme.test/reports/month-end/run-4.pdf' }) });
		expect(runMs(job)).toBeGreaterThanOrEqual(390);
		expect(runMs(job)).toBeLessThan(2000);
	});

	test('a missing, non-numeric or negative RunSeconds keeps the usual 30 s; other processes ignore it', async () => {
		const started = await Promise.all([start({ Month: 'none' }), start({ RunSeconds: '4' }), start({ RunSeconds: -4 })]);
		const jobs = await Promise.all(started.map(async (job) => await ended(job.Id)));
		for (const job of jobs) expect(runMs(job)).toBeGreaterThanOrEqual(2900);
		const quick = await ended((await start({ InvoiceId: 'INV-1', RunSeconds: 60 }, PROCESSES.quick)).Id);
		expect(runMs(quick)).toBeLessThan(1000);
	});
});
