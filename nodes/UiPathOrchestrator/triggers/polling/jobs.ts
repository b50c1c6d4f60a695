import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FINAL_JOB_STATES, ODATA, type JobState } from '../../helpers/constants';
import { toJob } from '../../helpers/outputItems';
import { combineFilters } from '../../helpers/parameters';
import { odataString, withOutputFile } from '../../transport';
import { folderFingerprint, readRequiredFolder } from '../parameters';
import type { EventStream } from './stream';

function readStates(context: IPollFunctions): JobState[] {
	const raw = context.getNodeParameter('jobStates', FINAL_JOB_STATES) as unknown;
	const states = Array.isArray(raw) ? raw : [];
	const unknown = states.filter((state) => !FINAL_JOB_STATES.includes(state as JobState));
	if (unknown.length > 0) {
		throw new NodeOperationError(context.getNode(), `Job States (jobStates) has states a job does not finish in: ${unknown.join(', ')}`);
	}
	if (states.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Job States (jobStates) must name at least one final state', {
			description: 'Choose Successful, Faulted and/or Stopped.',
		});
	}
	return [...new Set(states as JobState[])].sort();
}

/** Jobs that reached one of the chosen final states, marked by their EndTime. */
export function jobFinishedStream(context: IPollFunctions): EventStream {
	const folder = readRequiredFolder(context);
	const states = readStates(context);
	const processName = String(context.getNodeParameter('processName', '') ?? '').trim();
	return {
		key: 'jobFinished',
		scope: JSON.stringify({ folder: folderFingerprint(folder), states, process: processName.toLowerCase() }),
		path: ODATA.jobs,
		folder,
		filter: combineFilters([
			states.map((state) => `State eq ${odataString(state)}`).join(' or '),
			processName ? `ReleaseName eq ${odataString(processName)}` : undefined,
		]),
		timeField: 'EndTime',
		toItem: toJob,
		readKept: async (poll, credentialType, job) => await withOutputFile(poll, credentialType, folder, job),
	};
}
