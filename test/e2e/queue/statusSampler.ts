import type { QueueServices } from './services';

export interface StatusSample {
	at: number;
	/** Executions of the workflow by status (new, running, waiting, success, error, ...). */
	counts: Record<string, number>;
}

/**
 * Reads a workflow's executions by status from n8n's database (execution_entity) every `intervalMs`, for the
 * peaks of a run: how many ran at once, how many waited, and how many ran while many waited.
 */
export class StatusSampler {
	readonly samples: StatusSample[] = [];
	private timer: NodeJS.Timeout | undefined;
	private reading: Promise<void> = Promise.resolve();

	constructor(
		private readonly services: QueueServices,
		private readonly workflowId: string,
		private readonly intervalMs = 500,
	) {
		if (!/^[A-Za-z0-9]+$/.test(workflowId)) throw new Error(`unexpected workflow id ${workflowId}`);
	}

	start(): void {
		this.timer = setInterval(() => {
			// One query at a time: a slow read is not stacked behind another.
			this.reading = this.reading.then(async () => void (await this.sample())).catch(() => undefined);
		}, this.intervalMs);
	}

	async stop(): Promise<void> {
		clearInterval(this.timer);
		await this.reading;
		await this.sample();
	}

	async sample(): Promise<StatusSample> {
		const rows = await this.services.postgres.psql(`select status, count(*) from execution_entity where "workflowId" = '${this.workflowId}' group by status`);
		const counts: Record<string, number> = {};
		for (const row of rows.split('\n').filter((line) => line.includes('|'))) {
			const [status, count] = row.split('|');
			counts[status] = Number(count);
		}
		const sample = { at: Date.now(), counts };
		this.samples.push(sample);
		return sample;
	}

	/** The largest count of a status over every sample, or over the samples that `where` accepts. */
	peak(status: string, where: (sample: StatusSample) => boolean = () => true): number {
		return Math.max(0, ...this.samples.filter(where).map((sample) => sample.counts[status] ?? 0));
	}
}
