import type { IDataObject } from 'n8n-workflow';

import { MAX_INPUT_ARGUMENTS_LENGTH, ODATA } from '../helpers/constants';
import type { FolderRef, StartInfo, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';
import type { ErrorHints } from './errors';
import { downloadBlob, toBlobAccess, uploadBlob } from './files';
import { uiPathApiRequest } from './request';

/**
 * Job arguments too large to travel inline: Orchestrator keeps them as attachments (`InputFile`, `OutputFile`),
 * files whose URI `/odata/Attachments` hands out (its BlobFileAccess), moved as bucket files are: streamed, with the
 * Orchestrator token only where RequiresAuth says so, never following a redirect.
 */

/** orchestrator.yaml, "OAuth required scopes" of the two routes, for the 403 hints. */
export const ATTACHMENT_HINTS: ErrorHints = {
	403: {
		message: 'UiPath refused access to the job\'s attachment (403 Forbidden)',
		description:
			'Large job arguments travel as attachments: reading one needs the scope OR.Folders or OR.Folders.Read, creating one OR.Folders or OR.Folders.Write (and the BlobFiles.View / BlobFiles.Create or Jobs.Create permission in the folder). Add the scope to the External Application and to the credential\'s scopes, then reconnect.',
	},
};

/** The text of an attachment: its URI from `GET /odata/Attachments(<id>)`, then the file, streamed. */
export async function readAttachmentText(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	attachmentId: string,
): Promise<string> {
	const answer = await uiPathApiRequest<IDataObject>(context, credentialType, { path: ODATA.attachment(attachmentId), folder, hints: ATTACHMENT_HINTS });
	const access = toBlobAccess(context, (answer.BlobFileAccess ?? {}) as IDataObject, 'read');
	const { stream } = await downloadBlob(context, credentialType, access, `attachment ${attachmentId}`);
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Creates an attachment (`POST /odata/Attachments`) and uploads the text to the URI it answered; returns its Id.
 * The create is never resent: a lost answer leaves at most an unused attachment, never a second job.
 */
export async function uploadAttachmentText(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	file: { name: string; text: string; contentType: string },
): Promise<string> {
	const answer = await uiPathApiRequest<IDataObject>(context, credentialType, {
		method: 'POST',
		path: ODATA.attachments,
		folder,
		body: { Name: file.name },
		idempotent: false,
		hints: ATTACHMENT_HINTS,
	});
	const access = toBlobAccess(context, (answer.BlobFileAccess ?? {}) as IDataObject, 'write');
	const bytes = Buffer.from(file.text, 'utf8');
	await uploadBlob(context, credentialType, access, {
		path: `attachment ${String(answer.Id)}`,
		open: async () => bytes,
		size: bytes.length,
		contentType: file.contentType,
	});
	return String(answer.Id);
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Whether Orchestrator kept the job's output as a file: an OutputFile and no inline OutputArguments. */
export function hasOutputFile(job: IDataObject): boolean {
	return typeof job.OutputFile === 'string' && job.OutputFile.trim() !== '' && isBlank(job.OutputArguments);
}

/** The job with its OutputArguments read from its OutputFile when Orchestrator kept them as one; otherwise the job unchanged, without a request. */
export async function withOutputFile<T extends IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	job: T,
): Promise<T> {
	if (!hasOutputFile(job)) return job;
	return { ...job, OutputArguments: await readAttachmentText(context, credentialType, folder, String(job.OutputFile).trim()) };
}

/**
 * The start with its input arguments inline up to the 10,000 characters StartProcessDto allows, and above that
 * uploaded once as an attachment named in `InputFile` (never both), as UiPath's Python SDK sends them. The upload
 * comes before the start, so an ambiguous start looked up and sent again reuses the same file.
 */
export async function withLargeInputAsFile(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	startInfo: StartInfo,
): Promise<StartInfo> {
	const { InputArguments: inputArguments, ...rest } = startInfo;
	if (inputArguments === undefined || inputArguments.length <= MAX_INPUT_ARGUMENTS_LENGTH) return startInfo;
	const inputFile = await uploadAttachmentText(context, credentialType, folder, {
		name: `${startInfo.Reference}-input.json`,
		text: inputArguments,
		contentType: 'application/json',
	});
	return { ...rest, InputFile: inputFile };
}
