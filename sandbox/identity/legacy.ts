import { IncomingMessage, type ServerResponse } from 'http';
import { LEGACY_CLIENT_ID, ORGANIZATION, TENANTS, USER_EMAIL } from '../fixtures';
import { bearerToken, sendJson } from './http';
import { verifyJwt, type SigningKey } from './signingKey';

/** The 2019 community guide's routes on account.uipath.com and platform.uipath.com. */
export const LEGACY_ACCOUNTS_PATH = /^\/cloudrpa\/api\/getAccountsForUser\/?$/i;
export const LEGACY_SERVICE_INSTANCES_PATH =
	/^\/cloudrpa\/api\/account\/([^/]+)\/getAllServiceInstances\/?$/i;

/**
 * The 2019 token endpoint took a JSON body; oidc-provider's token endpoint takes a form.
 * The same parameters are handed on as a form in a request object of their own.
 */
export function asFormRequest(
	original: IncomingMessage,
	url: string,
	json: Record<string, unknown>,
): IncomingMessage {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(json)) {
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
			form.set(name, String(value));
	}
	const body = Buffer.from(form.toString(), 'utf8');
	const request = new IncomingMessage(original.socket);
	request.method = 'POST';
	request.url = url;
	request.headers = {
		...original.headers,
		'content-type': 'application/x-www-form-urlencoded',
		'content-length': String(body.length),
	};
	// A hand-made request that never counts as complete would destroy the shared socket once read.
	request.complete = true;
	request.push(body);
	request.push(null);
	return request;
}

/** The id_token of the 2019 flow is the Bearer token of the cloudrpa API. */
function legacyUser(
	token: string | undefined,
	key: SigningKey,
	issuer: string,
): string | undefined {
	const claims = token === undefined ? undefined : verifyJwt(token, key);
	if (!claims || claims.iss !== issuer || claims.aud !== LEGACY_CLIENT_ID) return undefined;
	return typeof claims.email === 'string' ? claims.email : USER_EMAIL;
}

function unauthorized(res: ServerResponse): void {
	sendJson(
		res,
		401,
		{
			error: 'invalid_token',
			error_description: 'Send the id_token of the 2019 sign-in as Bearer token',
		},
		{
			'WWW-Authenticate': 'Bearer error="invalid_token"',
		},
	);
}

export function accountsForUser(
	req: IncomingMessage,
	res: ServerResponse,
	key: SigningKey,
	issuer: string,
): void {
	const email = legacyUser(bearerToken(req), key, issuer);
	if (!email) return unauthorized(res);
	sendJson(res, 200, {
		userEmail: email,
		accounts: [{ accountName: ORGANIZATION, accountLogicalName: ORGANIZATION }],
	});
}

export function allServiceInstances(
	req: IncomingMessage,
	res: ServerResponse,
	account: string,
	key: SigningKey,
	issuer: string,
	baseUrl: string,
): void {
	if (!legacyUser(bearerToken(req), key, issuer)) return unauthorized(res);
	if (account.toLowerCase() !== ORGANIZATION.toLowerCase()) {
		sendJson(res, 404, { message: `Account ${account} not found` });
		return;
	}
	// The logical name is what `/{account}/{tenant}/odata` and X-UIPATH-TenantName expect.
	sendJson(
		res,
		200,
		TENANTS.map((tenant) => ({
			serviceInstanceName: tenant,
			serviceInstanceLogicalName: tenant,
			serviceType: 'ORCHESTRATOR',
			serviceUrl: baseUrl,
		})),
	);
}
