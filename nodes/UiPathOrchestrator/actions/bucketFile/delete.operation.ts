import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readBucketFile } from '../../helpers/parameters';
import { deleteBlob, resolveBucketId } from '../../transport';
import { folderLocator } from '../../descriptions/common';
import { bucketLocator, filePathField } from './fields';

const properties: INodeProperties[] = [folderLocator, bucketLocator, filePathField];

export const description = updateDisplayOptions({ show: { resource: ['bucketFile'], operation: ['delete'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const { folder, bucket, path } = readBucketFile(this, itemIndex);
	const bucketId = await resolveBucketId(this, credentialType, folder, bucket);
	await deleteBlob(this, credentialType, { folder, bucketId, path });
	return [{ BucketId: bucketId, FullPath: path, deleted: true }];
}
