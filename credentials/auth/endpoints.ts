import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The two credential types' names: saved in users' workflows and credentials, so never renamed. */
export const CREDENTIAL_TYPES = { api: 'uiPathApi', oauth2: 'uiPathOAuth2Api' } as const;
export type UiPathCredentialType = (typeof CREDENTIAL_TYPES)[keyof typeof CREDENTIAL_TYPES];

export const IDENTITY_PRESETS = ['automationCloud', 'legacy2019', 'onPremises'] as const;
export type IdentityPreset = (typeof IDENTITY_PRESETS)[number];
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
	/** A standalone (on-premises) Orchestrator, which keeps OData's page limit of 1000 where Automation Cloud has lower ones. */
	standalone?: true;
}

/** Organization and tenant names as they appear in a URL path segment. */
export const LOGICAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.~-]*$/;

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

/** The uiPathApi credential's Identity Preset; empty means Automation Cloud. */
export function identityPresetOf(data: ICredentialDataDecryptedObject): IdentityPreset {
	const preset = text(data, 'identityPreset') || 'automationCloud';
	if (!(IDENTITY_PRESETS as readonly string[]).includes(preset)) {
		throw new Error(`Identity preset (identityPreset) "${preset}" is not one of ${IDENTITY_PRESETS.join(', ')}`);
	}
	return preset as IdentityPreset;
}

/** The 2019 preset names the tenant in a header on every request, Orchestrator's and its account service's. */
export function tenantHeaderOf(data: ICredentialDataDecryptedObject): { [TENANT_HEADER]: string } | undefined {
	return identityPresetOf(data) === 'legacy2019' ? { [TENANT_HEADER]: text(data, 'tenant') } : undefined;
}

/** The sign-in half of resolveUiPathEndpoints for uiPathApi; the login tool uses it before it knows the tenant. */
export function resolveIdentityEndpoints(data: ICredentialDataDecryptedObject): IdentityEndpoints {
	switch (identityPresetOf(data)) {
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
	switch (identityPresetOf(data)) {
		case 'automationCloud': {
			const organization = logicalName(data, 'organization');
			return {
				...withOrchestrator(identity, `${identity.baseUrl}/${organization}/${logicalName(data, 'tenant')}/orchestrator_`),
				portalUrl: portalUrlOf(identity.baseUrl, organization),
			};
		}
		case 'legacy2019':
			return {
				...withOrchestrator(identity, `${identity.baseUrl}/${logicalName(data, 'organization')}/${logicalName(data, 'tenant')}`),
				tenantHeader: tenantHeaderOf(data),
			};
		case 'onPremises':
			return { ...withOrchestrator(identity, identity.baseUrl), standalone: true };
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
			return { ...withOrchestrator(hostedIdentity(base, `${base}/identity`), base), standalone: true };
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
	return credentialType === CREDENTIAL_TYPES.oauth2 ? resolveOAuth2Endpoints(data) : resolveApiEndpoints(data);
}
