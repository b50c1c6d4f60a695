import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { GUID, LOG_LEVELS, ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { combineFilters, readFolder, readJobId } from '../../helpers/parameters';
import { getJob, uiPathApiRequestAllItems } from '../../transport';
import { folderLocator, jobIdField, returnAllOrLimit } from '../../descriptions/common';
import { anyOf, readFilters, readLimit } from '../listing';

const levels = anyOf('Levels', 'levels', 'Level', LOG_LEVELS, 'Only lines of these levels (all when empty)');

const properties: INodeProperties[] = [
	folderLocator,
	jobIdField,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [levels.option],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['getLogs'] } }, properties);

/** The robot's log lines of one job, oldest first, 1,000 per request. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const jobId = readJobId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = readFilters(this, itemIndex);
	const levelCondition = await levels.condition(filters.levels, { context: this, itemIndex, credentialType, folder });
	// Logs name their job by Key; a numeric Id is looked up first.
	const jobKey = GUID.test(jobId) ? jobId : (await getJob(this, credentialType, folder, jobId)).Key;
	const $filter = combineFilters([`JobKey eq ${jobKey}`, levelCondition]);
	const lines = await uiPathApiRequestAllItems(
		this,
		credentialType,
		{ path: ODATA.robotLogs, folder, qs: { $filter, $orderby: 'TimeStamp asc,Id asc' } },
		limit,
	);
	return lines.map(withoutODataAnnotations);
}
