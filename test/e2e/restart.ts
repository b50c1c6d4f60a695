import { startN8n, type N8nServer } from './n8n';
import { stopProcess } from './processes';

/** n8n's graceful stop waits for running executions (N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s); a little more before SIGKILL. */
const STOP_GRACE_MS = 45_000;

/** Stops `n8n start` as a deploy does (SIGTERM to its process group) and resolves once no process of it is left. */
export async function stopN8n(server: N8nServer): Promise<'exited' | 'killed'> {
	return await stopProcess(server.child, STOP_GRACE_MS);
}

/**
 * Starts n8n again on the same user folder, port and environment (database, encryption key), and points `server`
 * at the new process, so that clients and scenarios holding it carry on against the restarted n8n.
 */
export async function startN8nAgain(server: N8nServer): Promise<N8nServer> {
	const restarted = await startN8n(server.userFolder, server.port, server.logFile, { ...server.env });
	return Object.assign(server, restarted);
}
