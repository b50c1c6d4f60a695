import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Job } from './interfaces';

/** A job that ended Faulted or Stopped: the item fails with the job's Info, and continueOnFail yields the job itself. */
export class JobFailedError extends NodeOperationError {
	readonly job: Job;

	constructor(node: INode, job: Job, itemIndex: number) {
		const info = typeof job.Info === 'string' && job.Info.trim() ? job.Info.trim() : `Job ${job.Id} ended ${job.State}`;
		super(node, info, {
			itemIndex,
			description: `Job ${job.Id}${job.ReleaseName ? ` of process "${job.ReleaseName}"` : ''} (key ${job.Key}) ended ${job.State}.`,
		});
		this.job = job;
	}
}
