import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { StartInfo } from '../../helpers/interfaces';
import { parameterError } from '../../helpers/parameters';

/**
 * Job > Start options that UiPath's own clients send in `startInfo` (StartProcessDto in orchestrator.yaml). Each goes
 * into the request only when the user added it to Options, so a start without them is exactly what it was before.
 */
export const startOptionProperties: INodeProperties[] = [
	{
		displayName: 'Entry Point Name or ID',
		name: 'entryPointPath',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEntryPoints', loadOptionsDependsOn: ['folder.value', 'release.value'] },
		default: '',
		description:
			'The workflow of the process to run (StartProcessDto.EntryPointPath), for processes with several entry points. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Environment Variables',
		name: 'environmentVariables',
		type: 'string',
		default: '',
		description: 'Overrides the process\'s environment variables for these jobs (at most 4,000 characters), in the form Orchestrator shows them on the process',
	},
	{
		displayName: 'Kill After',
		name: 'killAfter',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5m',
		description:
			'How long a stopped job may take to end before Orchestrator kills it (KillProcessExpression): seconds, or a duration such as 90s, 5m, 1h30m, 1d',
	},
	{
		displayName: 'Machine Session Names or IDs',
		name: 'machineSessionIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getMachineSessions', loadOptionsDependsOn: ['folder.value'] },
		default: [],
		description:
			'The machine sessions to run the jobs on (MachineSessionIds); without them the first available machine runs them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Resume On Same Context',
		name: 'resumeOnSameContext',
		type: 'boolean',
		default: false,
		description: 'Whether a suspended job resumes on the same robot and machine it started on',
	},
	{
		displayName: 'Run As Me',
		name: 'runAsMe',
		type: 'boolean',
		default: false,
		description: 'Whether the jobs run under the identity of the signed-in user (RunAsMe) instead of a robot account',
	},
	{
		displayName: 'Specific Priority Value',
		name: 'specificPriorityValue',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
		default: 50,
		description: 'A finer execution priority from 1 (lowest) to 100 (highest); takes the place of Job Priority',
	},
	{
		displayName: 'Stop After',
		name: 'stopAfter',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2h',
		description: 'Stops a job still running after this long (StopProcessExpression): seconds, or a duration such as 90s, 15m, 2h, 1d',
	},
	{
		displayName: 'Target Framework',
		name: 'targetFramework',
		type: 'options',
		default: 'Windows',
		options: [
			{ name: 'Legacy (.NET Framework)', value: 'Legacy' },
			{ name: 'Portable (Cross-Platform)', value: 'Portable' },
			{ name: 'Windows', value: 'Windows' },
		],
		description: 'The framework of the process\'s package to run',
	},
];

const TARGET_FRAMEWORKS = ['Legacy', 'Windows', 'Portable'];
/** StartProcessDto.EnvironmentVariables: maxLength 4000. */
const MAX_ENVIRONMENT_VARIABLES_LENGTH = 4000;
const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

type Parameter = { label: string; name: string };
const option = (label: string, name: string): Parameter => ({ label, name: `options.${name}` });

/** "90", "90s", "15m", "1h30m", "1d 2h" → whole seconds; undefined when the text is not such a duration. */
export function durationSeconds(text: string): number | undefined {
	const value = text.trim().toLowerCase();
	if (/^\d+$/.test(value)) return Number(value);
	if (!/^(\s*\d+\s*[dhms])+\s*$/.test(value)) return undefined;
	let seconds = 0;
	for (const [, amount, unit] of value.matchAll(/(\d+)\s*([dhms])/g)) seconds += Number(amount) * UNIT_SECONDS[unit];
	return seconds;
}

function readDuration(context: IExecuteFunctions, itemIndex: number, parameter: Parameter, raw: unknown): string {
	const seconds = typeof raw === 'number' ? raw : durationSeconds(String(raw ?? ''));
	if (seconds === undefined || !Number.isSafeInteger(seconds) || seconds < 1) {
		throw parameterError(context, itemIndex, parameter, `"${String(raw)}" is not a duration`, 'Give seconds (e.g. 3600) or a duration such as 90s, 15m, 2h, 1h30m or 1d.');
	}
	return String(seconds);
}

