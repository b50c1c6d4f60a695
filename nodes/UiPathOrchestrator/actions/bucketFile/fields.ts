import type { INodeProperties } from 'n8n-workflow';

/** The bucket a file operation works in: from the list (its Id), by ID or by name. */
export const bucketLocator: INodeProperties = {
	displayName: 'Bucket',
	name: 'bucket',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The storage bucket in the folder',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBuckets', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 10001',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A bucket ID is a number' } }],
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Invoice Archive',
		},
	],
};

export const filePathField: INodeProperties = {
	displayName: 'File Path',
	name: 'path',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. invoices/2026/INV-1.pdf',
	description: 'The file\'s path in the bucket, with / between folders',
};

export function binaryPropertyField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the binary field of the item',
		description,
	};
}
