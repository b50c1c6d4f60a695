/** Median of the samples (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `fraction` of the samples lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export interface Summary {
	median: number;
	min: number;
	max: number;
	samples: number[];
}

export function summarize(values: readonly number[]): Summary {
	return {
		median: median(values),
		min: values.length ? Math.min(...values) : Number.NaN,
		max: values.length ? Math.max(...values) : Number.NaN,
		samples: [...values],
	};
}

/** `value / baseline`, or undefined when either is missing or the baseline is 0. */
export function ratio(value: number | undefined, baseline: number | undefined): number | undefined {
	if (value === undefined || baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) {
		return undefined;
	}
	return value / baseline;
}
