import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../../../credentials/auth/endpoints';
import type { UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';

/**
 * How long one read of the credential serves the requests a context starts. Within it, a batch of items shares
 * the read instead of n8n loading and decrypting the credential from its database for every request (1,000
 * starts at concurrency 16 take about 2 s). Kept short because a request after it reads again and sees what
 * other executions stored meanwhile: the older the read, the likelier a refresh spends a refresh token that
 * another queue-mode worker has already rotated (a race the refresh-race recovery then has to repair).
 */
export const CREDENTIAL_REUSE_MS = 1_000;

interface Read {
	data: Promise<ICredentialDataDecryptedObject>;
	at: number;
	/** What the requests of this read hand to n8n, made once (getNode copies the whole node). */
	options?: Promise<IAdditionalCredentialOptions>;
}

/** n8n makes one context per node execution (and per poll, hook or list call); the reads are kept per context and type. */
const readsByContext = new WeakMap<UiPathContext, Map<UiPathCredentialType, Read>>();

function readsOf(context: UiPathContext): Map<UiPathCredentialType, Read> {
	let reads = readsByContext.get(context);
	if (!reads) {
		reads = new Map();
		readsByContext.set(context, reads);
	}
	return reads;
}

/** A fresh read of what n8n stores, which the following requests share: after a 401 or a refused refresh, the stored credential counts. */
export async function rereadCredential(context: UiPathContext, credentialType: UiPathCredentialType): Promise<ICredentialDataDecryptedObject> {
	const reads = readsOf(context);
	const read: Read = { data: context.getCredentials(credentialType), at: Date.now() };
	reads.set(credentialType, read);
	// A failed read is not kept: the next request tries again (and meets the failure itself).
	read.data.catch(() => reads.get(credentialType) === read && reads.delete(credentialType));
	return await read.data;
}

/** The current read: the last one, or a new one once the last is older than CREDENTIAL_REUSE_MS. */
async function currentRead(context: UiPathContext, credentialType: UiPathCredentialType): Promise<Read> {
	const read = readsOf(context).get(credentialType);
	if (read && Date.now() - read.at < CREDENTIAL_REUSE_MS) return read;
	await rereadCredential(context, credentialType);
	return readsOf(context).get(credentialType) as Read;
}

/** The credential as n8n decrypted it, read again once the last read is older than CREDENTIAL_REUSE_MS. */
export async function credentialData(context: UiPathContext, credentialType: UiPathCredentialType): Promise<ICredentialDataDecryptedObject> {
	return await (await currentRead(context, credentialType)).data;
}

/**
 * What `httpRequestWithAuthentication` takes to skip its own read: the same object for every request of the
 * read, so a token n8n's preAuthentication fetches (and persists) for one request serves the others too.
 * Only for uiPathApi: n8n's OAuth2 path reads the credential itself, around its refresh lock.
 */
export async function reusedCredential(context: UiPathContext, credentialType: UiPathCredentialType): Promise<IAdditionalCredentialOptions | undefined> {
	if (credentialType !== CREDENTIAL_TYPES.api) return undefined;
	const read = await currentRead(context, credentialType);
	read.options ??= read.data.then((data) => {
		const stored = context.getNode().credentials?.[credentialType];
		return { credentialsDecrypted: { id: stored?.id ?? '', name: stored?.name ?? '', type: credentialType, data } };
	});
	return await read.options;
}
