import { randomUUID } from 'node:crypto';

import type { IConnections, INode, INodeCredentials, INodeParameters } from 'n8n-workflow';

import type { StoredCredential } from './credentialStore';
import type { WorkflowJson } from './runWorkflow';

/** The name n8n gives a new Manual Trigger node. */
export const MANUAL_TRIGGER_NAME = 'When clicking ‘Execute workflow’';

/** A node as a test writes it; the builder fills id, position and typeVersion 1. */
export type NodeSpec = Pick<INode, 'name' | 'type'> & Partial<Omit<INode, 'name' | 'type'>> & { parameters?: INodeParameters };

/** The `credentials` entry of a node that uses these stored credentials (by id and name, as n8n saves it). */
export function credentialsOf(...credentials: StoredCredential[]): INodeCredentials {
	return Object.fromEntries(credentials.map(({ id, name, type }) => [type, { id, name }]));
}

/** A workflow where a Manual Trigger feeds the given nodes, each into the next (main output 0 to input 0). */
export function manualWorkflow(nodes: NodeSpec | NodeSpec[], name = 'Harness workflow'): WorkflowJson {
	const chain: INode[] = [{ name: MANUAL_TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', parameters: {} } as NodeSpec, ...[nodes].flat()].map(
		(node, index) => ({ id: randomUUID(), typeVersion: 1, position: [index * 220, 0], parameters: {}, ...node }),
	);
	const names = new Set(chain.map((node) => node.name));
	if (names.size !== chain.length) throw new Error('Node names in a workflow must be unique');
	const connections: IConnections = {};
	for (let i = 0; i + 1 < chain.length; i++) {
		connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: chain, connections, settings: { executionOrder: 'v1' } };
}
