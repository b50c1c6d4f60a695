import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { readFolder, readRelease } from '../../helpers/parameters';
import { getRelease } from '../../transport';
import { folderLocator, releaseLocator } from '../../descriptions/common';

const properties: INodeProperties[] = [folderLocator, releaseLocator];

export const description = updateDisplayOptions({ show: { resource: ['release'], operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const folder = readFolder(this, itemIndex);
	const release = readRelease(this, itemIndex);
	const found = await getRelease(this, credentialType, folder, release, { itemIndex });
	return [withoutODataAnnotations(found)];
}
