import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { durationSeconds } from '../../../../../nodes/UiPathOrchestrator/actions/job/startOptions';
import { loadOptions } from '../../../../../nodes/UiPathOrchestrator/methods';
import { FOLDERS, PROCESSES } from '../../../../../sandbox/fixtures';
import { CredentialStore } from '../../../../harness';
import { editorContext } from '../../editorContext';
import { credentialFor, expectConformingRequests, locator, nodeError, SHARED, startSuite, type Suite } from '../../sandboxSuite';

const start = (options: INodeParameters): INodeParameters => ({
	resource: 'job',
	operation: 'start',
	folder: SHARED,
	release: locator('name', PROCESSES.quick),
	inputArguments: '{"InvoiceId":"INV-1"}',
	options,
});

/** The StartProcessDto fields the options stand for. */
const OPTION_FIELDS = [
	'EntryPointPath',
	'MachineSessionIds',
	'RunAsMe',
	'TargetFramework',
	'EnvironmentVariables',
	'SpecificPriorityValue',
	'ResumeOnSameContext',
	'StopProcessExpression',
	'KillProcessExpression',
];

describe('Job > Start options UiPath\'s clients send', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials'], { timeScale: 50 });
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const sessionOfShared = () => {
		const shared = suite.sandbox.state.store.folderByPath(FOLDERS.shared);
		const robotIds = new Set(suite.sandbox.state.store.robotsIn(shared?.Id ?? -1).map((robot) => robot.Id));
		return [...suite.sandbox.state.store.sessions.values()].find((session) => robotIds.has(session.robotId))?.Id as number;
	};

	/** The startInfo of the one StartJobs the run sent, and the job it created. */
	async function startWith(options: INodeParameters): Promise<{ startInfo: IDataObject; job: IDataObject }> {
		suite.sandbox.state.clearRequests();
		const result = await suite.run('clientCredentials', start(options));
		if (result.error) throw result.error;
		const starts = suite.apiRequests().filter((request) => request.path.endsWith('.StartJobs'));
		expect(starts).toHaveLength(1);
		return { startInfo: JSON.parse(starts[0].body).startInfo as IDataObject, job: result.json('UiPath')[0] };
	}

	it('without options, none of their fields is sent', async () => {
		const { startInfo } = await startWith({});
		for (const field of OPTION_FIELDS) expect(startInfo).not.toHaveProperty(field);
	});

	it.each<[string, () => INodeParameters, IDataObject]>([
		['Entry Point', () => ({ entryPointPath: 'Flows/Refund.xaml' }), { EntryPointPath: 'Flows/Refund.xaml' }],
		['Machine Session Names or IDs', () => ({ machineSessionIds: [sessionOfShared()] }), {}],
		['Machine Session IDs from an expression (comma-separated)', () => ({ machineSessionIds: `=${sessionOfShared()}` }), {}],
		['Run As Me', () => ({ runAsMe: true }), { RunAsMe: true }],
		['Run As Me off, once added', () => ({ runAsMe: false }), { RunAsMe: false }],
		['Target Framework', () => ({ targetFramework: 'Portable' }), { TargetFramework: 'Portable' }],
		['Environment Variables', () => ({ environmentVariables: 'ERP_URL:https://erp.acme.test' }), { EnvironmentVariables: 'ERP_URL:https://erp.acme.test' }],
		['Specific Priority Value', () => ({ specificPriorityValue: 77 }), { SpecificPriorityValue: 77 }],
		['Resume On Same Context', () => ({ resumeOnSameContext: true }), { ResumeOnSameContext: true }],
		['Stop After (a duration)', () => ({ stopAfter: '1h30m' }), { StopProcessExpression: '5400' }],
		['Kill After (seconds)', () => ({ killAfter: '45' }), { KillProcessExpression: '45' }],
	])('%s reaches startInfo, and only its own field', async (_name, options, expected) => {
		const chosen = options();
		const sessions = chosen.machineSessionIds !== undefined ? { MachineSessionIds: [sessionOfShared()] } : {};
		const { startInfo } = await startWith(chosen);
		const want = { ...expected, ...sessions };
		expect(startInfo).toMatchObject(want);
		for (const field of OPTION_FIELDS.filter((name) => !(name in want))) expect(startInfo).not.toHaveProperty(field);
	});

	it('the job keeps the entry point, environment variables, priority value and resume choice Orchestrator stored', async () => {
		const { job } = await startWith({ entryPointPath: 'Flows/Refund.xaml', environmentVariables: 'A:1', specificPriorityValue: 12, resumeOnSameContext: true });
		expect(job).toMatchObject({ EntryPointPath: 'Flows/Refund.xaml', EnvironmentVariables: 'A:1', SpecificPriorityValue: 12, ResumeOnSameContext: true });
	});

	it.each<[string, INodeParameters, RegExp]>([
		['a priority value above 100', { specificPriorityValue: 101 }, /^Specific Priority Value \(options\.specificPriorityValue\) in item 0 must be a whole number from 1 to 100, not 101/],
		['a priority value of 0', { specificPriorityValue: '={{ 0 }}' }, /^Specific Priority Value \(options\.specificPriorityValue\) in item 0 must be a whole number from 1 to 100, not 0/],
		['a fractional priority value', { specificPriorityValue: '={{ 2.5 }}' }, /^Specific Priority Value \(options\.specificPriorityValue\) in item 0 must be a whole number/],
		['a stop duration that is not one', { stopAfter: 'soon' }, /^Stop After \(options\.stopAfter\) in item 0 "soon" is not a duration/],
		['a kill duration of zero', { killAfter: '0' }, /^Kill After \(options\.killAfter\) in item 0 "0" is not a duration/],
		['an unknown target framework', { targetFramework: '={{ "Net9" }}' }, /^Target Framework \(options\.targetFramework\) in item 0 "Net9" is not one of Legacy, Windows, Portable/],
		['environment variables over 4,000 characters', { environmentVariables: '={{ "x".repeat(4001) }}' }, /^Environment Variables \(options\.environmentVariables\) in item 0 is 4001 characters; Orchestrator accepts at most 4000/],
		['a machine session that is not a number', { machineSessionIds: '={{ "5001, first" }}' }, /^Machine Session Names or IDs \(options\.machineSessionIds\) in item 0 holds "first"/],
		['Run As Me that is not a boolean', { runAsMe: '={{ "maybe" }}' }, /^Run As Me \(options\.runAsMe\) in item 0 must be true or false, not "maybe"/],
		['Resume On Same Context that is not a boolean', { resumeOnSameContext: '={{ 3 }}' }, /^Resume On Same Context \(options\.resumeOnSameContext\) in item 0 must be true or false, not 3/],
	])('%s is refused before any request, naming the item and the option', async (_name, options, message) => {
		suite.sandbox.state.clearRequests();
		const error = nodeError(await suite.run('clientCredentials', start(options)));
		expect(error.message).toMatch(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('an entry point the package does not have is refused by Orchestrator (400), naming the field', async () => {
		const error = nodeError(await suite.run('clientCredentials', start({ entryPointPath: 'Nope.xaml' })));
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/startInfo\.EntryPointPath 'Nope\.xaml' is not an entry point/);
	});

	it('the Entry Point picker lists the package\'s entry points; without Packages.View it offers the process\'s own', async () => {
		const context = editorContext(suite.stores.get('clientCredentials') as CredentialStore, { folder: SHARED, release: locator('name', PROCESSES.quick) }, 'parameters.options.entryPointPath');
		expect((await loadOptions.getEntryPoints.call(context)).map((option) => option.value)).toEqual(['Main.xaml', 'Flows/Refund.xaml']);
		const folderUser = new CredentialStore([await credentialFor(suite.sandbox, 'personalAccessToken', { personalAccessToken: suite.sandbox.state.credentials.folderUser.personalAccessToken })]);
		const limited = editorContext(folderUser, { folder: SHARED, release: locator('name', PROCESSES.quick) }, 'parameters.options.entryPointPath');
		expect((await loadOptions.getEntryPoints.call(limited)).map((option) => option.value)).toEqual(['Main.xaml']);
	});

	it('the Machine Sessions picker lists the folder\'s sessions by machine, valued by session Id', async () => {
		const context = editorContext(suite.stores.get('clientCredentials') as CredentialStore, { folder: SHARED }, 'parameters.options.machineSessionIds');
		const options = await loadOptions.getMachineSessions.call(context);
		expect(options.map((option) => option.value)).toContain(sessionOfShared());
		expect(options.every((option) => /\((Available|Busy|Disconnected)\)$/.test(option.name))).toBe(true);
	});
});

describe('durations for Stop After and Kill After', () => {
	it.each<[string, number | undefined]>([
		['90', 90],
		['90s', 90],
		['15m', 900],
		['2h', 7200],
		['1h30m', 5400],
		['1d 2h', 93_600],
		['1.5h', undefined],
		['h', undefined],
		['', undefined],
		['10 minutes', undefined],
	])('"%s" is %s seconds', (text, seconds) => {
		expect(durationSeconds(text)).toBe(seconds);
	});
});
