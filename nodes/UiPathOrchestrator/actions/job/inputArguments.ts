import type { IDataObject, IExecuteFunctions, INodeProperties, ResourceMapperValue } from 'n8n-workflow';

import { argumentsFromSchema, convertArguments, planArguments, type ArgumentPlan } from '../../helpers/inputArguments';
import type { FolderRef, ReleaseRef, UiPathCredentialType } from '../../helpers/interfaces';
import { itemParameter, parameterError, readJsonObject } from '../../helpers/parameters';
import { getRelease } from '../../transport';

const modeOptions = [
	{ name: 'Fields From the Process', value: 'fields', description: 'One field per input argument the process declares, of its type' },
	{ name: 'JSON', value: 'json', description: 'A JSON object of argument names and values' },
];

const mode = (defaultMode: 'fields' | 'json', versions: unknown[]): INodeProperties => ({
	displayName: 'Input Arguments Mode',
	name: 'inputArgumentsMode',
	type: 'options',
	options: modeOptions,
	default: defaultMode,
	description: 'How to give the process its input arguments',
	displayOptions: { show: { '@version': versions as number[] } },
});

/** Version 1 keeps JSON as its default, so workflows saved before the fields existed run unchanged. */
export const inputArgumentProperties: INodeProperties[] = [
	mode('json', [1]),
	mode('fields', [{ _cnd: { gte: 1.1 } }]),
	{
		displayName: 'Input Arguments',
		name: 'inputArgumentFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['folder.value', 'release.value'],
			resourceMapper: {
				resourceMapperMethod: 'getInputArgumentFields',
				mode: 'add',
				fieldWords: { singular: 'argument', plural: 'arguments' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { inputArgumentsMode: ['fields'] } },
	},
	{
		displayName: 'Input Arguments',
		name: 'inputArguments',
		type: 'json',
		default: '{}',
		description: 'The process\'s input arguments as a JSON object; over 10,000 characters they are sent as a job attachment. Expressions allowed.',
		displayOptions: { show: { inputArgumentsMode: ['json'] } },
	},
];

const FIELDS = { label: 'Input Arguments', name: 'inputArgumentFields' };
const JSON_PARAMETER = { label: 'Input Arguments', name: 'inputArguments' };

/** One read of a process's argument metadata per execution, however many items start it. */
const plansByExecution = new WeakMap<IExecuteFunctions, Map<string, Promise<ArgumentPlan>>>();

async function argumentPlan(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	release: ReleaseRef,
	itemIndex: number,
): Promise<ArgumentPlan> {
	let plans = plansByExecution.get(context);
	if (!plans) {
		plans = new Map();
		plansByExecution.set(context, plans);
	}
	// Built for every item, so a plain key rather than a serialization.
	const cacheKey = `${'id' in folder ? `id:${folder.id}` : `path:${folder.path}`}\n${release.key ? `key:${release.key}` : `name:${release.name ?? ''}`}`;
	let plan = plans.get(cacheKey);
	if (!plan) {
		plan = getRelease(context, credentialType, folder, release, { select: 'Name,Arguments', itemIndex }).then((found) =>
			planArguments((found.Arguments as { Input?: unknown } | undefined)?.Input),
		);
		plans.set(cacheKey, plan);
	}
	return await plan;
}

/** The mapped values: typed in below, or (automatic mapping) the item's fields of the same names. */
function mappedValues(context: IExecuteFunctions, itemIndex: number, mapper: Partial<ResourceMapperValue>): IDataObject {
	if (mapper.mappingMode === 'autoMapInputData') return context.getInputData()[itemIndex]?.json ?? {};
	return (mapper.value ?? {}) as IDataObject;
}

/**
 * StartProcessDto.InputArguments: the JSON parameter, or the fields converted to the process's argument types.
 * Fields are checked against the types the editor showed before any request, then against the process's current
 * metadata before the start; a process without usable metadata falls back to the JSON parameter.
 */
export async function readInputArguments(
	context: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	release: ReleaseRef,
): Promise<string> {
	let inputArguments: IDataObject;
	if (itemParameter(context, 'inputArgumentsMode', itemIndex, 'json') === 'fields') {
		const mapper = itemParameter(context, FIELDS.name, itemIndex, {}) as Partial<ResourceMapperValue>;
		const values = mappedValues(context, itemIndex, mapper);
		const fail = (problem: string) => parameterError(context, itemIndex, FIELDS, problem);
		convertArguments(argumentsFromSchema(mapper.schema), values, fail);
		const plan = await argumentPlan(context, credentialType, folder, release, itemIndex);
		inputArguments = plan.kind === 'fields' ? convertArguments(plan.arguments, values, fail) : readJsonObject(context, itemIndex, JSON_PARAMETER);
	} else {
		inputArguments = readJsonObject(context, itemIndex, JSON_PARAMETER);
	}
	// Over MAX_INPUT_ARGUMENTS_LENGTH they travel as an InputFile attachment (transport/attachments.ts).
	return JSON.stringify(inputArguments);
}
