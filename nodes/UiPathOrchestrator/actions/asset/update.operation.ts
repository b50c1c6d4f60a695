import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { parameterError, readAssetRef, readFolder } from '../../helpers/parameters';
import { uiPathApiRequest } from '../../transport';
import { ODATA } from '../../helpers/constants';
import { folderLocator } from '../../descriptions/common';
import { assetLocator, fetchAsset, toAsset } from './asset';

const properties: INodeProperties[] = [
	folderLocator,
	assetLocator,
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://erp.example.com/api, 50 or true',
		description: 'The new value: text for a Text asset, a whole number for an Integer asset, true or false for a Bool asset',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['asset'], operation: ['update'] } }, properties);

const VALUE = { label: 'Value', name: 'value' };
const INT32 = { min: -2147483648, max: 2147483647 };

/** The typed property the new value goes into, checked against the asset's ValueType. */
function typedValue(context: IExecuteFunctions, itemIndex: number, asset: IDataObject, raw: unknown): IDataObject {
	const text = typeof raw === 'string' ? raw.trim() : raw;
	switch (asset.ValueType) {
		case 'Text':
			return { StringValue: String(raw ?? ''), Value: String(raw ?? '') };
		case 'Integer': {
			const number = typeof text === 'string' && text !== '' ? Number(text) : text;
			if (typeof number !== 'number' || !Number.isInteger(number) || number < INT32.min || number > INT32.max) {
				throw parameterError(context, itemIndex, VALUE, `must be a whole number for the Integer asset "${String(asset.Name)}", not ${JSON.stringify(raw)}`);
			}
			return { IntValue: number, Value: String(number) };
		}
		case 'Bool': {
			const flag = text === true || text === 'true' ? true : text === false || text === 'false' ? false : undefined;
			if (flag === undefined) {
				throw parameterError(context, itemIndex, VALUE, `must be true or false for the Bool asset "${String(asset.Name)}", not ${JSON.stringify(raw)}`);
			}
			return { BoolValue: flag, Value: String(flag) };
		}
		default:
			throw parameterError(
				context,
				itemIndex,
				{ label: 'Asset', name: 'asset' },
				`"${String(asset.Name)}" is a ${String(asset.ValueType)} asset; only Text, Integer and Bool values can be updated here`,
				'Change credentials and secrets in Orchestrator.',
			);
	}
}

/** Orchestrator's PUT replaces the asset: the asset as read, with the new value. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const ref = readAssetRef(this, itemIndex);
	const raw = this.getNodeParameter(VALUE.name, itemIndex, '') as unknown;
	const asset = withoutODataAnnotations(await fetchAsset(this, credentialType, folder, ref, itemIndex));
	// Unset properties are left out rather than sent as null; the service reads both as "no value".
	const present = Object.fromEntries(Object.entries(asset).filter(([, value]) => value !== null));
	const updated = { ...present, ...typedValue(this, itemIndex, asset, raw) };
	await uiPathApiRequest(this, credentialType, { method: 'PUT', path: ODATA.asset(Number(asset.Id)), folder, body: updated, idempotent: true });
	return [toAsset(updated)];
}
