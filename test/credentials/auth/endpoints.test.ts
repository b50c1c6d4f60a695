import { portalUrlOf, resolveIdentityEndpoints, resolveUiPathEndpoints } from '../../../credentials/auth/endpoints';

describe('resolveUiPathEndpoints (uiPathApi)', () => {
	it('builds Automation Cloud URLs from organization and tenant, defaulting the base URL', () => {
		const endpoints = resolveUiPathEndpoints('uiPathApi', { organization: 'acme', tenant: 'DefaultTenant' });
		expect(endpoints).toEqual({
			orchestratorUrl: 'https://cloud.uipath.com/acme/DefaultTenant/orchestrator_',
			identityUrl: 'https://cloud.uipath.com/identity_',
			authorizeUrl: 'https://cloud.uipath.com/identity_/connect/authorize',
			tokenUrl: 'https://cloud.uipath.com/identity_/connect/token',
			tokenBodyFormat: 'form',
			portalUrl: 'https://cloud.uipath.com/acme/portal_/api',
		});
	});

	it('honours baseUrl and identityUrl overrides and strips trailing slashes', () => {
		const endpoints = resolveUiPathEndpoints('uiPathApi', {
			identityPreset: 'automationCloud',
			baseUrl: 'http://127.0.0.1:4000/',
			identityUrl: 'http://127.0.0.1:4000/acme/identity_/',
			organization: ' acme ',
			tenant: 'Staging',
		});
		expect(endpoints.orchestratorUrl).toBe('http://127.0.0.1:4000/acme/Staging/orchestrator_');
		expect(endpoints.tokenUrl).toBe('http://127.0.0.1:4000/acme/identity_/connect/token');
		expect(endpoints.tenantHeader).toBeUndefined();
	});

	it('builds the 2019 preset with the tenant header and JSON token body', () => {
		const endpoints = resolveUiPathEndpoints('uiPathApi', {
			identityPreset: 'legacy2019',
			organization: 'acmeaccount',
			tenant: 'AcmeDefault',
		});
		expect(endpoints).toEqual({
			orchestratorUrl: 'https://platform.uipath.com/acmeaccount/AcmeDefault',
			tenantHeader: { 'X-UIPATH-TenantName': 'AcmeDefault' },
			identityUrl: 'https://account.uipath.com',
			authorizeUrl: 'https://account.uipath.com/authorize',
			tokenUrl: 'https://account.uipath.com/oauth/token',
			tokenBodyFormat: 'json',
			legacyCloudRpaUrl: 'https://platform.uipath.com/cloudrpa/api',
		});
	});

	it('builds on-premises URLs without organization or tenant', () => {
		const endpoints = resolveUiPathEndpoints('uiPathApi', {
			identityPreset: 'onPremises',
			baseUrl: 'https://orchestrator.acme.test',
		});
		expect(endpoints.orchestratorUrl).toBe('https://orchestrator.acme.test');
		expect(endpoints.tokenUrl).toBe('https://orchestrator.acme.test/identity/connect/token');
		expect(endpoints.passwordSignInUrl).toBe('https://orchestrator.acme.test/api/Account/Authenticate');
		expect(endpoints.standalone).toBe(true);
	});

	it.each([
		[{ tenant: 'DefaultTenant' }, /Organization \(organization\) is required/],
		[{ organization: 'acme' }, /Tenant \(tenant\) is required/],
		[{ organization: 'acme/x', tenant: 'T' }, /Organization \(organization\) "acme\/x" is not valid/],
		[{ organization: 'acme', tenant: 'Default Tenant' }, /Tenant \(tenant\) "Default Tenant" is not valid/],
		[{ organization: 'acme', tenant: 'T', baseUrl: 'cloud.uipath.com' }, /Base URL \(baseUrl\) is not a valid URL/],
		[{ organization: 'acme', tenant: 'T', baseUrl: 'ftp://x' }, /Base URL \(baseUrl\) must start with https/],
		[{ organization: 'acme', tenant: 'T', identityUrl: 'https://x/?a=1' }, /Identity URL \(identityUrl\) must be a plain address/],
		[{ identityPreset: 'onPremises' }, /Orchestrator URL \(baseUrl\) is required/],
		[{ identityPreset: 'mars' }, /Identity preset \(identityPreset\) "mars"/],
	])('rejects %j naming the field', (data, message) => {
		expect(() => resolveUiPathEndpoints('uiPathApi', data)).toThrow(message);
	});
});

