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

function url(value: string, field: string, label: string): string {
	if (!URL.canParse(value)) {
		throw new Error(`${label} (${field}) is not a valid URL: use a full address such as https://cloud.uipath.com`);
	}
	const parsed = new URL(value);
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new Error(`${label} (${field}) must start with https://`);
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

function automationCloud(base: string, identity: string, organization: string, tenant: string): UiPathEndpoints {
	return {
		orchestratorUrl: `${base}/${organization}/${tenant}/orchestrator_`,
		identityUrl: identity,
		authorizeUrl: `${identity}/connect/authorize`,
		tokenUrl: `${identity}/connect/token`,
		tokenBodyFormat: 'form',
		portalUrl: `${base}/${organization}/portal_/api`,
	};
}

function onPremises(base: string, identity: string): UiPathEndpoints {
	return {
		orchestratorUrl: base,
		identityUrl: identity,
		authorizeUrl: `${identity}/connect/authorize`,
		tokenUrl: `${identity}/connect/token`,
		tokenBodyFormat: 'form',
		passwordSignInUrl: `${base}/api/Account/Authenticate`,
	};
}

function resolveApiEndpoints(data: ICredentialDataDecryptedObject): UiPathEndpoints {
	const preset = (text(data, 'identityPreset') || 'automationCloud') as IdentityPreset;
	switch (preset) {
		case 'automationCloud': {
			const base = optionalUrl(data, 'baseUrl', 'Base URL') ?? DEFAULT_URLS.automationCloud;
			const identity = optionalUrl(data, 'identityUrl', 'Identity URL') ?? `${base}/identity_`;
			return automationCloud(base, identity, logicalName(data, 'organization'), logicalName(data, 'tenant'));
		}
		case 'legacy2019': {
			const platform = optionalUrl(data, 'baseUrl', 'Base URL') ?? DEFAULT_URLS.legacyPlatform;
			const identity = optionalUrl(data, 'identityUrl', 'Identity URL') ?? DEFAULT_URLS.legacyAccount;
			const tenant = logicalName(data, 'tenant');
			return {
				orchestratorUrl: `${platform}/${logicalName(data, 'organization')}/${tenant}`,
				tenantHeader: { [TENANT_HEADER]: tenant },
				identityUrl: identity,
				authorizeUrl: `${identity}/authorize`,
				tokenUrl: `${identity}/oauth/token`,
				tokenBodyFormat: 'json',
				legacyCloudRpaUrl: `${platform}/cloudrpa/api`,
			};
		}
		case 'onPremises': {
			const base = requiredUrl(data, 'baseUrl', 'Orchestrator URL');
			return onPremises(base, optionalUrl(data, 'identityUrl', 'Identity URL') ?? `${base}/identity`);
		}
		default:
			throw new Error(`Identity preset (identityPreset) "${String(preset)}" is not one of automationCloud, legacy2019, onPremises`);
	}
}

function resolveOAuth2Endpoints(data: ICredentialDataDecryptedObject): UiPathEndpoints {
	const environment = (text(data, 'environment') || 'cloud') as OAuth2Environment;
	switch (environment) {
		case 'cloud':
		case 'govCloud': {
			const base = DEFAULT_URLS[environment === 'cloud' ? 'automationCloud' : 'govCloud'];
			return automationCloud(base, `${base}/identity_`, logicalName(data, 'organization'), logicalName(data, 'tenant'));
		}
		case 'automationSuite': {
			const base = requiredUrl(data, 'baseUrl', 'Base URL');
			return automationCloud(base, `${base}/identity_`, logicalName(data, 'organization'), logicalName(data, 'tenant'));
		}
		case 'standalone': {
			const base = requiredUrl(data, 'baseUrl', 'Base URL');
			return onPremises(base, `${base}/identity`);
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
