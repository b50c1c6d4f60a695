import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { JOB_STATES, ODATA } from '../../helpers/constants';
import type { Job, UiPathCredentialType } from '../../helpers/interfaces';
import { toJob } from '../../helpers/output';
import { combineFilters, readDate, readFolder } from '../../helpers/parameters';
import { odataString, uiPathApiRequestAllItems } from '../../transport';
import { folderLocator, odataFilterField, returnAllOrLimit } from '../common.descriptions';
import { rawFilter, readFilters, readLimit } from '../listing';

const properties: INodeProperties[] = [
	folderLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
			},
			odataFilterField,
			{
				displayName: 'Process Name',
				name: 'releaseName',
				type: 'string',
				default: '',
				description: 'Only jobs of the process with this name',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Only jobs started with this reference',
			},
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				default: [],
				options: JOB_STATES.map((state) => ({ name: state, value: state })),
				description: 'Only jobs in one of these states',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['job'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = readFilters(this, itemIndex);
	const states = Array.isArray(filters.states) ? (filters.states as string[]) : [];
	const $filter = combineFilters([
		states.length ? states.map((state) => `State eq ${odataString(state)}`).join(' or ') : undefined,
		filters.releaseName ? `ReleaseName eq ${odataString(String(filters.releaseName))}` : undefined,
		filters.reference ? `Reference eq ${odataString(String(filters.reference))}` : undefined,
		filters.createdAfter
			? `CreationTime ge ${readDate(this, itemIndex, { label: 'Created After', name: 'filters.createdAfter' }, filters.createdAfter)}`
			: undefined,
		filters.createdBefore
			? `CreationTime lt ${readDate(this, itemIndex, { label: 'Created Before', name: 'filters.createdBefore' }, filters.createdBefore)}`
			: undefined,
		rawFilter(filters),
	]);
	const jobs = await uiPathApiRequestAllItems<Job>(
		this,
		credentialType,
		{ path: ODATA.jobs, folder, qs: { $orderby: 'Id desc', ...($filter ? { $filter } : {}) } },
		limit,
	);
	return jobs.map(toJob);
}
