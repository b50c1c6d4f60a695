import { badRequest, notFound } from '../reply';
import type { TenantStore } from '../store/tenantStore';
import type { Folder, Release, Robot } from '../store/types';

export const STRATEGIES = ['All', 'Specific', 'RobotCount', 'JobsCount', 'ModernJobsCount'] as const;
export type Strategy = (typeof STRATEGIES)[number];
const PRIORITIES = ['Low', 'Normal', 'High'] as const;
const RUNTIME_TYPES = new Set([
	'NonProduction', 'Attended', 'Unattended', 'Development', 'Studio', 'RpaDeveloper', 'StudioX', 'CitizenDeveloper',
	'Headless', 'StudioPro', 'RpaDeveloperPro', 'TestAutomation', 'AutomationCloud', 'Serverless', 'AutomationKit',
	'ServerlessTestAutomation', 'AutomationCloudTestAutomation', 'AttendedStudioWeb', 'Hosting', 'AssistantWeb',
	'ProcessOrchestration', 'AgentService', 'AppTest', 'PerformanceTest',
]);
export const MAX_INPUT_ARGUMENTS_LENGTH = 10_000;
const MAX_REFERENCE_LENGTH = 128;

/** A checked `startInfo`: which release, and on which robots (an entry per job; null = any robot of the folder). */
export interface StartPlan {
	release: Release;
	strategy: Strategy;
	robots: (Robot | null)[];
	/** Sent inline; null when the input came as a file or not at all. */
	inputArguments: string | null;
	/** The attachment the input came in (StartProcessDto.InputFile). */
	inputFile: string | null;
	/** What the robot reads: the inline arguments or the file's text. */
	inputText: string | null;
	reference: string;
	jobPriority: 'Low' | 'Normal' | 'High';
	specificPriorityValue: number;
	runtimeType: string;
	source: string;
	/** The start options the job keeps (MachineSessionIds, RunAsMe, TargetFramework, Stop/KillProcessExpression are only checked). */
	entryPointPath: string;
	environmentVariables: string | null;
	resumeOnSameContext: boolean;
}

const TARGET_FRAMEWORKS = ['Legacy', 'Windows', 'Portable'] as const;
/** StartProcessDto.EnvironmentVariables: maxLength 4000. */
const MAX_ENVIRONMENT_VARIABLES_LENGTH = 4000;

const field = (name: string) => `startInfo.${name}`;

