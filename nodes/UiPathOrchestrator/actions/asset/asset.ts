import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ODATA } from '../../helpers/constants';
import type { FolderRef, ODataPage, UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/output';
import type { readAssetRef } from '../../helpers/parameters';
import { describeFolder, odataString, uiPathApiRequest } from '../../transport';

/** The asset in the folder: from the searchable list (its Id), by ID, or by name. */
export const assetLocator: INodeProperties = {
	displayName: 'Asset',
	name: 'asset',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The asset in the folder',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAssets', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8001',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An asset ID is a number' } }],
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. ErpBaseUrl',
		},
	],
};

type AssetRef = ReturnType<typeof readAssetRef>;

/** The asset as Orchestrator stores it (AssetDto), by ID or by its name in the folder. */
export async function fetchAsset(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	asset: AssetRef,
	itemIndex: number,
): Promise<IDataObject> {
	if ('id' in asset) return await uiPathApiRequest(context, credentialType, { path: ODATA.asset(asset.id), folder });
	const response = await uiPathApiRequest<ODataPage<IDataObject>>(context, credentialType, {
		path: ODATA.assets,
		folder,
		qs: { $filter: `Name eq ${odataString(asset.name)}`, $top: 1 },
	});
	const found = response.value?.[0];
	if (!found) {
		throw new NodeOperationError(context.getNode(), `No asset named "${asset.name}" in ${describeFolder(folder)}`, {
			itemIndex,
			description: 'Check the asset\'s name and the folder it is shared with.',
		});
	}
	return found;
}

/** Properties that would hold a secret if Orchestrator ever sent them; no output item carries them. */
const SECRET_PROPERTIES = ['CredentialPassword', 'SecretValue'];

/** The asset with `Value` typed by its ValueType: text, a number, a boolean, or a credential's user name (never its password). */
export function toAsset(value: IDataObject): IDataObject {
	const asset = Object.fromEntries(Object.entries(withoutODataAnnotations(value)).filter(([key]) => !SECRET_PROPERTIES.includes(key)));
	switch (asset.ValueType) {
		case 'Text':
			return { ...asset, Value: asset.StringValue ?? asset.Value };
		case 'Integer':
			return { ...asset, Value: asset.IntValue };
		case 'Bool':
			return { ...asset, Value: asset.BoolValue };
		case 'Credential':
			return { ...asset, Value: asset.CredentialUsername };
		default:
			return asset;
	}
}