function readBoolean(context: IExecuteFunctions, itemIndex: number, parameter: Parameter, raw: unknown): boolean {
	if (raw === true || raw === 'true') return true;
	if (raw === false || raw === 'false') return false;
	throw parameterError(context, itemIndex, parameter, `must be true or false, not ${JSON.stringify(raw)}`);
}

/** From the list: an array of Ids; from an expression: an array, one Id or Ids separated by commas. */
function readSessionIds(context: IExecuteFunctions, itemIndex: number, raw: unknown): number[] {
	const parameter = option('Machine Session Names or IDs', 'machineSessionIds');
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const ids = parts.map((part) => String(part).trim()).filter((part) => part !== '');
	return ids.map((id) => {
		if (!/^\d+$/.test(id) || !Number.isSafeInteger(Number(id))) {
			throw parameterError(context, itemIndex, parameter, `holds "${id}", which is not a machine session ID (a whole number)`);
		}
		return Number(id);
	});
}

/** The StartProcessDto fields of the options the user added, checked as Orchestrator checks them. */
export function readStartOptions(context: IExecuteFunctions, itemIndex: number, options: IDataObject): Partial<StartInfo> {
	const info: Partial<StartInfo> = {};
	if (options.entryPointPath !== undefined && String(options.entryPointPath).trim() !== '') {
		info.EntryPointPath = String(options.entryPointPath).trim();
	}
	if (options.machineSessionIds !== undefined) {
		const ids = readSessionIds(context, itemIndex, options.machineSessionIds);
		if (ids.length > 0) info.MachineSessionIds = ids;
	}
	if (options.runAsMe !== undefined) info.RunAsMe = readBoolean(context, itemIndex, option('Run As Me', 'runAsMe'), options.runAsMe);
	if (options.targetFramework !== undefined) {
		const framework = String(options.targetFramework);
		if (!TARGET_FRAMEWORKS.includes(framework)) {
			throw parameterError(context, itemIndex, option('Target Framework', 'targetFramework'), `"${framework}" is not one of ${TARGET_FRAMEWORKS.join(', ')}`);
		}
		info.TargetFramework = framework;
	}
	if (options.environmentVariables !== undefined && String(options.environmentVariables) !== '') {
		const variables = String(options.environmentVariables);
		if (variables.length > MAX_ENVIRONMENT_VARIABLES_LENGTH) {
			throw parameterError(context, itemIndex, option('Environment Variables', 'environmentVariables'), `is ${variables.length} characters; Orchestrator accepts at most ${MAX_ENVIRONMENT_VARIABLES_LENGTH}`);
		}
		info.EnvironmentVariables = variables;
	}
	if (options.specificPriorityValue !== undefined) {
		const raw = options.specificPriorityValue;
		const value = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
			throw parameterError(context, itemIndex, option('Specific Priority Value', 'specificPriorityValue'), `must be a whole number from 1 to 100, not ${JSON.stringify(raw)}`);
		}
		info.SpecificPriorityValue = value;
	}
	if (options.resumeOnSameContext !== undefined) {
		info.ResumeOnSameContext = readBoolean(context, itemIndex, option('Resume On Same Context', 'resumeOnSameContext'), options.resumeOnSameContext);
	}
	if (options.stopAfter !== undefined && String(options.stopAfter).trim() !== '') {
		info.StopProcessExpression = readDuration(context, itemIndex, option('Stop After', 'stopAfter'), options.stopAfter);
	}
	if (options.killAfter !== undefined && String(options.killAfter).trim() !== '') {
		info.KillProcessExpression = readDuration(context, itemIndex, option('Kill After', 'killAfter'), options.killAfter);
	}
	return info;
}
