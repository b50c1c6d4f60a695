import type { SandboxSecrets } from './contract';
import {
	CONFIDENTIAL_CLIENT_ID,
	FOLDER_USER_EMAIL,
	FOLDER_USER_FOLDERS,
	LEGACY_CLIENT_ID,
	LEGACY_REDIRECT_URI,
	ON_PREMISES_TENANCY_NAME,
	ON_PREMISES_USERNAME,
	ORCHESTRATOR_SCOPES,
	ORGANIZATION,
	ORGANIZATION_ID,
	PUBLIC_CLIENT_ID,
	TENANT,
	TENANTS,
	USER_EMAIL,
	USER_NAME,
} from './fixtures';

/** Everything a test, the demo or a person needs to sign in to this sandbox, for every sign-in method. */
export interface SandboxCredentials {
	baseUrl: string;
	organization: string;
	organizationId: string;
	tenant: string;
	tenants: readonly string[];
	/** Orchestrator of the default tenant: `<baseUrl>/acme/DefaultTenant/orchestrator_`. */
	orchestratorUrl: string;
	/** Every Orchestrator scope, space-separated. */
	scope: string;
	clientCredentials: { tokenUrl: string; clientId: string; clientSecret: string; scope: string };
	personalAccessToken: string;
	pkce: { authorizeUrl: string; tokenUrl: string; clientId: string; scope: string };
	/** The 2019 community flow; Orchestrator at `<orchestratorUrl>/odata/...` with the X-UIPATH-TenantName header. */
	legacy: { tokenUrl: string; clientId: string; redirectUri: string; accountsUrl: string; orchestratorUrl: string; tenantName: string };
	/** On-premises: `POST <authenticateUrl>` then Orchestrator at `<url>/odata/...`. */
	onPremises: { url: string; authenticateUrl: string; tenancyName: string; username: string; password: string };
	user: { email: string; name: string };
	/** A person with roles only in `folders` and no tenant-level permission: `GET /odata/Folders` and `/odata/Robots` answer 403. */
	folderUser: { email: string; personalAccessToken: string; folders: readonly string[] };
}

export function sandboxCredentials(baseUrl: string, secrets: SandboxSecrets): SandboxCredentials {
	const scope = ORCHESTRATOR_SCOPES.join(' ');
	const tokenUrl = `${baseUrl}/identity_/connect/token`;
	return {
		baseUrl,
		organization: ORGANIZATION,
		organizationId: ORGANIZATION_ID,
		tenant: TENANT,
		tenants: TENANTS,
		orchestratorUrl: `${baseUrl}/${ORGANIZATION}/${TENANT}/orchestrator_`,
		scope,
		clientCredentials: { tokenUrl, clientId: CONFIDENTIAL_CLIENT_ID, clientSecret: secrets.clientSecret, scope },
		personalAccessToken: secrets.personalAccessToken,
		pkce: {
			authorizeUrl: `${baseUrl}/identity_/connect/authorize`,
			tokenUrl,
			clientId: PUBLIC_CLIENT_ID,
			scope: `${scope} offline_access`,
		},
		legacy: {
			tokenUrl: `${baseUrl}/oauth/token`,
			clientId: LEGACY_CLIENT_ID,
			redirectUri: LEGACY_REDIRECT_URI,
			accountsUrl: `${baseUrl}/cloudrpa/api/getAccountsForUser`,
			orchestratorUrl: `${baseUrl}/${ORGANIZATION}/${TENANT}`,
			tenantName: TENANT,
		},
		onPremises: {
			url: baseUrl,
			authenticateUrl: `${baseUrl}/api/Account/Authenticate`,
			tenancyName: ON_PREMISES_TENANCY_NAME,
			username: ON_PREMISES_USERNAME,
			password: secrets.password,
		},
		user: { email: USER_EMAIL, name: USER_NAME },
		folderUser: { email: FOLDER_USER_EMAIL, personalAccessToken: secrets.folderUserPersonalAccessToken, folders: FOLDER_USER_FOLDERS },
	};
}
