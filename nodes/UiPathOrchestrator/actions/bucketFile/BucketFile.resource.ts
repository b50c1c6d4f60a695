import type { INodeProperties } from 'n8n-workflow';

import * as deleteFile from './delete.operation';
import * as download from './download.operation';
import * as getAll from './getAll.operation';
import * as upload from './upload.operation';

export { deleteFile as delete, download, getAll, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bucketFile'] } },
		default: 'getAll',
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a file from a bucket', action: 'Delete a bucket file' },
			{ name: 'Download', value: 'download', description: 'Download a file from a bucket into a binary field', action: 'Download a bucket file' },
			{ name: 'Get Many', value: 'getAll', description: 'List the files of a bucket, optionally under a path prefix', action: 'Get many bucket files' },
			{ name: 'Upload', value: 'upload', description: 'Upload a binary field of the input item to a bucket', action: 'Upload a bucket file' },
		],
	},
	...getAll.description,
	...upload.description,
	...download.description,
	...deleteFile.description,
];
