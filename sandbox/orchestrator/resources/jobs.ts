import { randomUUID } from 'crypto';
import { attachmentIn, attachmentText } from '../attachments';
import { jsonBody, keyParam, type Route, type RouteContext } from '../context';
import { planStart, type StartPlan } from '../jobs/startInfo';
import { serializeFields } from '../entitySets';
import { badRequest, newTraceId, notFound, ok } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import type { TenantStore } from '../store/tenantStore';
import type { Folder, Job } from '../store/types';
import { byIdRoute, listRoute } from './generic';

const ACTION = 'UiPath.Server.Configuration.OData';
const STOP_STRATEGIES = ['SoftStop', 'Kill'] as const;

const jobsInFolder = {
	scopes: readScopes('Jobs'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.jobs,
	items: (context: RouteContext) => [...context.store.jobs.values()].filter((job) => job.OrganizationUnitId === context.folder.Id),
};

function createJob(store: TenantStore, folder: Folder, plan: StartPlan, batchKey: string, robotId: number | null, user: string | null): Job {
	const now = new Date().toISOString();
	const job: Job = {
		Id: store.nextId('job'),
		Key: randomUUID(),
		StartTime: null,
		EndTime: null,
		State: 'Pending',
		JobPriority: plan.jobPriority,
		SpecificPriorityValue: plan.specificPriorityValue,
		Source: plan.source,
		SourceType: 'Manual',
		BatchExecutionKey: batchKey,
		Info: null,
		CreationTime: now,
		StartingScheduleId: null,
		ReleaseName: plan.release.Name,
		Type: 'Unattended',
		InputArguments: plan.inputArguments,
		InputFile: plan.inputFile,
		EnvironmentVariables: plan.environmentVariables,
		OutputArguments: null,
		OutputFile: null,
		HostMachineName: null,
		HasMediaRecorded: false,
		HasVideoRecorded: false,
		PersistenceId: null,
		ResumeVersion: null,
		StopStrategy: null,
		RuntimeType: plan.runtimeType,
		RequiresUserInteraction: false,
		ReleaseVersionId: plan.release.Id,
		EntryPointPath: plan.entryPointPath,
		OrganizationUnitId: folder.Id,
		OrganizationUnitFullyQualifiedName: folder.FullyQualifiedName,
		Reference: plan.reference,
		ProcessType: 'Process',
		ResumeOnSameContext: plan.resumeOnSameContext,
		LocalSystemAccount: '',
		OrchestratorUserIdentity: user,
		RemoteControlAccess: 'None',
		MaxExpectedRunningTimeSeconds: null,
		ParentJobKey: null,
		ResumeTime: null,
		LastModificationTime: null,
		JobError: null,
		ErrorCode: null,
		TraceId: newTraceId(),
		releaseId: plan.release.Id,
		robotId,
		behaviour: plan.release.behaviour,
		inputText: plan.inputText,
	};
	store.jobs.set(job.Id, job);
	return job;
}

function stopStrategy(value: unknown, name: string): 'SoftStop' | 'Kill' {
	if (typeof value !== 'string' || !(STOP_STRATEGIES as readonly string[]).includes(value)) {
		throw badRequest(`${name} must be SoftStop or Kill.`);
	}
	return value as 'SoftStop' | 'Kill';
}

function jobInFolder(context: RouteContext, id: number): Job {
	const job = context.store.jobs.get(id);
	if (!job || job.OrganizationUnitId !== context.folder.Id) throw notFound(`Job ${id} does not exist.`);
	return job;
}

/** Fields some Orchestrator versions send as "" rather than null when they hold nothing. */
const BLANKABLE = ['InputArguments', 'InputFile', 'OutputArguments', 'OutputFile', 'Info'];

function blank(entity: unknown): unknown {
	if (!entity || typeof entity !== 'object') return entity;
	const record = { ...(entity as Record<string, unknown>) };
	for (const name of BLANKABLE) if (name in record && record[name] === null) record[name] = '';
	return record;
}

/** The route's answers with null job fields as "" while `variants.blankForNull` is on. */
function withBlankFields(route: Route): Route {
	return {
		...route,
		async handle(context) {
			const reply = await route.handle(context);
			if (!context.variants.blankForNull || !reply.body || typeof reply.body !== 'object') return reply;
			const body = reply.body as Record<string, unknown>;
			return { ...reply, body: Array.isArray(body.value) ? { ...body, value: body.value.map(blank) } : blank(body) };
		},
	};
}

export const jobRoutes: Route[] = [
	withBlankFields(listRoute('Jobs', { ...jobsInFolder, rateLimited: true })),
	withBlankFields(byIdRoute('Jobs', 'Job', jobsInFolder)),
	{
		method: 'POST',
		pattern: new RegExp(`^/odata/Jobs/${ACTION.replace(/\./g, '\\.')}\\.StartJobs$`),
		scopes: writeScopes('Jobs'),
		folderScoped: true,
		handle(context) {
			const readInputFile = (id: string) => {
				const text = attachmentText(context.blobs, attachmentIn(context.store, context.folder.Id, id));
				if (text === undefined) throw badRequest(`Nothing was uploaded to the attachment ${id} given as startInfo.InputFile.`);
				return text;
			};
			const plan = planStart(context.store, context.folder, jsonBody(context, '{ "startInfo": { ... } }'), readInputFile);
			const batchKey = randomUUID();
			const user = context.token.kind === 'client' ? null : context.token.subject;
			const jobs = plan.robots.map((robot) => createJob(context.store, context.folder, plan, batchKey, robot?.Id ?? null, user));
			context.runner.enqueue(context.store, plan, jobs);
			const fields = context.sets.jobs.fields;
			return ok(
				{
					'@odata.context': `${context.serviceRoot}/odata/$metadata#Jobs`,
					value: jobs.map((job) => serializeFields(job, fields)),
				},
				context.variants.startJobsStatus ?? 201,
			);
		},
	},
	{
		method: 'POST',
		pattern: new RegExp(`^/odata/Jobs/${ACTION.replace(/\./g, '\\.')}\\.StopJobs$`),
		scopes: writeScopes('Jobs'),
		folderScoped: true,
		handle(context) {
			const body = jsonBody(context, '{ "jobIds": [...], "strategy": "SoftStop" | "Kill" }');
			const strategy = stopStrategy(body.strategy, 'strategy');
			if (!Array.isArray(body.jobIds) || body.jobIds.length === 0 || body.jobIds.some((id) => !Number.isInteger(id))) {
				throw badRequest('jobIds must be a non-empty array of job ids (integers).');
			}
			const jobs = (body.jobIds as number[]).map((id) => jobInFolder(context, id));
			context.runner.stop(context.store, jobs, strategy);
			return { status: 200 };
		},
	},
	{
		method: 'POST',
		pattern: new RegExp(`^/odata/Jobs\\((\\d+)\\)/${ACTION.replace(/\./g, '\\.')}\\.StopJob$`),
		scopes: writeScopes('Jobs'),
		folderScoped: true,
		handle(context) {
			const body = jsonBody(context, '{ "strategy": "SoftStop" | "Kill" }');
			const strategy = stopStrategy(body.strategy, 'strategy');
			context.runner.stop(context.store, [jobInFolder(context, keyParam(context))], strategy);
			return { status: 200 };
		},
	},
];
