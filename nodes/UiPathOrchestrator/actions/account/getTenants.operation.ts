import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { LOGICAL_NAME } from '../../../../credentials/auth/endpoints';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { parameterError } from '../../helpers/parameters';
import { accountService, serviceInstances, tenantsAndOrganization } from './discovery';

const properties: INodeProperties[] = [
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme',
		description: 'The logical name of the organization (account), as it appears in the Orchestrator URL',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getTenants'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
): Promise<IDataObject[]> {
	const parameter = { label: 'Account', name: 'account' };
	const account = String(this.getNodeParameter(parameter.name, itemIndex, '') ?? '').trim();
	if (!account) throw parameterError(this, itemIndex, parameter, 'is required: give the organization\'s logical name');
	if (!LOGICAL_NAME.test(account)) {
		throw parameterError(this, itemIndex, parameter, `"${account}" is not a logical name: no slashes or spaces`);
	}
	if ((await accountService(this, credentialType, itemIndex)) === 'cloudRpa') {
		return await serviceInstances(this, credentialType, account);
	}
	return (await tenantsAndOrganization(this, credentialType, account)).tenants;
}
