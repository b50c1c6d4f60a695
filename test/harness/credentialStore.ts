import { deepCopy, type ICredentialDataDecryptedObject } from 'n8n-workflow';

/** One stored credential, as n8n keeps it in its database (decrypted). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** A write the credentials helper made, in order, so tests can assert what was (not) persisted. */
export interface CredentialWrite {
	id: string;
	type: string;
	/** `updateCredentials` replaces the data; `updateCredentialsOauthTokenData` replaces only `oauthTokenData`. */
	via: 'updateCredentials' | 'updateCredentialsOauthTokenData';
	data: ICredentialDataDecryptedObject;
}

export type CredentialInput = Omit<StoredCredential, 'id'> & { id?: string };

/**
 * In-memory stand-in for n8n's credentials table. Data is kept decrypted: n8n encrypts only to protect it
 * at rest in its database, and every rule the helper follows works on the decrypted data. Reads and writes
 * copy, so a run can change stored data only through the helper, as with a database.
 */
export class CredentialStore {
	private readonly entries = new Map<string, StoredCredential>();

	readonly writes: CredentialWrite[] = [];

	constructor(credentials: CredentialInput[] = []) {
		for (const credential of credentials) this.add(credential);
	}

	add(credential: CredentialInput): StoredCredential {
		const id = credential.id ?? String(this.entries.size + 1);
		if (this.entries.has(id)) throw new Error(`Credential id "${id}" is already in the store`);
		const stored = { ...credential, id, data: deepCopy(credential.data) };
		this.entries.set(id, stored);
		return deepCopy(stored);
	}

	/** The stored credential with this id and type (n8n looks credentials up by both), or undefined. */
	find(id: string, type: string): StoredCredential | undefined {
		const stored = this.entries.get(id);
		return stored?.type === type ? deepCopy(stored) : undefined;
	}

	/** The stored credential with this id; throws naming the id when there is none. */
	get(id: string): StoredCredential {
		const stored = this.entries.get(id);
		if (!stored) throw new Error(`No credential with id "${id}" in the store`);
		return deepCopy(stored);
	}

	/** The stored data of the credential with this id. */
	data(id: string): ICredentialDataDecryptedObject {
		return this.get(id).data;
	}

	all(): StoredCredential[] {
		return [...this.entries.values()].map((stored) => deepCopy(stored));
	}

	/** Replaces the stored data; called by the credentials helper only. */
	write(id: string, type: string, data: ICredentialDataDecryptedObject, via: CredentialWrite['via']) {
		const stored = this.entries.get(id);
		if (stored?.type !== type) throw new Error(`No credential with id "${id}" and type "${type}"`);
		stored.data = deepCopy(data);
		this.writes.push({ id, type, via, data: deepCopy(data) });
	}
}
