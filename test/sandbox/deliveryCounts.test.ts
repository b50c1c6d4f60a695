import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { deliveriesPerJob } from '../../sandbox/orchestrator/webhooks/deliveryCounts';
import { eventually, sandboxSuite, type ODataList } from './client';

describe('sandbox Orchestrator: webhook deliveries counted per job', () => {
	const suite = sandboxSuite({ timeScale: 20 });
	let server: Server;
	let url = '';

	beforeAll(async () => {
		// A real receiver: /ok answers 202, /down 500 (which opens that subscription's breaker).
		server = createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				res.writeHead(req.url === '/ok' ? 202 : 500);
				res.end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	const subscribe = (path: string, events: string[]) =>
		suite.call('POST', '/odata/Webhooks', {
			body: { Name: path, Url: `${url}${path}`, Enabled: true, AllowInsecureSsl: false, SubscribeToAllEvents: false, Events: events.map((EventType) => ({ EventType })) },
		});
	const start = async (JobsCount: number) =>
		(
			await suite.call<ODataList<{ Id: number }>>('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
				folder: FOLDERS.shared,
				body: { startInfo: { ReleaseName: PROCESSES.quick, Strategy: 'ModernJobsCount', JobsCount } },
			})
		).json.value.map((job) => job.Id);

	test('every event about a job counts for it: sent, failed, skipped behind an open breaker, by type', async () => {
		await subscribe('/ok', ['job.created', 'job.completed']);
		await subscribe('/down', ['job.completed']);
		const finished = async (id: number) => {
			await eventually(() => (suite.sandbox.state.store.jobs.get(id)?.State === 'Successful' ? true : undefined));
			await suite.sandbox.state.webhooksIdle();
		};
		const [first, second] = await start(2);
		await finished(first);
		await finished(second);
		// After the first completion's 500 the breaker of /down is open.
		const [third] = await start(1);
		await finished(third);

		const counts = deliveriesPerJob(suite.sandbox.state.webhookDeliveries);
		// One job.created carries both jobs of a start; each completion goes to /ok and to /down.
		expect(counts.get(first)).toEqual({ sent: 3, failed: 1, skipped: 0, byType: { 'job.created': 1, 'job.completed': 2 } });
		expect(counts.get(second)?.sent).toBe(3);
		expect(counts.get(third)).toEqual({ sent: 2, failed: 0, skipped: 1, byType: { 'job.created': 1, 'job.completed': 1 } });
	});
});
