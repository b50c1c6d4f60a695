import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GUID } from '../../helpers/constants';
import { parameterError, readJsonObject } from '../../helpers/parameters';

/** The task an operation works on: its numeric Id or its Key, as Action Center shows both. */
export const taskIdField: INodeProperties = {
	displayName: 'Task ID or Key',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 300001',
	description: 'The task\'s numeric ID or its Key (a GUID), for example from the output of Create or Get Many',
};

/** Task data as one JSON object or as name/value fields. */
export function taskDataFields(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Data',
			name: 'dataMode',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json', description: 'One JSON object' },
				{ name: 'Fields', value: 'fields', description: 'Name and value pairs' },
			],
			default: 'json',
			displayOptions,
		},
		{
			displayName: 'Data (JSON)',
			name: 'data',
			type: 'json',
			default: '{}',
			description: 'The task\'s data: what the person sees and may change, e.g. {"InvoiceId": "INV-1", "Amount": 1200}',
			displayOptions: { show: { ...displayOptions?.show, dataMode: ['json'] } },
		},
		{
			displayName: 'Data Fields',
			name: 'dataFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { ...displayOptions?.show, dataMode: ['fields'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

/** The task's numeric Id or Key from Task ID or Key. */
export function readTaskRef(context: IExecuteFunctions, itemIndex: number): { id: number } | { key: string } {
	const parameter = { label: 'Task ID or Key', name: 'taskId' };
	const value = String(context.getNodeParameter(parameter.name, itemIndex, '') ?? '').trim();
	if (!value) throw parameterError(context, itemIndex, parameter, 'is required');
	if (GUID.test(value)) return { key: value.toLowerCase() };
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
		throw parameterError(context, itemIndex, parameter, `"${value}" is neither a task ID (a whole number) nor a task Key (a GUID)`);
	}
	return { id: Number(value) };
}

/** The data parameter in its mode: a JSON object, or the fields (a field without a name is refused). */
export function readTaskData(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = context.getNodeParameter('dataMode', itemIndex, 'json') as string;
	if (mode !== 'fields') return readJsonObject(context, itemIndex, { label: 'Data (JSON)', name: 'data' });
	const fields = (context.getNodeParameter('dataFields.field', itemIndex, []) as IDataObject[]) ?? [];
	const data: IDataObject = {};
	for (const [index, field] of fields.entries()) {
		const name = String(field.name ?? '').trim();
		if (!name) throw parameterError(context, itemIndex, { label: 'Data Fields', name: `dataFields.field[${index}].name` }, 'has no name');
		data[name] = field.value as IDataObject[string];
	}
	return data;
}
