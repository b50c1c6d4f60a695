import type { Summary } from '../lib/stats';

/** A column of a scenario table: which metric, how it is titled and rounded. */
export interface Column {
	metric: string;
	title: string;
	digits: number;
	/** Also show the ratio of this metric's median to the baseline row's median. */
	ratio?: boolean;
	/** Show min–max next to the median. */
	range?: boolean;
}

export interface Row {
	/** Unique within the table, e.g. `node-embedded c1`. */
	key: string;
	contender: string;
	label: string;
	variant?: string;
	/** Key of the row this one is compared with (the baseline measured in the same run). */
	baseline?: string;
	/** Why the contender has no numbers here. */
	unsupported?: string;
	metrics: Record<string, Summary>;
	/** Median of the metric divided by the baseline row's median. */
	ratios: Record<string, number>;
	/** The same row's medians and ratios in the run this one re-measured (a run with --only). */
	before?: { metrics: Record<string, number>; ratios: Record<string, number> };
}

export interface Table {
	id: string;
	scenario: number;
	title: string;
	/** Latency, repetitions, sizes: what every row of the table shares. */
	conditions: string;
	columns: Column[];
	rows: Row[];
	notes: string[];
}

export interface Goal {
	scenario: number;
	goal: string;
	/** undefined when it could not be measured in this run. */
	met: boolean | undefined;
	measured: string;
	/** For a missed goal: the measured cause. */
	cause?: string;
	/** What the run this one re-measured gave for the same goal (a run with --only). */
	before?: string;
}

export interface BenchResults {
	startedAt: string;
	finishedAt: string;
	durationSeconds: number;
	machine: { cpus: number; cpuModel: string; node: string; n8n: string; loadAverageAtStart: number[] };
	settings: Record<string, unknown>;
	tables: Table[];
	goals: Goal[];
	/** Steps that failed; their tables are missing or partial. */
	errors: string[];
	/** The flags of a run that re-measured some scenarios (--only), e.g. `--only 2`. */
	flags?: string;
	/** A run with --only keeps the other scenarios of the results it updates: which, and from which run. */
	carriedOver?: { scenarios: number[]; startedAt: string; durationSeconds: number; loadAverageAtStart: number[]; sameSettings: boolean };
}
