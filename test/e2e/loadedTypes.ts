import { expectStatus, poll } from './http';
import type { N8nClient } from './n8n';

export interface LoadedTypes {
	nodes: string[];
	credentials: string[];
}

/**
 * What the editor loads: `/types/nodes.json` and `/types/credentials.json` (session cookie required).
 * n8n 1.x streams these files to disk after it reports ready, so a read can break off: it is retried.
 */
export async function loadedTypes(client: N8nClient): Promise<LoadedTypes> {
	const readOnce = async (file: string) => {
		const response = await client.http.request(`${client.server.baseUrl}/types/${file}`);
		const list = expectStatus(response, [200], `GET /types/${file}`).json as Array<{ name: string }>;
		if (!Array.isArray(list)) throw new Error(`/types/${file} is not a list`);
		return list.map((type) => type.name);
	};
	const read = async (file: string) => await poll(`a complete /types/${file}`, async () => await readOnce(file), { timeoutMs: 60_000, intervalMs: 1000 });
	return { nodes: await read('nodes.json'), credentials: await read('credentials.json') };
}

/** The node and credential types the packed package declares, as n8n names them once installed. */
export const PACKAGE_NODE_PREFIX = 'n8n-nodes-uipath.';
export const ORCHESTRATOR_NODE = `${PACKAGE_NODE_PREFIX}uiPathOrchestrator`;
export const TRIGGER_NODE = `${PACKAGE_NODE_PREFIX}uiPathOrchestratorTrigger`;
export const OAUTH2_CREDENTIAL = 'uiPathOAuth2Api';
export const API_CREDENTIAL = 'uiPathApi';
