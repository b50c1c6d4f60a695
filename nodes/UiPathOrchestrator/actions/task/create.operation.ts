import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { TASK_PRIORITIES, type TaskType } from '../../helpers/constants';
import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { parameterError, readFolder, readJsonObject } from '../../helpers/parameters';
import { createTask, describeFolder, findTaskCatalog } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { readTaskData, taskDataFields } from './fields';
import { DEFAULT_TASK_WAIT_SECONDS, resumedTask, tasksWaitReleased } from './releasedTasks';
import { readTaskWithData } from './task';

const show = { resource: ['task'], operation: ['create'] };

const properties: INodeProperties[] = [
	folderLocator,
	{
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		options: [
			{ name: 'External Task', value: 'ExternalTask', description: 'Completed by a person in Action Center or by another system through the API' },
			{ name: 'Form Task', value: 'FormTask', description: 'A form a person fills in and submits in Action Center' },
		],
		default: 'ExternalTask',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Approve invoice INV-1 (1,200 EUR)',
		description: 'What the person sees in their Action Center inbox (at most 512 characters)',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: TASK_PRIORITIES.map((priority) => ({ name: priority, value: priority })),
		default: 'Medium',
	},
	...taskDataFields({ show: {} }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Catalog',
				name: 'catalog',
				type: 'string',
				default: '',
				placeholder: 'e.g. Invoice Approvals',
				description: 'The action catalog the task belongs to; it must be shared with the folder',
			},
			{
				displayName: 'External Tag',
				name: 'externalTag',
				type: 'string',
				default: '',
				description: 'A reference of the system the task comes from, e.g. the ERP document number (at most 512 characters)',
			},
			{
				displayName: 'Form Layout (JSON)',
				name: 'formLayout',
				type: 'json',
				default: '{}',
				description: 'For a form task: the form.io layout the person fills in',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TASK_WAIT_SECONDS,
				description: 'With Wait for Completion: how long to wait for the person before the item fails (default 7 days)',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description: 'Whether to wait until a person completes the task, and output the completed task with its data and action. The execution is released (it waits in n8n\'s database) and resumes on UiPath\'s task.completed event.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

const TITLE = { label: 'Title', name: 'title' };
const MAX_TITLE_LENGTH = 512;

/** A catalog must exist and be shared with the folder; checked first so the error names the parameter, not a 400. */
async function readCatalog(
	context: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	options: IDataObject,
): Promise<string | undefined> {
	const name = String(options.catalog ?? '').trim();
	if (!name) return undefined;
	const catalog = await findTaskCatalog(context, credentialType, folder, name);
	if (!catalog) {
		throw parameterError(context, itemIndex, { label: 'Catalog', name: 'options.catalog' }, `"${name}" is not an action catalog shared with ${describeFolder(folder)}`, 'Check the catalog\'s name in Action Center (Admin > Action Catalogs) and that it is shared with this folder.');
	}
	return String(catalog.Name);
}

/** The request body of CreateTask / CreateFormTask, every parameter checked before anything is sent. */
export async function readCreateRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
): Promise<{ type: TaskType; body: IDataObject }> {
	const type = context.getNodeParameter('taskType', itemIndex, 'ExternalTask') as TaskType;
	const title = String(context.getNodeParameter(TITLE.name, itemIndex, '') ?? '').trim();
	if (!title) throw parameterError(context, itemIndex, TITLE, 'is required');
	if (title.length > MAX_TITLE_LENGTH) throw parameterError(context, itemIndex, TITLE, `is longer than ${MAX_TITLE_LENGTH} characters`);
	const data = readTaskData(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const externalTag = String(options.externalTag ?? '').trim();
	const formLayout = type === 'FormTask' && options.formLayout !== undefined ? readJsonObject(context, itemIndex, { label: 'Form Layout (JSON)', name: 'options.formLayout' }) : undefined;
	const catalog = await readCatalog(context, itemIndex, credentialType, folder, options);
	const body: IDataObject = {
		...(type === 'ExternalTask' ? { type } : {}),
		title,
		priority: context.getNodeParameter('priority', itemIndex, 'Medium') as string,
		data,
		...(catalog ? { taskCatalogName: catalog } : {}),
		...(externalTag ? { externalTag } : {}),
		...(formLayout ? { formLayout } : {}),
	};
	return { type, body };
}

/**
 * A new task, Unassigned in the folder's Action Center inbox, with its data (TaskDataDto). With Wait for Completion
 * the task as Get reads it, which the node parks on; its resumed run outputs the completed task instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const resumed = resumedTask(this, itemIndex);
	if (resumed) return resumed;
	const folder = readFolder(this, itemIndex);
	const { type, body } = await readCreateRequest(this, itemIndex, credentialType, folder);
	const created = await createTask(this, credentialType, folder, type, body);
	if (!tasksWaitReleased((name, fallback) => this.getNodeParameter(name, itemIndex, fallback), this.getNode())) return [created];
	return [await readTaskWithData(this, credentialType, folder, { id: created.id }, itemIndex)];
}
