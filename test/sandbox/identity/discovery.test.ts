import {
	CONFIDENTIAL_CLIENT_ID,
	ORGANIZATION,
	ORGANIZATION_ID,
	TENANTS,
	USER_EMAIL,
} from '../../../sandbox/fixtures';
import { tenantId } from '../../../sandbox/identity';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { authorizationCode, codeExchange, postForm } from './oauthClient';

const DISCOVERY = 'portal_/api/filtering/leftnav/tenantsAndOrganizationInfo';

let sandbox: Sandbox;
let userToken: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	const { body } = await postForm(
		sandbox.url,
		'/identity_/connect/token',
		codeExchange(await authorizationCode(sandbox.url)),
	);
	userToken = String(body.access_token);
});
afterAll(() => sandbox.close());

async function discover(
	organization: string,
	token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${sandbox.url}/${organization}/${DISCOVERY}`, {
		headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('organization and tenant discovery (portal tenantsAndOrganizationInfo)', () => {
	it('lists the organization and its tenants for a signed-in user, by organization name or id', async () => {
		const expected = {
			user: expect.objectContaining({ email: USER_EMAIL }),
			organization: { id: ORGANIZATION_ID, name: ORGANIZATION },
			tenants: TENANTS.map((name) => ({ id: tenantId(name), name })),
		};
		expect(await discover(ORGANIZATION, userToken)).toEqual({ status: 200, body: expected });
		expect(await discover(ORGANIZATION_ID, userToken)).toEqual({ status: 200, body: expected });
	});

	it('gives tenants stable GUIDs', () => {
		for (const name of TENANTS)
			expect(tenantId(name)).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
			);
		expect(new Set(TENANTS.map(tenantId)).size).toBe(TENANTS.length);
	});

	it('accepts the personal access token', async () => {
		expect(
			(await discover(ORGANIZATION, sandbox.state.credentials.personalAccessToken)).status,
		).toBe(200);
	});

	it('answers 401 without a valid token and 403 for an application token', async () => {
		expect((await discover(ORGANIZATION)).status).toBe(401);
		expect((await discover(ORGANIZATION, 'expired-or-unknown')).status).toBe(401);
		const { body } = await postForm(
			sandbox.url,
			'/identity_/connect/token',
			new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: CONFIDENTIAL_CLIENT_ID,
				client_secret: sandbox.state.credentials.clientCredentials.clientSecret,
			}),
		);
		expect((await discover(ORGANIZATION, String(body.access_token))).status).toBe(403);
	});

	it('answers 404 for an organization the user is not in', async () => {
		expect((await discover('globex', userToken)).status).toBe(404);
	});

	it('leaves other portal routes to the rest of the sandbox', async () => {
		const response = await fetch(`${sandbox.url}/${ORGANIZATION}/portal_/api/identity/Setting`, {
			headers: { Authorization: `Bearer ${userToken}` },
		});
		// The sandbox answers unknown paths with the site's HTML 404 page.
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toContain('text/html');
	});
});
