import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { readAssetRef, readFolder } from '../../helpers/parameters';
import { folderLocator } from '../../descriptions/common';
import { assetLocator, fetchAsset, toAsset } from './asset';

const properties: INodeProperties[] = [folderLocator, assetLocator];

export const description = updateDisplayOptions({ show: { resource: ['asset'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const asset = readAssetRef(this, itemIndex);
	return [toAsset(await fetchAsset(this, credentialType, folder, asset, itemIndex))];
}