describe('resolveUiPathEndpoints (uiPathOAuth2Api)', () => {
	it.each([
		['cloud', undefined, 'https://cloud.uipath.com'],
		['govCloud', undefined, 'https://govcloud.uipath.us'],
		['automationSuite', 'https://uipath.acme.test/', 'https://uipath.acme.test'],
	])('%s resolves Orchestrator and identity under one base', (environment, baseUrl, base) => {
		const data = { environment, organization: 'acme', tenant: 'DefaultTenant', ...(baseUrl ? { baseUrl } : {}) };
		const endpoints = resolveUiPathEndpoints('uiPathOAuth2Api', data);
		expect(endpoints.orchestratorUrl).toBe(`${base}/acme/DefaultTenant/orchestrator_`);
		expect(endpoints.authorizeUrl).toBe(`${base}/identity_/connect/authorize`);
		expect(endpoints.tokenUrl).toBe(`${base}/identity_/connect/token`);
		expect(endpoints.standalone).toBeUndefined();
	});

	it('standalone Orchestrator uses /identity without underscore', () => {
		const endpoints = resolveUiPathEndpoints('uiPathOAuth2Api', {
			environment: 'standalone',
			baseUrl: 'https://orch.acme.test',
		});
		expect(endpoints.orchestratorUrl).toBe('https://orch.acme.test');
		expect(endpoints.authorizeUrl).toBe('https://orch.acme.test/identity/connect/authorize');
		expect(endpoints.standalone).toBe(true);
	});

	it('requires a base URL for Automation Suite', () => {
		expect(() =>
			resolveUiPathEndpoints('uiPathOAuth2Api', { environment: 'automationSuite', organization: 'a', tenant: 'b' }),
		).toThrow(/Base URL \(baseUrl\) is required/);
	});
});

describe('resolveIdentityEndpoints', () => {
	it('resolves where to sign in before the organization and tenant are known', () => {
		expect(resolveIdentityEndpoints({ baseUrl: 'http://127.0.0.1:4000' })).toEqual({
			baseUrl: 'http://127.0.0.1:4000',
			identityUrl: 'http://127.0.0.1:4000/identity_',
			authorizeUrl: 'http://127.0.0.1:4000/identity_/connect/authorize',
			tokenUrl: 'http://127.0.0.1:4000/identity_/connect/token',
			tokenBodyFormat: 'form',
		});
		expect(resolveIdentityEndpoints({ identityPreset: 'legacy2019' }).legacyCloudRpaUrl).toBe(
			'https://platform.uipath.com/cloudrpa/api',
		);
	});

	it('addresses the portal of an organization by name or id', () => {
		expect(portalUrlOf('https://cloud.uipath.com', 'acme')).toBe('https://cloud.uipath.com/acme/portal_/api');
	});
});

describe('cleartext http:// only on this machine', () => {
	it.each([
		['uiPathApi', { organization: 'acme', tenant: 'T', baseUrl: 'http://uipath.example.com' }, 'Base URL (baseUrl)'],
		['uiPathApi', { organization: 'acme', tenant: 'T', identityUrl: 'http://10.0.0.5/identity_' }, 'Identity URL (identityUrl)'],
		['uiPathApi', { identityPreset: 'onPremises', baseUrl: 'http://orchestrator.corp' }, 'Orchestrator URL (baseUrl)'],
		['uiPathOAuth2Api', { environment: 'standalone', baseUrl: 'http://orchestrator.corp' }, 'Base URL (baseUrl)'],
		['uiPathApi', { organization: 'acme', tenant: 'T', baseUrl: 'http://127.0.0.1.example.com' }, 'Base URL (baseUrl)'],
	] as const)('%s refuses %j with a message that https is required', (type, data, field) => {
		expect(() => resolveUiPathEndpoints(type, data)).toThrow(`${field} must start with https://`);
	});

	it.each(['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.0.0.2'])('accepts the loopback address %s (the sandbox)', (baseUrl) => {
		expect(resolveUiPathEndpoints('uiPathApi', { organization: 'acme', tenant: 'T', baseUrl }).tokenUrl).toBe(`${baseUrl}/identity_/connect/token`);
	});
});
