import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { locatorParts, parameterError, readFolder } from '../../helpers/parameters';
import { changeTaskAssignment, describeFolder, findTaskUser, getTask, resolveFolderId, type AssignmentChange } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { readTaskRef, taskIdField } from './fields';
import { taskRefused } from './task';

const properties: INodeProperties[] = [
	folderLocator,
	taskIdField,
	{
		displayName: 'Assignment',
		name: 'assignment',
		type: 'options',
		options: [
			{ name: 'Assign', value: 'assign', description: 'Give an unassigned task to someone' },
			{ name: 'Reassign', value: 'reassign', description: 'Give the task to someone else' },
			{ name: 'Unassign', value: 'unassign', description: 'Put the task back in the unassigned pool' },
		],
		default: 'assign',
	},
	{
		displayName: 'Assignee',
		name: 'assignee',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'Who gets the task: someone with Tasks.View and Tasks.Edit in the folder',
		displayOptions: { show: { assignment: ['assign', 'reassign'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTaskUsers', searchable: true },
			},
			{
				displayName: 'By E-Mail',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@example.com',
				hint: 'The e-mail address or user name of the person',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['assign'] } }, properties);

const ASSIGNEE = { label: 'Assignee', name: 'assignee' };

/** Assigns, reassigns or unassigns the task; outputs the task as it is afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const ref = readTaskRef(this, itemIndex);
	const change = this.getNodeParameter('assignment', itemIndex, 'assign') as AssignmentChange;
	const assignee = change === 'unassign' ? '' : locatorParts(this.getNodeParameter(ASSIGNEE.name, itemIndex, undefined)).value;
	if (change !== 'unassign' && !assignee) {
		throw parameterError(this, itemIndex, ASSIGNEE, 'is required', 'Choose someone from the list, or give their e-mail address.');
	}
	const taskId = 'id' in ref ? ref.id : (await getTask(this, credentialType, folder, ref)).Id;
	let user: { UserId: number } | undefined;
	if (change !== 'unassign') {
		// Checked among the people the folder's tasks can go to, so the error names Assignee rather than UiPath's wording.
		const found = await findTaskUser(this, credentialType, await resolveFolderId(this, credentialType, folder), assignee);
		if (!found) {
			throw parameterError(this, itemIndex, ASSIGNEE, `"${assignee}" cannot take tasks in ${describeFolder(folder)}`, 'Choose someone from the list: the people with Tasks.View and Tasks.Edit in the folder.');
		}
		user = { UserId: found.id };
	}
	const [refused] = await changeTaskAssignment(this, credentialType, folder, change, taskId, user);
	if (refused) throw taskRefused(this, itemIndex, `Task ${taskId} was not ${change}ed`, refused.ErrorMessage, folder);
	return [withoutODataAnnotations(await getTask(this, credentialType, folder, { id: taskId }))];
}
