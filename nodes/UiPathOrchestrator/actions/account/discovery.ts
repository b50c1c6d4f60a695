import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CLOUD_RPA, PORTAL } from '../../helpers/constants';
import type { UiPathCredentialType } from '../../helpers/interfaces';
import { failureStatus, getEndpoints, rethrown, uiPathApiRequest, type UiPathRequest } from '../../transport';

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

/** Statuses with which the account routes say they cannot list here, rather than that something is broken. */
const UNLISTED_STATUSES = [401, 403, 404];

/**
 * The portal (tenantsAndOrganizationInfo) and the 2019 account service are not part of UiPath's published API: a
 * refusal there means "type the names", which every credential accepts, not a broken credential.
 */
async function discoveryRequest<T>(context: IExecuteFunctions, credentialType: UiPathCredentialType, request: UiPathRequest): Promise<T> {
	try {
		return await uiPathApiRequest<T>(context, credentialType, request);
	} catch (error) {
		const status = failureStatus(error);
		if (status === undefined || !UNLISTED_STATUSES.includes(status)) throw rethrown(error);
		throw new NodeApiError(
			context.getNode(),
			{ message: `UiPath did not list organizations and tenants (HTTP ${status})`, httpCode: String(status) },
			{
				message: `UiPath did not list organizations and tenants (HTTP ${status})`,
				description:
					"This listing uses a UiPath portal route that is not part of UiPath's published API; UiPath answers it only for some sign-ins (a signed-in user, not client credentials) and may change it. You do not need it: type the organization and tenant into the credential, as they appear in your UiPath URL (https://cloud.uipath.com/<organization>/<tenant>/).",
				httpCode: String(status),
			},
		);
	}
}

/** Automation Cloud: one organization and the tenants the signed-in user can reach in it. */
export async function tenantsAndOrganization(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	organization?: string,
): Promise<{ organization?: IDataObject; tenants: IDataObject[] }> {
	const info = await discoveryRequest<IDataObject>(context, credentialType, {
		service: 'portal',
		path: PORTAL.tenantsAndOrganizationInfo,
		organization,
	});
	return {
		organization: (info.organization as IDataObject | undefined) ?? undefined,
		tenants: Array.isArray(info.tenants) ? (info.tenants as IDataObject[]) : [],
	};
}

/** The 2019 account service: the accounts of the signed-in user. */
export async function accountsForUser(context: IExecuteFunctions, credentialType: UiPathCredentialType): Promise<IDataObject[]> {
	const response = await discoveryRequest<IDataObject>(context, credentialType, {
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
	const response = await discoveryRequest<IDataObject[] | IDataObject>(context, credentialType, {
		service: 'cloudRpa',
		path: CLOUD_RPA.serviceInstances(account),
	});
	return Array.isArray(response) ? response : [response];
}
