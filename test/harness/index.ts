/**
 * Embedded n8n workflow runner: runs the JSON n8n exports through n8n-core 2.41's real `WorkflowExecute`,
 * with this package's node and credential types and a credentials helper that follows n8n 2.41's rules.
 *
 * ```ts
 * const store = new CredentialStore([{ id: '1', name: 'UiPath', type: 'uiPathApi', data: { ... } }]);
 * const result = await runWorkflow({
 *   workflow: manualWorkflow({ name: 'Jobs', type: 'n8n-nodes-uipath.uiPathOrchestrator',
 *     parameters: { ... }, credentials: credentialsOf(store.get('1')) }),
 *   credentials: store,
 * });
 * result.items('Jobs');        // INodeExecutionData[] of output 0 (throws if the node failed or did not run)
 * result.error;                // the execution error, if any; result.status: 'success' | 'error' | 'canceled'...
 * store.data('1');             // what the run persisted (store.writes lists every write in order)
 * ```
 *
 * - Node types: `n8n-nodes-base.manualTrigger` and `n8n-nodes-base.noOp` stand-ins, every node and credential
 *   file package.json's `n8n` field lists (loaded from its .ts source once it exists; node types are named
 *   `n8n-nodes-uipath.<description.name>`), the base `oAuth2Api` credential, plus `registerNodeType` /
 *   `registerCredentialType` (all later runs) and the `nodeTypes` / `credentialTypes` options (one run).
 * - Options: `mode` ('manual' default), `startNode`, `startData` (items the start node receives),
 *   `signal` (AbortSignal: cancels like n8n's Stop), `executionId`.
 * - Importing this module points N8N_USER_FOLDER at a fresh temporary folder: import it before n8n-core.
 * - `useFilesystemBinaryData(folder)` switches the process to n8n's filesystem binary-data mode.
 * - Test fixtures (a request node, test credential types, an HTTP server on 127.0.0.1) are in ./fixtures.
 */
import './userFolder';

export { useFilesystemBinaryData } from './binaryData';
export { CredentialStore, type CredentialInput, type CredentialWrite, type StoredCredential } from './credentialStore';
export { HarnessCredentialsHelper } from './credentialsHelper';
export { PACKAGE_NAME, type AnyNodeType, type NodeTypeEntry } from './nodeTypes';
export { loadPackageTypes } from './packageTypes';
export {
	registerCredentialType,
	registerNodeType,
	runWorkflow,
	type RunWorkflowOptions,
	type WorkflowJson,
	type WorkflowRunResult,
} from './runWorkflow';
export { MANUAL_TRIGGER_NAME, credentialsOf, manualWorkflow, type NodeSpec } from './workflowBuilder';
export { PollTriggerHarness, WebhookTriggerHarness, type PollOutcome, type PollTriggerOptions, type ReceivedDelivery, type WebhookTriggerOptions } from './webhook';
