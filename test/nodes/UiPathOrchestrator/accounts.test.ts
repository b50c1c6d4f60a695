import { ORGANIZATION, ORGANIZATION_ID, TENANTS } from '../../../sandbox/fixtures';
import { expectConformingRequests, NODE_NAME, nodeError, startSuite, type Suite } from './sandboxSuite';

describe('account: organizations and tenants of today\'s Automation Cloud', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['oauth2', 'personalAccessToken', 'clientCredentials']);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	it.each(['oauth2', 'personalAccessToken'] as const)('getAll gives the signed-in user\'s organization (%s)', async (kind) => {
		const result = await suite.run(kind, { resource: 'account', operation: 'getAll' });
		expect(result.json(NODE_NAME)).toEqual([expect.objectContaining({ id: ORGANIZATION_ID, name: ORGANIZATION })]);
	});

	it.each(['oauth2', 'personalAccessToken'] as const)('getTenants lists the tenants of the account (%s)', async (kind) => {
		const result = await suite.run(kind, { resource: 'account', operation: 'getTenants', account: ORGANIZATION });
		expect(result.json(NODE_NAME).map((tenant) => tenant.name)).toEqual([...TENANTS]);
		expect(result.items(NODE_NAME).map((item) => item.pairedItem)).toEqual(TENANTS.map(() => ({ item: 0 })));
	});

	it('an unknown account fails with the status UiPath gave', async () => {
		const result = await suite.run('personalAccessToken', { resource: 'account', operation: 'getTenants', account: 'nobody-here' });
		const error = nodeError(result);
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('UiPath did not list organizations and tenants (HTTP 404)');
		expect(error.description).toMatch(/not part of UiPath's published API.*type the organization and tenant into the credential/);
	});

	it('an application token (client credentials) is refused, and the error says which sign-in works', async () => {
		const result = await suite.run('clientCredentials', { resource: 'account', operation: 'getAll' });
		const error = nodeError(result);
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe('UiPath did not list organizations and tenants (HTTP 403)');
		expect(error.description).toMatch(/a signed-in user, not client credentials.*type the organization and tenant into the credential/);
	});
});
