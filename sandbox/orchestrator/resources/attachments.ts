import { attachmentIn, createAttachment } from '../attachments';
import { blobFileAccess } from '../buckets/access';
import { jsonBody, type Route, type RouteContext } from '../context';
import { badRequest, noContent, ok } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import type { Attachment } from '../store/types';

/** How long the URI of an attachment stays valid. */
const URI_EXPIRY_MS = 60 * 60_000;
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** `AttachmentDto`, with the `BlobFileAccess` UiPath's clients read the file's URI from. */
function attachmentAnswer(context: RouteContext, attachment: Attachment, verb: 'GET' | 'PUT'): Record<string, unknown> {
	return {
		'@odata.context': `${context.serviceRoot}/odata/$metadata#Attachments/$entity`,
		Name: attachment.Name,
		CreationTime: attachment.CreationTime,
		LastModificationTime: attachment.LastModificationTime,
		CreatorUserId: null,
		LastModifierUserId: null,
		Id: attachment.Id,
		BlobFileAccess: blobFileAccess(context, {
			bucket: attachment.storage,
			path: attachment.Id,
			verb,
			contentType: 'application/octet-stream',
			expiresAt: Date.now() + URI_EXPIRY_MS,
		}),
	};
}

const byKey = new RegExp(`^/odata/Attachments\\((${GUID})\\)$`);

/** orchestrator.yaml: OR.Folders or OR.Folders.Read to read, OR.Folders or OR.Folders.Write to create and delete. */
export const attachmentRoutes: Route[] = [
	{
		method: 'POST',
		pattern: /^\/odata\/Attachments$/,
		scopes: writeScopes('Folders'),
		folderScoped: true,
		handle(context) {
			const body = jsonBody(context, '{ "Name": "input.json" }');
			const name = body.Name;
			if (typeof name !== 'string' || name.length < 1 || name.length > 256) throw badRequest('Name must be a text of 1 to 256 characters.');
			const attachment = createAttachment(context.store, context.folder.Id, name, context.attachments);
			return ok(attachmentAnswer(context, attachment, 'PUT'), 201);
		},
	},
	{
		method: 'GET',
		pattern: byKey,
		scopes: readScopes('Folders'),
		folderScoped: true,
		handle(context) {
			return ok(attachmentAnswer(context, attachmentIn(context.store, context.folder.Id, context.params[0]), 'GET'));
		},
	},
	{
		method: 'DELETE',
		pattern: byKey,
		scopes: writeScopes('Folders'),
		folderScoped: true,
		async handle(context) {
			const attachment = attachmentIn(context.store, context.folder.Id, context.params[0]);
			context.store.attachments.delete(attachment.Id);
			await context.blobs.remove(attachment.storage, attachment.Id);
			return noContent();
		},
	},
];
