import { readFile } from 'fs/promises';

/**
 * CPU time of a process's main thread, where its JavaScript runs, in ms (Linux's schedstat, in ns); undefined
 * where /proc has no such file. Unlike wall time it hardly grows on a loaded machine: waiting for a core is
 * not counted.
 */
export async function mainThreadCpuMs(pid: number): Promise<number | undefined> {
	try {
		const [onCpuNs] = (await readFile(`/proc/${pid}/schedstat`, 'utf8')).split(' ');
		const ms = Number(onCpuNs) / 1e6;
		return Number.isFinite(ms) ? ms : undefined;
	} catch {
		return undefined;
	}
}
