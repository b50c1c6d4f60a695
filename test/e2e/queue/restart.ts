import { stopProcess } from '../processes';
import { startN8nAgain, stopN8n } from '../restart';
import { launchWorker, type QueueCluster } from './cluster';

export interface ClusterRestart {
	/** How many workers were restarted. */
	workers: number;
	/** From the first SIGTERM until the main and every worker answer their readiness checks again. */
	outageMs: number;
	stopMs: number;
	mainReadyMs: number;
}

/**
 * A full restart, as a deploy does it: SIGTERM to the main and every worker at once, wait until all have exited,
 * then start the main and the workers again with the same environment (database, Redis, encryption key, ports).
 * The cluster's main and workers point at the new processes afterwards.
 */
export async function restartCluster(cluster: QueueCluster): Promise<ClusterRestart> {
	// Only the workers that run now: the crash scenarios leave killed ones in the list beside their replacements.
	const running = cluster.workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
	const stoppingAt = Date.now();
	await Promise.all([stopN8n(cluster.main), ...running.map(async (worker) => await stopProcess(worker.child, 45_000))]);
	const stoppedAt = Date.now();
	await startN8nAgain(cluster.main);
	const mainReadyAt = Date.now();
	await Promise.all(running.map(async (worker) => Object.assign(worker, await launchWorker(worker))));
	return { workers: running.length, outageMs: Date.now() - stoppingAt, stopMs: stoppedAt - stoppingAt, mainReadyMs: mainReadyAt - stoppedAt };
}