function optionalString(info: Record<string, unknown>, name: string): string | undefined {
	const value = info[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw badRequest(`${field(name)} must be a string.`);
	return value;
}

function optionalInteger(info: Record<string, unknown>, name: string): number | undefined {
	const value = info[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${field(name)} must be an integer.`);
	return value;
}

function optionalBoolean(info: Record<string, unknown>, name: string): boolean | undefined {
	const value = info[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw badRequest(`${field(name)} must be true or false.`);
	return value;
}

/** StopProcessExpression / KillProcessExpression: a number of seconds, as text. */
function checkSeconds(info: Record<string, unknown>, name: string): void {
	const value = optionalString(info, name);
	if (value !== undefined && value !== '' && (!/^\d+$/.test(value) || Number(value) < 1)) {
		throw badRequest(`${field(name)} must be a number of seconds, not '${value}'.`);
	}
}

/** The path must be one of the package's entry points (ProcessDto.EntryPoints). */
function entryPointOf(store: TenantStore, release: Release, info: Record<string, unknown>): string {
	const path = optionalString(info, 'EntryPointPath');
	if (path === undefined || path === '') return release.EntryPointPath;
	const known = store.packages.get(release.ProcessKey)?.EntryPoints.map((entryPoint) => entryPoint.Path) ?? [release.EntryPointPath];
	if (!known.includes(path)) throw badRequest(`${field('EntryPointPath')} '${path}' is not an entry point of ${release.ProcessKey} (${known.join(', ')}).`);
	return path;
}

/** Sessions of machines that serve the folder. */
function checkMachineSessions(store: TenantStore, folder: Folder, info: Record<string, unknown>): void {
	const raw = info.MachineSessionIds ?? [];
	if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
		throw badRequest(`${field('MachineSessionIds')} must be an array of session ids (integers).`);
	}
	for (const id of raw as number[]) {
		const session = store.sessions.get(id);
		if (!session || !store.robotsIn(folder.Id).some((robot) => robot.Id === session.robotId)) {
			throw badRequest(`${field('MachineSessionIds')}: session ${id} is not a session of a machine of folder '${folder.FullyQualifiedName}'.`);
		}
	}
}

function findRelease(store: TenantStore, folder: Folder, info: Record<string, unknown>): Release {
	const key = optionalString(info, 'ReleaseKey');
	const name = optionalString(info, 'ReleaseName');
	const releases = store.releasesIn(folder.Id);
	if (key) {
		const release = releases.find((candidate) => candidate.Key === key.toLowerCase());
		if (release) return release;
		throw notFound(`The process with ReleaseKey '${key}' does not exist in folder '${folder.FullyQualifiedName}'.`);
	}
	if (name) {
		const release = releases.find((candidate) => candidate.Name.toLowerCase() === name.toLowerCase());
		if (release) return release;
		throw notFound(`The process with ReleaseName '${name}' does not exist in folder '${folder.FullyQualifiedName}'.`);
	}
	throw badRequest(`${field('ReleaseKey')} is required (or ${field('ReleaseName')}).`);
}

/** A JSON object of argument names and values, or a 400 naming where it came from. */
function checkArgumentsObject(text: string, where: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw badRequest(`${where} is not valid JSON.`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw badRequest(`${where} must be a JSON object of argument names and values.`);
	}
	return text;
}

/** Reads the text of an uploaded attachment of the folder, or throws a 400/404 naming it. */
export type InputFileReader = (attachmentId: string) => string;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseInput(info: Record<string, unknown>, readInputFile: InputFileReader): Pick<StartPlan, 'inputArguments' | 'inputFile' | 'inputText'> {
	const value = info.InputArguments;
	const inline = value === undefined || value === null || value === '' ? null : value;
	const file = info.InputFile === undefined || info.InputFile === null || info.InputFile === '' ? null : info.InputFile;
	if (inline !== null && file !== null) {
		throw badRequest(`Give ${field('InputArguments')} or ${field('InputFile')}, not both.`);
	}
	if (file !== null) {
		if (typeof file !== 'string' || !GUID.test(file)) throw badRequest(`${field('InputFile')} must be the Id (a GUID) of an attachment.`);
		const text = checkArgumentsObject(readInputFile(file), `The attachment ${file} given as ${field('InputFile')}`);
		return { inputArguments: null, inputFile: file.toLowerCase(), inputText: text };
	}
	if (inline === null) return { inputArguments: null, inputFile: null, inputText: null };
	if (typeof inline !== 'string') {
		throw badRequest(`${field('InputArguments')} must be a string holding a JSON object, e.g. "{\\"InvoiceId\\":\\"INV-1\\"}".`);
	}
	if (inline.length > MAX_INPUT_ARGUMENTS_LENGTH) {
		throw badRequest(
			`${field('InputArguments')} is ${inline.length} characters long; the maximum is ${MAX_INPUT_ARGUMENTS_LENGTH}.`,
		);
	}
	checkArgumentsObject(inline, field('InputArguments'));
	return { inputArguments: inline, inputFile: null, inputText: inline };
}

function robotsFor(store: TenantStore, folder: Folder, strategy: Strategy, info: Record<string, unknown>): (Robot | null)[] {
	const rawRobotIds = info.RobotIds ?? [];
	if (!Array.isArray(rawRobotIds) || rawRobotIds.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
		throw badRequest(`${field('RobotIds')} must be an array of robot ids (integers).`);
	}
	const robotIds = rawRobotIds as number[];
	const jobsCount = optionalInteger(info, 'JobsCount') ?? 0;
	const noOfRobots = optionalInteger(info, 'NoOfRobots') ?? 0;
	if (robotIds.length > 0 && strategy !== 'Specific') {
		throw badRequest(`${field('RobotIds')} must be empty unless ${field('Strategy')} is Specific (it is ${strategy}).`);
	}
	if (jobsCount > 0 && strategy !== 'JobsCount' && strategy !== 'ModernJobsCount') {
		throw badRequest(
			`${field('JobsCount')} must be 0 unless ${field('Strategy')} is JobsCount or ModernJobsCount (it is ${strategy}).`,
		);
	}
	if (noOfRobots > 0 && strategy !== 'RobotCount') {
		throw badRequest(`${field('NoOfRobots')} must be 0 unless ${field('Strategy')} is RobotCount (it is ${strategy}).`);
	}
	const folderRobots = store.robotsIn(folder.Id);
	switch (strategy) {
		case 'Specific':
			if (robotIds.length === 0) throw badRequest(`${field('RobotIds')} must name at least one robot when ${field('Strategy')} is Specific.`);
			return robotIds.map((id) => {
				const robot = folderRobots.find((candidate) => candidate.Id === id);
				if (!robot) throw badRequest(`${field('RobotIds')}: robot ${id} is not assigned to folder '${folder.FullyQualifiedName}'.`);
				return robot;
			});
		case 'All':
			if (folderRobots.length === 0) throw badRequest(`No robot is assigned to folder '${folder.FullyQualifiedName}'.`);
			return folderRobots;
		case 'RobotCount':
			if (noOfRobots <= 0) throw badRequest(`${field('NoOfRobots')} must be greater than 0 when ${field('Strategy')} is RobotCount.`);
			return Array.from({ length: noOfRobots }, () => null);
		case 'JobsCount':
		case 'ModernJobsCount':
			if (jobsCount <= 0) throw badRequest(`${field('JobsCount')} must be greater than 0 when ${field('Strategy')} is ${strategy}.`);
			return Array.from({ length: jobsCount }, () => null);
	}
}

/** Checks `{ startInfo }` with UiPath's rules and plans the jobs; throws a 400/404 naming the field otherwise. */
export function planStart(store: TenantStore, folder: Folder, body: Record<string, unknown>, readInputFile: InputFileReader): StartPlan {
	const info = body.startInfo;
	if (!info || typeof info !== 'object' || Array.isArray(info)) {
		throw badRequest('startInfo is required: { "startInfo": { "ReleaseKey": "...", "Strategy": "ModernJobsCount", "JobsCount": 1 } }.');
	}
	const startInfo = info as Record<string, unknown>;
	const release = findRelease(store, folder, startInfo);
	const rawStrategy = optionalString(startInfo, 'Strategy');
	if (rawStrategy !== undefined && !(STRATEGIES as readonly string[]).includes(rawStrategy)) {
		throw badRequest(`${field('Strategy')} '${rawStrategy}' is not one of ${STRATEGIES.join(', ')}.`);
	}
	// Without a strategy, Orchestrator starts one job in a modern folder (what uipath-typescript relies on).
	const strategy = (rawStrategy as Strategy | undefined) ?? 'ModernJobsCount';
	const withDefaultCount = rawStrategy === undefined && startInfo.JobsCount === undefined ? { ...startInfo, JobsCount: 1 } : startInfo;
	const robots = robotsFor(store, folder, strategy, withDefaultCount);

	const reference = optionalString(startInfo, 'Reference') ?? '';
	if (reference.length > MAX_REFERENCE_LENGTH) {
		throw badRequest(`${field('Reference')} is ${reference.length} characters long; the maximum is ${MAX_REFERENCE_LENGTH}.`);
	}
	const priority = optionalString(startInfo, 'JobPriority');
	if (priority !== undefined && !(PRIORITIES as readonly string[]).includes(priority)) {
		throw badRequest(`${field('JobPriority')} '${priority}' is not one of ${PRIORITIES.join(', ')}.`);
	}
	const specificPriority = optionalInteger(startInfo, 'SpecificPriorityValue');
	if (specificPriority !== undefined && (specificPriority < 1 || specificPriority > 100)) {
		throw badRequest(`${field('SpecificPriorityValue')} must be between 1 and 100.`);
	}
	const runtimeType = optionalString(startInfo, 'RuntimeType');
	if (runtimeType !== undefined && !RUNTIME_TYPES.has(runtimeType)) {
		throw badRequest(`${field('RuntimeType')} '${runtimeType}' is not a known runtime type.`);
	}
	const framework = optionalString(startInfo, 'TargetFramework');
	if (framework !== undefined && !(TARGET_FRAMEWORKS as readonly string[]).includes(framework)) {
		throw badRequest(`${field('TargetFramework')} '${framework}' is not one of ${TARGET_FRAMEWORKS.join(', ')}.`);
	}
	const environmentVariables = optionalString(startInfo, 'EnvironmentVariables');
	if (environmentVariables !== undefined && environmentVariables.length > MAX_ENVIRONMENT_VARIABLES_LENGTH) {
		throw badRequest(`${field('EnvironmentVariables')} is ${environmentVariables.length} characters long; the maximum is ${MAX_ENVIRONMENT_VARIABLES_LENGTH}.`);
	}
	checkMachineSessions(store, folder, startInfo);
	optionalBoolean(startInfo, 'RunAsMe');
	checkSeconds(startInfo, 'StopProcessExpression');
	checkSeconds(startInfo, 'KillProcessExpression');
	const jobPriority = (priority as StartPlan['jobPriority'] | undefined) ?? release.JobPriority;
	return {
		release,
		strategy,
		robots,
		...parseInput(startInfo, readInputFile),
		reference,
		jobPriority,
		specificPriorityValue: specificPriority ?? { Low: 15, Normal: 45, High: 85 }[jobPriority],
		runtimeType: runtimeType ?? 'Unattended',
		source: optionalString(startInfo, 'Source') ?? 'Manual',
		entryPointPath: entryPointOf(store, release, startInfo),
		environmentVariables: environmentVariables ?? null,
		resumeOnSameContext: optionalBoolean(startInfo, 'ResumeOnSameContext') ?? false,
	};
}
