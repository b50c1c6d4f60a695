import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Job, LogLine } from './interfaces';

/** A faulted job's last error log lines, or why they could not be read. */
export type FaultLogs = { lines: LogLine[] } | { unreadable: string };

function describeLogs(logs: FaultLogs | undefined): string {
	if (!logs) return '';
	if ('unreadable' in logs) return ` Its log lines could not be read: ${logs.unreadable}`;
	if (logs.lines.length === 0) return '';
	return `\nLast error log lines:\n${logs.lines.map((line) => `${line.TimeStamp} ${line.Level}: ${line.Message}`).join('\n')}`;
}

/**
 * A job that ended Faulted or Stopped: the item fails with the job's Info, and continueOnFail yields the job itself;
 * a faulted job also carries its last error log lines (ErrorLogs), so the execution shows why.
 */
export class JobFailedError extends NodeOperationError {
	readonly job: Job;

	constructor(node: INode, job: Job, itemIndex: number, logs?: FaultLogs) {
		const info = typeof job.Info === 'string' && job.Info.trim() ? job.Info.trim() : `Job ${job.Id} ended ${job.State}`;
		super(node, info, {
			itemIndex,
			description: `Job ${job.Id}${job.ReleaseName ? ` of process "${job.ReleaseName}"` : ''} (key ${job.Key}) ended ${job.State}.${describeLogs(logs)}`,
		});
		this.job = logs && 'lines' in logs ? { ...job, ErrorLogs: logs.lines } : job;
	}
}
