import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CLOUD_RPA, PORTAL } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { getEndpoints, uiPathApiRequest, type ErrorHints } from '../../transport';

/** Which account service the credential's identity preset offers. */
export async function accountService(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	itemIndex: number,
): Promise<'portal' | 'cloudRpa'> {
	const endpoints = await getEndpoints(context, credentialType);
	if (endpoints.portalUrl) return 'portal';
	if (endpoints.legacyCloudRpaUrl) return 'cloudRpa';
	throw new NodeOperationError(context.getNode(), 'Organizations and tenants cannot be listed for an on-premises Orchestrator', {
		itemIndex,
		description: 'A standalone Orchestrator has one tenant, chosen in the credential; use Automation Cloud or Automation Suite for this operation.',
	});
}

/** Why the portal refuses discovery: it answers only for a person, not for an External Application's own token. */
export const hints: ErrorHints = {
	403: {
		message: 'UiPath refused to list organizations and tenants (403 Forbidden)',
		description:
			'UiPath lists organizations and tenants only for a signed-in user: use the OAuth2 credential, or the API credential with a refresh token or personal access token, not client credentials.',
	},
};

/** Automation Cloud: one organization and the tenants the signed-in user can reach in it. */
export async function tenantsAndOrganization(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	organization?: string,
): Promise<{ organization?: IDataObject; tenants: IDataObject[] }> {
	const info = await uiPathApiRequest<IDataObject>(context, credentialType, {
		service: 'portal',
		path: PORTAL.tenantsAndOrganizationInfo,
		organization,
		hints,
	});
	return {
		organization: (info.organization as IDataObject | undefined) ?? undefined,
		tenants: Array.isArray(info.tenants) ? (info.tenants as IDataObject[]) : [],
	};
}

/** The 2019 account service: the accounts of the signed-in user. */
export async function accountsForUser(context: IExecuteFunctions, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const response = await uiPathApiRequest<IDataObject>(context, credentialType, {
		service: 'cloudRpa',
		path: CLOUD_RPA.accountsForUser,
	});
	const accounts = Array.isArray(response.accounts) ? (response.accounts as IDataObject[]) : [];
	const userEmail = response.userEmail;
	return accounts.map((account) => (userEmail === undefined ? account : { ...account, userEmail }));
}

/** The 2019 account service: the service instances (tenants) of one account. */
export async function serviceInstances(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	account: string,
): Promise<IDataObject[]> {
	const response = await uiPathApiRequest<IDataObject[] | IDataObject>(context, credentialType, {
		service: 'cloudRpa',
		path: CLOUD_RPA.serviceInstances(account),
	});
	return Array.isArray(response) ? response : [response];
}
