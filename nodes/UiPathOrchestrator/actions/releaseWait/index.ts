/**
 * "Release the execution until UiPath says it is done", for any UiPath entity a node starts and waits for.
 * - `park(context, kind, credentialType, requests)` (execute): records the wait in UiPath and puts the execution into
 *   n8n's waiting state; false when everything was already final.
 * - `resumedWait(context)` (execute): the finished entities when this run is the node's resumed run;
 *   `forgetResumed(context)` once they are output.
 * - `onRestartCall(context, kinds)` (the node's restart webhook) and `onRelayCall(context, kinds)` (its relay webhook).
 * - `removeRelays` / `createRelay` / `deleteRelay` (webhookMethods of the relay, while the workflow is active;
 *   `createRelay` also resumes the waits whose entities ended while n8n was down).
 */
export type { WaitedEntityKind } from './kind';
export { park, parkRequestsOf, type ParkRequest } from './park';
export { createRelay, deleteRelay, onRelayCall, removeRelays } from './relay';
export { onRestartCall } from './restart';
export { forgetResumed, resumedWait, type ParkedItem, type ParkedWait } from './state';
