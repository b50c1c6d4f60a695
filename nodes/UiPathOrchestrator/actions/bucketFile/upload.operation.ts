import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { BINARY_ENCODING, updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readBinaryPropertyName, readBucketFile } from '../../helpers/parameters';
import { getBlobAccess, resolveBucketId, uploadBlob } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { binaryPropertyField, bucketLocator, filePathField } from './fields';

const properties: INodeProperties[] = [
	folderLocator,
	bucketLocator,
	filePathField,
	binaryPropertyField('Input Binary Field', 'The binary field of the input item that holds the file to upload'),
];

export const description = updateDisplayOptions({ show: { resource: ['bucketFile'], operation: ['upload'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const { folder, bucket, path } = readBucketFile(this, itemIndex);
	const binary = this.helpers.assertBinaryData(itemIndex, readBinaryPropertyName(this, itemIndex));
	const contentType = binary.mimeType || 'application/octet-stream';
	const { id } = binary;
	// Offloaded data (filesystem, S3 modes) is streamed from n8n's store; in-memory data is already a buffer.
	const file = id
		? {
				open: async () => await this.helpers.getBinaryStream(id),
				size: binary.bytes ?? (await this.helpers.getBinaryMetadata(id)).fileSize,
			}
		: (() => {
				const buffer = Buffer.from(binary.data, BINARY_ENCODING);
				return { open: async () => buffer, size: buffer.length };
			})();
	const bucketId = await resolveBucketId(this, credentialType, folder, bucket);
	const access = await getBlobAccess(this, credentialType, { folder, bucketId, path, direction: 'write', contentType });
	await uploadBlob(this, credentialType, access, { path, contentType, ...file });
	return [{ BucketId: bucketId, FullPath: path, ContentType: contentType, Size: file.size }];
}
