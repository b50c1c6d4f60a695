import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../helpers/interfaces';
import { accountService, accountsForUser, tenantsAndOrganization } from './accountServices';

const properties: INodeProperties[] = [
	{
		displayName:
			'Lists the organization of the credential (Automation Cloud) or every account of the signed-in user (2019 preset)',
		name: 'accountNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	if ((await accountService(this, credentialType, itemIndex)) === 'cloudRpa') {
		return await accountsForUser(this, credentialType);
	}
	const { organization } = await tenantsAndOrganization(this, credentialType);
	return organization ? [organization] : [];
}
