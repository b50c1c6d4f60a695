import type { IncomingMessage, ServerResponse } from 'http';
import { ORGANIZATION, ORGANIZATION_ID } from '../fixtures';
import type { TokenInfo } from '../contract';
import { bearerToken, sendJson } from './http';
import { isOrganization, SEEDED_TENANTS, USER_PROFILE } from './organization';

/** `GET /{organization}/portal_/api/filtering/leftnav/tenantsAndOrganizationInfo`: what UiPath's CLI and SDKs call after sign-in. */
export const DISCOVERY_PATH =
	/^\/([^/]+)\/portal_\/api\/filtering\/leftnav\/tenantsAndOrganizationInfo\/?$/i;

/**
 * UiPath's SDKs read `organization.{id,name}` and `tenants[].{id,name}` (uipath-python `TenantsAndOrganizationInfoResponse`);
 * the portal also describes the signed-in user.
 */
export async function tenantsAndOrganizationInfo(
	req: IncomingMessage,
	res: ServerResponse,
	organization: string,
	verify: (token: string) => Promise<TokenInfo | undefined>,
): Promise<void> {
	const token = bearerToken(req);
	const info = token === undefined ? undefined : await verify(token);
	if (!info) {
		sendJson(
			res,
			401,
			{
				error: 'invalid_token',
				error_description: 'A valid access token of a signed-in user is required',
			},
			{
				'WWW-Authenticate': 'Bearer error="invalid_token"',
			},
		);
		return;
	}
	if (info.kind !== 'user' && info.kind !== 'pat') {
		sendJson(res, 403, {
			error: 'insufficient_scope',
			error_description:
				'Tenants are listed for a signed-in user; an application token cannot list them',
		});
		return;
	}
	if (!isOrganization(organization)) {
		sendJson(res, 404, {
			error: 'not_found',
			error_description: `The organization ${organization} does not exist or the user is not a member`,
		});
		return;
	}
	sendJson(res, 200, {
		user: {
			id: USER_PROFILE.id,
			name: USER_PROFILE.name,
			surname: USER_PROFILE.surname,
			email: USER_PROFILE.email,
		},
		organization: { id: ORGANIZATION_ID, name: ORGANIZATION },
		tenants: SEEDED_TENANTS,
	});
}
