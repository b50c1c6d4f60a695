import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { resolveUiPathEndpoints } from '../../credentials/auth/endpoints';
import { oauthUrls, testRequestBaseUrl } from './expressionEval';

/**
 * The credentials carry URLs as n8n expressions (the OAuth2 URLs, the test request's base URL), which cannot
 * call code; these tests evaluate them with n8n-workflow's own expression engine, as n8n does, and hold them
 * to the resolver's rules.
 */
describe('uiPathApi test request base URL', () => {
	it.each<[string, ICredentialDataDecryptedObject]>([
		['Automation Cloud default', { identityPreset: 'automationCloud', baseUrl: '', organization: 'acme', tenant: 'DefaultTenant' }],
		['Automation Cloud override', { identityPreset: 'automationCloud', baseUrl: ' http://127.0.0.1:4100/ ', organization: 'acme', tenant: 'Staging' }],
		['2019 default', { identityPreset: 'legacy2019', baseUrl: '', organization: 'acmeaccount', tenant: 'AcmeDefault' }],
		['2019 override', { identityPreset: 'legacy2019', baseUrl: 'http://127.0.0.1:4100', organization: 'acme', tenant: 'DefaultTenant' }],
		['on-premises', { identityPreset: 'onPremises', baseUrl: 'https://orchestrator.acme.test//', organization: '', tenant: '' }],
	])('%s matches resolveUiPathEndpoints', async (_, data) => {
		expect(await testRequestBaseUrl(data)).toBe(resolveUiPathEndpoints('uiPathApi', data).orchestratorUrl);
	});
});

describe('uiPathOAuth2Api authorization and token URLs', () => {
	it.each<[string, ICredentialDataDecryptedObject]>([
		['cloud', { environment: 'cloud', organization: 'acme', tenant: 'DefaultTenant' }],
		['govCloud', { environment: 'govCloud', organization: 'acme', tenant: 'DefaultTenant' }],
		['automationSuite', { environment: 'automationSuite', baseUrl: 'http://127.0.0.1:4100/', organization: 'acme', tenant: 'DefaultTenant' }],
		['standalone', { environment: 'standalone', baseUrl: 'https://orch.acme.test' }],
	])('%s matches resolveUiPathEndpoints', async (_, data) => {
		const endpoints = resolveUiPathEndpoints('uiPathOAuth2Api', data);
		expect(await oauthUrls(data)).toMatchObject({ authUrl: endpoints.authorizeUrl, accessTokenUrl: endpoints.tokenUrl });
	});
});
