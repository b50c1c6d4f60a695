import { FOLDERS, PROCESSES } from '../../sandbox/fixtures';
import { sandboxSuite, type ODataList } from './client';

const ACTION = 'UiPath.Server.Configuration.OData';

describe('sandbox StartJobs checks the start options of StartProcessDto', () => {
	const suite = sandboxSuite({ timeScale: 100 });
	const start = (startInfo: Record<string, unknown>) =>
		suite.call<ODataList>('POST', `/odata/Jobs/${ACTION}.StartJobs`, { folder: FOLDERS.shared, body: { startInfo: { ReleaseName: PROCESSES.quick, ...startInfo } } });

	test('accepted options land on the job where JobDto has them', async () => {
		const session = [...suite.sandbox.state.store.sessions.values()][0];
		const answer = await start({
			EntryPointPath: 'Flows/Refund.xaml',
			EnvironmentVariables: 'A:1',
			ResumeOnSameContext: true,
			MachineSessionIds: [session.Id],
			RunAsMe: false,
			TargetFramework: 'Windows',
			StopProcessExpression: '3600',
			KillProcessExpression: '60',
		});
		expect(answer.status).toBe(201);
		expect(answer.json.value[0]).toMatchObject({ EntryPointPath: 'Flows/Refund.xaml', EnvironmentVariables: 'A:1', ResumeOnSameContext: true });
	});

	test.each<[string, Record<string, unknown>, RegExp]>([
		['an entry point of another package', { EntryPointPath: 'Other.xaml' }, /EntryPointPath 'Other\.xaml' is not an entry point of InvoiceEcho/],
		['an unknown target framework', { TargetFramework: 'Net9' }, /TargetFramework 'Net9' is not one of Legacy, Windows, Portable/],
		['environment variables over 4,000 characters', { EnvironmentVariables: 'x'.repeat(4001) }, /EnvironmentVariables is 4001 characters long; the maximum is 4000/],
		['a session of no machine of the folder', { MachineSessionIds: [1] }, /MachineSessionIds: session 1 is not a session/],
		['RunAsMe that is not a boolean', { RunAsMe: 'yes' }, /RunAsMe must be true or false/],
		['StopProcessExpression that is not seconds', { StopProcessExpression: '1h' }, /StopProcessExpression must be a number of seconds/],
		['a specific priority value of 101', { SpecificPriorityValue: 101 }, /SpecificPriorityValue must be between 1 and 100/],
	])('refuses %s with a 400 naming the field', async (_name, startInfo, message) => {
		const answer = await start(startInfo);
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(message);
	});
});
