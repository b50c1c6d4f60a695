import { portalUrlOf } from '../../credentials/auth/endpoints';
import type { AuthHttp } from '../../credentials/auth/authHttp';

/** An organization (2019: an account) and the tenants (2019: service instances) the signed-in person can reach. */
export interface Reachable {
	organization: string;
	tenants: string[];
}

async function getJson(http: AuthHttp, url: string, bearer: string, what: string): Promise<unknown> {
	let response;
	try {
		response = await http({ method: 'GET', url, headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` } });
	} catch {
		throw new Error(`Could not reach ${url} to list ${what}`);
	}
	if (response.statusCode !== 200 || typeof response.body !== 'object' || response.body === null) {
		throw new Error(`Listing ${what} at ${url} failed (HTTP ${response.statusCode})`);
	}
	return response.body;
}

function names(list: unknown, key: string): string[] {
	if (!Array.isArray(list)) return [];
	return list
		.map((entry) => (entry as Record<string, unknown> | null)?.[key])
		.filter((name): name is string => typeof name === 'string' && name !== '');
}

/** The organization id UiPath puts in today's access tokens (`prt_id`), read without verifying: only to address the portal. */
export function organizationIdOf(accessToken: string): string | undefined {
	const payload = accessToken.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
		return typeof claims.prt_id === 'string' ? claims.prt_id : undefined;
	} catch {
		return undefined;
	}
}

/** Today's cloud: `{base}/{organization}/portal_/api/filtering/leftnav/tenantsAndOrganizationInfo`. */
export async function discoverOrganization(
	http: AuthHttp,
	baseUrl: string,
	organizationOrId: string,
	accessToken: string,
): Promise<Reachable> {
	const url = `${portalUrlOf(baseUrl, organizationOrId)}/filtering/leftnav/tenantsAndOrganizationInfo`;
	const body = (await getJson(http, url, accessToken, 'tenants')) as { organization?: { name?: unknown }; tenants?: unknown };
	const organization = typeof body.organization?.name === 'string' ? body.organization.name : organizationOrId;
	return { organization, tenants: names(body.tenants, 'name') };
}

/** The 2019 guide's steps 5 and 6: accounts, then each account's Orchestrator services, with the id_token. */
export async function discoverLegacyAccounts(http: AuthHttp, cloudRpaUrl: string, idToken: string): Promise<Reachable[]> {
	const body = (await getJson(http, `${cloudRpaUrl}/getAccountsForUser`, idToken, 'accounts')) as { accounts?: unknown };
	const accounts = names(body.accounts, 'accountLogicalName');
	return await Promise.all(
		accounts.map(async (account) => {
			const url = `${cloudRpaUrl}/account/${encodeURIComponent(account)}/getAllServiceInstances`;
			const instances = await getJson(http, url, idToken, `the services of ${account}`);
			return { organization: account, tenants: names(instances, 'serviceInstanceLogicalName') };
		}),
	);
}
