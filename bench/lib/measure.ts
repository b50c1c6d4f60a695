import { performance } from 'perf_hooks';

import type { Sandbox } from '../../sandbox';
import type { Contender } from '../contenders/contender';
import type { Task, TaskResult } from '../contenders/tasks';
import type { Column, Row, Table } from '../report/model';
import { mainThreadCpuMs } from './cpuTime';
import { measurePeakMemory } from './memory';
import { tallyRequests, type RequestTally } from './sandboxes';
import { ratio, summarize } from './stats';

/** One measured run of a task by a contender. */
export interface RunMeasurement {
	wallMs: number;
	result: TaskResult;
	tally: RequestTally;
	/** MiB the contender's process grew to above where it started the run. */
	peakGrowthMb: number;
	peakMb: number;
	/** CPU time of the contender's main thread during the run, its settling included; undefined off Linux. */
	cpuMs?: number;
}

/** The recorder keeps the last 10,000 requests; a run that sends more could not be counted. */
const RECORDER_LIMIT = 10_000;

export async function measureRun(sandbox: Sandbox, contender: Contender, task: Task): Promise<RunMeasurement> {
	sandbox.state.clearRequests();
	const cpuBefore = await mainThreadCpuMs(contender.pid());
	const started = performance.now();
	const { value: result, memory } = await measurePeakMemory(contender.pid(), async () => await contender.run(task));
	const wallMs = performance.now() - started;
	if (sandbox.state.requests.length >= RECORDER_LIMIT) throw new Error(`${contender.id} sent more than ${RECORDER_LIMIT} requests in one run; counts would be wrong`);
	await contender.settle?.();
	const cpuAfter = await mainThreadCpuMs(contender.pid());
	const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
	return { wallMs, result, tally: tallyRequests(sandbox), peakGrowthMb: Math.max(0, memory.peakMb - memory.startMb), peakMb: memory.peakMb, cpuMs };
}

/** A row of a table: who runs which task, compared with which baseline row. */
export interface Entry {
	key: string;
	contender: Contender;
	task: Task;
	variant?: string;
	baseline?: string;
}

export type Metrics = Record<string, number>;

/**
 * Runs every entry once per repetition, in the same order each time (A B A B ...), so that a slow phase of
 * the machine hits all contenders alike; returns every sample of every metric per entry.
 */
export async function interleave(
	entries: Entry[],
	repetitions: number,
	measure: (entry: Entry, repetition: number) => Promise<Metrics>,
	log: (message: string) => void,
): Promise<Map<string, Record<string, number[]>>> {
	const samples = new Map<string, Record<string, number[]>>();
	for (let repetition = 1; repetition <= repetitions; repetition++) {
		for (const entry of entries) {
			if (entry.contender.unsupported(entry.task)) continue;
			const metrics = await measure(entry, repetition);
			const stored = samples.get(entry.key) ?? {};
			for (const [name, value] of Object.entries(metrics)) (stored[name] ??= []).push(value);
			samples.set(entry.key, stored);
			const wall = metrics.wallMs === undefined ? '' : ` ${(metrics.wallMs / 1000).toFixed(2)} s`;
			log(`rep ${repetition}/${repetitions} ${entry.key}${wall}`);
		}
	}
	return samples;
}

/** Rows with medians, ranges and ratios to each row's baseline (both measured in the same interleaved run). */
export function rowsOf(entries: Entry[], samples: Map<string, Record<string, number[]>>, columns: Column[]): Row[] {
	const rows: Row[] = entries.map((entry) => {
		const unsupported = entry.contender.unsupported(entry.task);
		const metrics = Object.fromEntries(Object.entries(samples.get(entry.key) ?? {}).map(([name, values]) => [name, summarize(values)]));
		return {
			key: entry.key,
			contender: entry.contender.id,
			label: entry.contender.label,
			variant: entry.variant,
			baseline: entry.baseline,
			...(unsupported ? { unsupported } : {}),
			metrics,
			ratios: {},
		};
	});
	for (const row of rows) {
		const baseline = rows.find((candidate) => candidate.key === row.baseline);
		if (!baseline) continue;
		for (const column of columns.filter((candidate) => candidate.ratio)) {
			const value = ratio(row.metrics[column.metric]?.median, baseline.metrics[column.metric]?.median);
			if (value !== undefined) row.ratios[column.metric] = value;
		}
	}
	return rows;
}

export function table(fields: Omit<Table, 'rows'> & { entries: Entry[]; samples: Map<string, Record<string, number[]>> }): Table {
	const { entries, samples, ...rest } = fields;
	return { ...rest, rows: rowsOf(entries, samples, rest.columns) };
}
