import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type UiPathCredentialType = 'uiPathApi' | 'uiPathOAuth2Api';
export type IdentityPreset = 'automationCloud' | 'legacy2019' | 'onPremises';
export type OAuth2Environment = 'cloud' | 'govCloud' | 'automationSuite' | 'standalone';

export const TENANT_HEADER = 'X-UIPATH-TenantName';

/** Public defaults; `baseUrl` and `identityUrl` in the credential override them. */
export const DEFAULT_URLS = {
	automationCloud: 'https://cloud.uipath.com',
	govCloud: 'https://govcloud.uipath.us',
	legacyPlatform: 'https://platform.uipath.com',
	legacyAccount: 'https://account.uipath.com',
} as const;

/** The public client of the 2019 community guide; its redirect is fixed to account.uipath.com/mobile. */
export const LEGACY_PUBLIC_CLIENT_ID = '5v7PmPJL6FOGu6RB8I1Y4adLBhIwovQN';
export const LEGACY_REDIRECT_URI = 'https://account.uipath.com/mobile';

export interface UiPathEndpoints {
	/** No trailing slash; Orchestrator's `/odata` and `/api` hang under it. */
	orchestratorUrl: string;
	/** Sent with every Orchestrator request by the 2019 preset. */
	tenantHeader?: { [TENANT_HEADER]: string };
	/** No trailing slash. */
	identityUrl: string;
	authorizeUrl: string;
	tokenUrl: string;
	/** Today's identity takes a form body; the 2019 account.uipath.com takes JSON. */
	tokenBodyFormat: 'form' | 'json';
	/** On-premises `/api/Account/Authenticate` (username and password). */
	passwordSignInUrl?: string;
	/** Today's cloud: `{base}/{organization}/portal_/api`, for tenantsAndOrganizationInfo. */
	portalUrl?: string;
	/** 2019: `{platform}/cloudrpa/api`, for getAccountsForUser and getAllServiceInstances. */
	legacyCloudRpaUrl?: string;
}

/** Organization and tenant names as they appear in a URL path segment. */
const LOGICAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.~-]*$/;

function text(data: ICredentialDataDecryptedObject, field: string): string {
	const value = data[field];
	return typeof value === 'string' ? value.trim() : '';
}

/** This machine (the sandbox), where cleartext http:// cannot be read on the way. */
export function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function url(value: string, field: string, label: string): string {
	if (!URL.canParse(value)) {
		throw new Error(`${label} (${field}) is not a valid URL: use a full address such as https://cloud.uipath.com`);
	}
	const parsed = new URL(value);
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) {
		throw new Error(
			`${label} (${field}) must start with https://: tokens and secrets travel to it (http:// is accepted only for this machine: 127.0.0.1, [::1], localhost)`,
		);
	}
	if (parsed.search || parsed.hash || parsed.username || parsed.password) {
		throw new Error(`${label} (${field}) must be a plain address without query, fragment or user name`);
	}
	return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

function optionalUrl(data: ICredentialDataDecryptedObject, field: string, label: string): string | undefined {
	const value = text(data, field);
	return value ? url(value, field, label) : undefined;
}

function requiredUrl(data: ICredentialDataDecryptedObject, field: string, label: string): string {
	const value = optionalUrl(data, field, label);
	if (!value) throw new Error(`${label} (${field}) is required`);
	return value;
}

function logicalName(data: ICredentialDataDecryptedObject, field: 'organization' | 'tenant'): string {
	const label = field === 'organization' ? 'Organization' : 'Tenant';
	const value = text(data, field);
	if (!value) throw new Error(`${label} (${field}) is required`);
	if (!LOGICAL_NAME.test(value)) {
		throw new Error(
			`${label} (${field}) "${value}" is not valid: use the name exactly as it appears in the Orchestrator URL, with no slashes or spaces`,
		);
	}
	return value;
}

/** Where a uiPathApi credential signs in: everything but the Orchestrator address, so no organization or tenant is needed. */
export interface IdentityEndpoints
	extends Pick<UiPathEndpoints, 'identityUrl' | 'authorizeUrl' | 'tokenUrl' | 'tokenBodyFormat' | 'passwordSignInUrl' | 'legacyCloudRpaUrl'> {
	/** The site Orchestrator and the portal hang under (no trailing slash). */
	baseUrl: string;
}

function hostedIdentity(base: string, identity: string): IdentityEndpoints {
	return {
		baseUrl: base,
		identityUrl: identity,
		authorizeUrl: `${identity}/connect/authorize`,
		tokenUrl: `${identity}/connect/token`,
		tokenBodyFormat: 'form',
	};
}

