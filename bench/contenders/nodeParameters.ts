import { join } from 'path';

import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import type { ListedEntity, Target } from './tasks';

/** The node's description, loaded by file path: a `.node` specifier would be taken for a native addon. */
function nodeDescription(): INodeType['description'] {
	const file = join(__dirname, '..', '..', 'nodes', 'UiPathOrchestrator', 'UiPathOrchestrator.node.ts');
	const { UiPathOrchestrator } = require(file) as { UiPathOrchestrator: new () => INodeType };
	return new UiPathOrchestrator().description;
}

/** The node's type name once installed (n8n prefixes the package name); the embedded runner uses the same. */
export const NODE_TYPE = 'n8n-nodes-uipath.uiPathOrchestrator';

/** Where a concurrency setting sits in the node's parameters, if the node has one. */
export interface ConcurrencyParameter {
	/** e.g. ['options', 'concurrency'] or ['concurrency']. */
	path: string[];
}

type JobOperation = 'start' | 'wait';

function shownForJob(property: INodeProperties, operation: JobOperation): boolean {
	const show = property.displayOptions?.show;
	return !show || ((show.resource ?? ['job']).includes('job') && (show.operation ?? [operation]).includes(operation));
}

/**
 * Looks for a concurrency setting of Job → Start (or Wait) in the node's own description, so the benchmark
 * uses it as soon as the node has one (top level or inside a collection such as Options).
 */
export function findConcurrencyParameter(operation: JobOperation = 'start'): ConcurrencyParameter | undefined {
	const matches = (name: string) => /concurren|parallel/i.test(name);
	for (const property of nodeDescription().properties) {
		if (!shownForJob(property, operation)) continue;
		if (matches(property.name)) return { path: [property.name] };
		if (property.type === 'collection' && Array.isArray(property.options)) {
			for (const option of property.options as INodeProperties[]) {
				if ('name' in option && matches(option.name)) return { path: [property.name, option.name] };
			}
		}
	}
	return undefined;
}

function withParameter(parameters: INodeParameters, path: string[], value: number): INodeParameters {
	const [head, ...rest] = path;
	if (rest.length === 0) return { ...parameters, [head]: value };
	const inner = (parameters[head] as INodeParameters | undefined) ?? {};
	return { ...parameters, [head]: withParameter(inner, rest, value) };
}

const folder = (target: Target) => ({ __rl: true, mode: 'path', value: target.folderPath });

/** Job → Start, one job per item, input arguments from the item; optionally waiting, optionally with a concurrency. */
export function startJobParameters(
	target: Target,
	options: { wait?: { pollIntervalSeconds: number; timeoutSeconds: number }; concurrency?: { parameter: ConcurrencyParameter; value: number } } = {},
): INodeParameters {
	const parameters: INodeParameters = {
		authentication: 'uiPathApi',
		resource: 'job',
		operation: 'start',
		folder: folder(target),
		release: { __rl: true, mode: 'list', value: target.releaseKey, cachedResultName: target.releaseName },
		strategy: 'ModernJobsCount',
		jobsCount: 1,
		inputArguments: "={{ JSON.stringify({ InvoiceId: 'INV-' + $json.n }) }}",
		options: options.wait
			? { waitForCompletion: true, pollInterval: options.wait.pollIntervalSeconds, timeout: options.wait.timeoutSeconds }
			: {},
	};
	return options.concurrency ? withParameter(parameters, options.concurrency.parameter.path, options.concurrency.value) : parameters;
}

/** Job → Wait for the job whose Id the item carries, optionally with a concurrency. */
export function waitJobParameters(
	target: Target,
	wait: { pollIntervalSeconds: number; timeoutSeconds: number },
	concurrency?: { parameter: ConcurrencyParameter; value: number },
): INodeParameters {
	const parameters: INodeParameters = {
		authentication: 'uiPathApi',
		resource: 'job',
		operation: 'wait',
		folder: folder(target),
		jobId: '={{ $json.Id }}',
		options: { pollInterval: wait.pollIntervalSeconds, timeout: wait.timeoutSeconds },
	};
	return concurrency ? withParameter(parameters, concurrency.parameter.path, concurrency.value) : parameters;
}

/**
 * Scenario 4's one-execution workflow, Start → Wait, each at the task's concurrency when the node has the
 * setting (a user waiting for many jobs in one execution sets it); without it, one item after the other.
 */
export function startThenWaitParameters(
	target: Target,
	task: { pollIntervalSeconds: number; startConcurrency?: number; waitConcurrency?: number },
): { start: INodeParameters; wait: INodeParameters } {
	const wait = { pollIntervalSeconds: task.pollIntervalSeconds, timeoutSeconds: 600 };
	const startParameter = findConcurrencyParameter('start');
	const waitParameter = findConcurrencyParameter('wait');
	return {
		start: startJobParameters(target, startParameter && task.startConcurrency ? { concurrency: { parameter: startParameter, value: task.startConcurrency } } : {}),
		wait: waitJobParameters(target, wait, waitParameter && task.waitConcurrency ? { parameter: waitParameter, value: task.waitConcurrency } : undefined),
	};
}

/** Process → Get Many or Job → Get Many with Return All. */
export function listParameters(target: Target, entity: ListedEntity): INodeParameters {
	return {
		authentication: 'uiPathApi',
		resource: entity === 'releases' ? 'release' : 'job',
		operation: 'getAll',
		folder: folder(target),
		returnAll: true,
	};
}
