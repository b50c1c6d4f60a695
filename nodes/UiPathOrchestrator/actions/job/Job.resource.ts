import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getLogs from './getLogs.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';
import * as wait from './wait.operation';

export { get, getAll, getLogs, start, stop, wait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		default: 'start',
		options: [
			{ name: 'Get', value: 'get', description: 'Get a job by ID or key', action: 'Get a job' },
			{ name: 'Get Logs', value: 'getLogs', description: 'Get the log lines a robot wrote while running a job', action: 'Get the logs of a job' },
			{ name: 'Get Many', value: 'getAll', description: 'List jobs in a folder', action: 'Get many jobs' },
			{ name: 'Start', value: 'start', description: 'Start a process, optionally waiting for it to finish', action: 'Start a job' },
			{ name: 'Stop', value: 'stop', description: 'Stop or kill a running job', action: 'Stop a job' },
			{ name: 'Wait', value: 'wait', description: 'Wait until a job finishes and output it', action: 'Wait for a job' },
		],
	},
	...start.description,
	...get.description,
	...getAll.description,
	...getLogs.description,
	...stop.description,
	...wait.description,
];
