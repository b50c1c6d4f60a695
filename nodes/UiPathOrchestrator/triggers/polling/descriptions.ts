import type { INodeProperties } from 'n8n-workflow';

import { folderLocator, queueNameLocator } from '../../descriptions/common';
import { FINAL_JOB_STATES } from '../../helpers/constants';
import { processNameFilter } from '../descriptions';
import { WATCHED_QUEUE_ITEM_STATUSES } from './queueItems';

const QUEUE_ITEM_STATUS_NAMES: Record<keyof typeof WATCHED_QUEUE_ITEM_STATUSES, string> = {
	New: 'New',
	InProgress: 'In Progress',
	Successful: 'Successful',
	Failed: 'Failed',
	Retried: 'Retried',
};

export const pollingProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Job Finished', value: 'jobFinished', description: 'A job reached one of the chosen final states' },
			{
				name: 'Queue Item Status Changed',
				value: 'queueItemStatusChanged',
				description: 'A queue item reached one of the chosen statuses',
			},
		],
		default: 'jobFinished',
	},
	{ ...folderLocator, description: 'The Orchestrator folder to watch' },
	{
		displayName: 'Job States',
		name: 'jobStates',
		type: 'multiOptions',
		options: FINAL_JOB_STATES.map((state) => ({ name: state, value: state })),
		default: [...FINAL_JOB_STATES],
		description: 'The final states that count as finished',
		displayOptions: { show: { event: ['jobFinished'] } },
	},
	{ ...processNameFilter, displayOptions: { show: { event: ['jobFinished'] } } },
	{
		displayName: 'Statuses',
		name: 'queueItemStatuses',
		type: 'multiOptions',
		options: Object.entries(QUEUE_ITEM_STATUS_NAMES).map(([value, name]) => ({ name, value })),
		default: ['Successful', 'Failed'],
		description:
			'The statuses to report. A poll sees an item\'s current status: one that passed through a status between two polls is reported in the status it has now.',
		displayOptions: { show: { event: ['queueItemStatusChanged'] } },
	},
	{ ...queueNameLocator, displayOptions: { show: { event: ['queueItemStatusChanged'] } } },
];
