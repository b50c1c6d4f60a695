import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withBinary } from '../../helpers/outputItems';
import { readBinaryPropertyName, readBucketFile } from '../../helpers/parameters';
import { downloadBlob, getBlobAccess, resolveBucketId } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { binaryPropertyField, bucketLocator, filePathField } from './fields';

const properties: INodeProperties[] = [
	folderLocator,
	bucketLocator,
	filePathField,
	binaryPropertyField('Put Output File in Field', 'The binary field of the output item to put the file in'),
];

export const description = updateDisplayOptions({ show: { resource: ['bucketFile'], operation: ['download'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const { folder, bucket, path } = readBucketFile(this, itemIndex);
	const binaryPropertyName = readBinaryPropertyName(this, itemIndex);
	const bucketId = await resolveBucketId(this, credentialType, folder, bucket);
	const access = await getBlobAccess(this, credentialType, { folder, bucketId, path, direction: 'read' });
	const { stream, contentType } = await downloadBlob(this, credentialType, access, path);
	// A generic type says nothing: n8n then infers the type from the file name.
	const mimeType = contentType && !/^application\/octet-stream/i.test(contentType) ? contentType : undefined;
	const binary = await this.helpers.prepareBinaryData(stream, path.slice(path.lastIndexOf('/') + 1), mimeType);
	return [
		withBinary(
			{ BucketId: bucketId, FullPath: path, ContentType: binary.mimeType, Size: binary.bytes ?? null },
			{ [binaryPropertyName]: binary },
		),
	];
}