function presetOf(data: ICredentialDataDecryptedObject): IdentityPreset {
	const preset = text(data, 'identityPreset') || 'automationCloud';
	if (preset !== 'automationCloud' && preset !== 'legacy2019' && preset !== 'onPremises') {
		throw new Error(`Identity preset (identityPreset) "${preset}" is not one of automationCloud, legacy2019, onPremises`);
	}
	return preset;
}

/** The sign-in half of resolveUiPathEndpoints for uiPathApi; the login tool uses it before it knows the tenant. */
export function resolveIdentityEndpoints(data: ICredentialDataDecryptedObject): IdentityEndpoints {
	switch (presetOf(data)) {
		case 'automationCloud': {
			const base = optionalUrl(data, 'baseUrl', 'Base URL') ?? DEFAULT_URLS.automationCloud;
			return hostedIdentity(base, optionalUrl(data, 'identityUrl', 'Identity URL') ?? `${base}/identity_`);
		}
		case 'legacy2019': {
			const platform = optionalUrl(data, 'baseUrl', 'Base URL') ?? DEFAULT_URLS.legacyPlatform;
			const identity = optionalUrl(data, 'identityUrl', 'Identity URL') ?? DEFAULT_URLS.legacyAccount;
			return {
				baseUrl: platform,
				identityUrl: identity,
				authorizeUrl: `${identity}/authorize`,
				tokenUrl: `${identity}/oauth/token`,
				tokenBodyFormat: 'json',
				legacyCloudRpaUrl: `${platform}/cloudrpa/api`,
			};
		}
		case 'onPremises': {
			const base = requiredUrl(data, 'baseUrl', 'Orchestrator URL');
			const identity = optionalUrl(data, 'identityUrl', 'Identity URL') ?? `${base}/identity`;
			return { ...hostedIdentity(base, identity), passwordSignInUrl: `${base}/api/Account/Authenticate` };
		}
	}
}

/** Today's cloud portal API of an organization (by name or id), for tenantsAndOrganizationInfo. */
export function portalUrlOf(baseUrl: string, organization: string): string {
	return `${baseUrl}/${encodeURIComponent(organization)}/portal_/api`;
}

function withOrchestrator(identity: IdentityEndpoints, orchestratorUrl: string): UiPathEndpoints {
	const endpoints: UiPathEndpoints & { baseUrl?: string } = { orchestratorUrl, ...identity };
	delete endpoints.baseUrl;
	return endpoints;
}

function resolveApiEndpoints(data: ICredentialDataDecryptedObject): UiPathEndpoints {
	const identity = resolveIdentityEndpoints(data);
	switch (presetOf(data)) {
		case 'automationCloud': {
			const organization = logicalName(data, 'organization');
			return {
				...withOrchestrator(identity, `${identity.baseUrl}/${organization}/${logicalName(data, 'tenant')}/orchestrator_`),
				portalUrl: portalUrlOf(identity.baseUrl, organization),
			};
		}
		case 'legacy2019': {
			const organization = logicalName(data, 'organization');
			const tenant = logicalName(data, 'tenant');
			return {
				...withOrchestrator(identity, `${identity.baseUrl}/${organization}/${tenant}`),
				tenantHeader: { [TENANT_HEADER]: tenant },
			};
		}
		case 'onPremises':
			return withOrchestrator(identity, identity.baseUrl);
	}
}

function resolveOAuth2Endpoints(data: ICredentialDataDecryptedObject): UiPathEndpoints {
	const environment = (text(data, 'environment') || 'cloud') as OAuth2Environment;
	switch (environment) {
		case 'cloud':
		case 'govCloud':
		case 'automationSuite': {
			const base =
				environment === 'automationSuite'
					? requiredUrl(data, 'baseUrl', 'Base URL')
					: DEFAULT_URLS[environment === 'cloud' ? 'automationCloud' : 'govCloud'];
			const organization = logicalName(data, 'organization');
			return {
				...withOrchestrator(hostedIdentity(base, `${base}/identity_`), `${base}/${organization}/${logicalName(data, 'tenant')}/orchestrator_`),
				portalUrl: portalUrlOf(base, organization),
			};
		}
		case 'standalone': {
			const base = requiredUrl(data, 'baseUrl', 'Base URL');
			return withOrchestrator(hostedIdentity(base, `${base}/identity`), base);
		}
		default:
			throw new Error(
				`Environment (environment) "${String(environment)}" is not one of cloud, govCloud, automationSuite, standalone`,
			);
	}
}

/** The one place that turns credential data into UiPath URLs; throws an Error naming the field to fix. */
export function resolveUiPathEndpoints(
	credentialType: UiPathCredentialType,
	data: ICredentialDataDecryptedObject,
): UiPathEndpoints {
	return credentialType === 'uiPathOAuth2Api' ? resolveOAuth2Endpoints(data) : resolveApiEndpoints(data);
}
