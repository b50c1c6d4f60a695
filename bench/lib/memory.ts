import { readFileSync, writeFileSync } from 'fs';

/** A field of /proc/<pid>/status in MiB (the kernel reports kB). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
	if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(match[1]) / 1024;
}

/** Resident memory of a process now, MiB. */
export function residentMb(pid: number): number {
	return statusMb(pid, 'VmRSS');
}

export interface PeakMemory {
	/** Resident memory when the run started, MiB. */
	startMb: number;
	/** Highest resident memory during the run, MiB (the kernel's high-water mark, reset at the start). */
	peakMb: number;
}

/**
 * Runs `work` and reads the process's peak resident memory over exactly that span: writing 5 to
 * /proc/<pid>/clear_refs resets the kernel's high-water mark (VmHWM) to the current RSS.
 */
export async function measurePeakMemory<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; memory: PeakMemory }> {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
	const startMb = statusMb(pid, 'VmRSS');
	const value = await work();
	return { value, memory: { startMb, peakMb: statusMb(pid, 'VmHWM') } };
}
