import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { credentialTypeOf } from '../../helpers/parameters';
import { parseJsonObject, rawBodyOf, reply } from '../../helpers/webhookHttp';
import { isSignatureValid, SIGNATURE_HEADER } from '../../helpers/webhookSignature';
import type { WaitedEntityKind } from './kind';
import { deleteRecords } from './records';
import { waitSecretOf } from './secret';
import { resumingEntry, runAgain, waitOf, type ParkedWait } from './state';

/**
 * Every entity of the wait as Orchestrator has it now, by Id; before the time-out, undefined as soon as one is
 * unfinished. The entities the event names come last: they are most likely final, the others decide.
 */
async function readAll(
	context: IWebhookFunctions,
	kind: WaitedEntityKind,
	credentialType: UiPathCredentialType,
	wait: ParkedWait,
	named: Set<number>,
	due: boolean,
): Promise<Record<string, IDataObject> | undefined> {
	const pairs = wait.items.flatMap((item) => (item.folder ? item.ids.map((id) => ({ id, folder: item.folder! })) : []));
	pairs.sort((a, b) => Number(named.has(a.id)) - Number(named.has(b.id)));
	const entities: Record<string, IDataObject> = {};
	for (const { id, folder } of pairs) {
		entities[String(id)] = await kind.read(context, credentialType, folder, id);
		if (!due && !kind.isFinal(entities[String(id)])) return undefined;
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
	const named = new Set(kind.idsIn(parseJsonObject(rawBody) ?? {}).filter((id) => waited.has(id)));
	if (!due && named.size === 0) return reply(context, 200, `Not a ${kind.label.toLowerCase()} this execution waits for`);
	const credentialType = credentialTypeOf(context);
	let entities: Record<string, IDataObject> | undefined;
	try {
		entities = await readAll(context, kind, credentialType, wait, named, due);
	} catch {
		return reply(context, 200, 'UiPath could not be read; the wait goes on until the next event or the time-out');
	}
	if (!entities) return reply(context, 200, `Still waiting: not every one of the ${waited.size} is final`);
	await deleteRecords(context, credentialType, wait.recordIds);
	runAgain(entry, entities);
	return { workflowData: [entry.data.main[0] ?? []], webhookResponse: { message: 'Resumed' } };
}
