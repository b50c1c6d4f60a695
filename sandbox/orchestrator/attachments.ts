import { randomUUID } from 'crypto';
import { notFound } from './reply';
import type { BlobStorage } from './buckets/blobStorage';
import type { TenantStore } from './store/tenantStore';
import type { Attachment } from './store/types';

/** How the sandbox keeps attachments; tests change it through `sandbox.state.attachments`. */
export interface AttachmentSettings {
	/** `orchestrator`: Orchestrator's own storage, URIs need the token (RequiresAuth); `external`: pre-signed Azure URIs. */
	storage: 'orchestrator' | 'external';
	/** A robot's output arguments longer than this many characters are kept as an OutputFile attachment. */
	outputFileAbove: number;
}

/** Orchestrator keeps output arguments inline up to the length it accepts for input arguments. */
export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = { storage: 'orchestrator', outputFileAbove: 10_000 };

export function createAttachment(store: TenantStore, folderId: number, name: string, settings: AttachmentSettings): Attachment {
	const attachment: Attachment = {
		Id: randomUUID(),
		Name: name,
		CreationTime: new Date().toISOString(),
		LastModificationTime: null,
		folderId,
		storage: store.attachmentStorage[settings.storage],
	};
	store.attachments.set(attachment.Id, attachment);
	return attachment;
}

/** An attachment of the folder by its Id (any case), or a 404 as Orchestrator answers it. */
export function attachmentIn(store: TenantStore, folderId: number, id: string): Attachment {
	const attachment = store.attachments.get(id.toLowerCase());
	if (!attachment || attachment.folderId !== folderId) throw notFound(`Attachment ${id} does not exist.`);
	return attachment;
}


/** The text of an uploaded attachment; undefined while nothing was uploaded to its URI. */
export function attachmentText(blobs: BlobStorage, attachment: Attachment): string | undefined {
	const file = attachment.storage.files.get(attachment.Id);
	return file && blobs.readText(file);
}

/** Keeps a job's output arguments as an attachment in the job's folder. */
export function keepAsAttachment(store: TenantStore, blobs: BlobStorage, folderId: number, text: string, settings: AttachmentSettings): Attachment {
	const attachment = createAttachment(store, folderId, `output-${randomUUID()}.json`, settings);
	blobs.writeText(attachment.storage, attachment.Id, 'application/json', text);
	return attachment;
}
