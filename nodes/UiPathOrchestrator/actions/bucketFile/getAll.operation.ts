import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { readBucket, readFolder } from '../../helpers/parameters';
import { odataString, resolveBucketId, uiPathApiRequestAllItems } from '../../transport';
import { folderLocator, returnAllOrLimit } from '../../descriptions/common';
import { readLimit } from '../listing';
import { bucketLocator } from './fields';

const properties: INodeProperties[] = [
	folderLocator,
	bucketLocator,
	{
		displayName: 'Path Prefix',
		name: 'prefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoices/2026/',
		description: 'Only files whose path starts with this text; empty lists every file of the bucket',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['bucketFile'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const bucket = readBucket(this, itemIndex);
	const prefix = String(this.getNodeParameter('prefix', itemIndex, '') ?? '').trim().replace(/\\/g, '/').replace(/^\/+/, '');
	const limit = readLimit(this, itemIndex);
	const bucketId = await resolveBucketId(this, credentialType, folder, bucket);
	// GetFiles lists a directory; the rest of the prefix (a partial file or folder name) becomes a $filter.
	const directory = prefix.slice(0, prefix.lastIndexOf('/') + 1);
	const partial = prefix.slice(directory.length);
	const files = await uiPathApiRequestAllItems(
		this,
		credentialType,
		{
			path: ODATA.bucketFiles(bucketId),
			folder,
			qs: { directory: `/${directory}`, recursive: true, ...(partial ? { $filter: `startswith(FullPath, ${odataString(prefix)})` } : {}) },
		},
		limit,
	);
	return files.map(withoutODataAnnotations);
}
