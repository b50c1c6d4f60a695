import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { parseJsonObject, rawBodyOf, reply } from '../../helpers/webhookHttp';
import { isSignatureValid, SIGNATURE_HEADER } from '../../helpers/webhookSignature';
import type { WaitedEntityKind } from './kind';
import { deleteRecords } from './records';
import { waitSecretOf } from './secret';
import { resumingEntry, runAgain, waitOf, type ParkedWait } from './state';

/** Every entity of the wait as Orchestrator has it now, by Id. */
async function readAll(
	context: IWebhookFunctions,
	kind: WaitedEntityKind,
	credentialType: UiPathCredentialType,
	wait: ParkedWait,
): Promise<Record<string, IDataObject>> {
	const entities: Record<string, IDataObject> = {};
	for (const item of wait.items) {
		for (const id of item.ids) if (item.folder) entities[String(id)] = await kind.read(context, credentialType, item.folder, id);
	}
	return entities;
}

/**
 * The waiting execution's restart webhook (n8n already checked the resume token in the URL). A call must be signed
 * with the wait's key; its body only says which entity changed: the entities are read from UiPath before anything
 * resumes, so a forged body cannot invent a result. Other entities' events, and events while some entity still
 * runs, answer 200 (UiPath disables a subscription for an hour after a failed delivery) and leave it waiting.
 */
export async function onRestartCall(context: IWebhookFunctions, kinds: Record<string, WaitedEntityKind>): Promise<IWebhookResponseData> {
	const entry = resumingEntry(context);
	if (!entry) return reply(context, 200, 'Nothing of this execution waits for UiPath');
	const wait = waitOf(entry);
	const token = context.getQueryData() as IDataObject;
	const rawBody = await rawBodyOf(context);
	const secret = typeof token.signature === 'string' && token.signature ? waitSecretOf(token.signature) : '';
	if (!rawBody || !isSignatureValid(secret, rawBody, context.getHeaderData()[SIGNATURE_HEADER])) {
		return reply(context, 401, 'The call is not signed with this wait\'s key');
	}
	const kind = kinds[wait.kind];
	if (!kind) return reply(context, 200, `Unknown wait kind ${wait.kind}`);
	const waited = new Set(wait.items.flatMap((item) => item.ids));
	const due = Date.now() >= wait.deadline;
	if (!due && !kind.idsIn(parseJsonObject(rawBody) ?? {}).some((id) => waited.has(id))) {
		return reply(context, 200, `Not a ${kind.label.toLowerCase()} this execution waits for`);
	}
	const credentialType = context.getNodeParameter('authentication', 'uiPathApi') as UiPathCredentialType;
	let entities: Record<string, IDataObject>;
	try {
		entities = await readAll(context, kind, credentialType, wait);
	} catch {
		return reply(context, 200, 'UiPath could not be read; the wait goes on until the next event or the time-out');
	}
	const open = Object.values(entities).filter((entity) => !kind.isFinal(entity)).length;
	if (!due && open > 0) return reply(context, 200, `Still waiting for ${open} of ${waited.size}`);
	await deleteRecords(context, credentialType, wait.recordIds);
	runAgain(entry, entities);
	return { workflowData: [entry.data.main[0] ?? []], webhookResponse: { message: 'Resumed' } };
}
