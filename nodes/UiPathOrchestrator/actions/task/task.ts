import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TaskType } from '../../helpers/constants';
import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { describeFolder, getTask, getTaskData, taskRoutes, type TaskMetadata, type UiPathContext } from '../../transport';

/** The task's type when the node serves it (external and form tasks), or an error naming the type it does not. */
export function servedType(context: UiPathContext, itemIndex: number | undefined, task: TaskMetadata): TaskType {
	if (taskRoutes(task.Type)) return task.Type as TaskType;
	throw new NodeOperationError(context.getNode(), `Task ${task.Id} is a ${task.Type}; this node works with external and form tasks`, {
		itemIndex,
		description: 'Open app and document tasks in Action Center.',
	});
}

/** The task as the node outputs it: its metadata (TaskDto) with its Data and the Action taken. */
export async function readTaskWithData(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	ref: { id: number } | { key: string },
	itemIndex?: number,
): Promise<IDataObject> {
	const task = await getTask(context, credentialType, folder, ref);
	const data = await getTaskData(context, credentialType, folder, servedType(context, itemIndex, task), task.Id);
	return { ...withoutODataAnnotations(task), Action: data.action ?? task.Action ?? null, Data: data.data ?? {} };
}

/** A task refused by Orchestrator in a batch answer (assign, delete), as an error of the item. */
export function taskRefused(context: IExecuteFunctions, itemIndex: number, what: string, message: string | null | undefined, folder: FolderRef): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${what}: ${message ?? 'Orchestrator refused it'}`, {
		itemIndex,
		description: `Check Task ID or Key and that the task is in ${describeFolder(folder)}.`,
	});
}
