import type { Sandbox } from '../../sandbox';
import { CONFIDENTIAL_CLIENT_ID, ORGANIZATION, TENANT } from '../../sandbox/fixtures';

/** uiPathApi values that sign in to this sandbox with client credentials (the demo's and `npm run dev`'s credential). */
export function sandboxClientCredentials(sandbox: Sandbox): Record<string, string> {
	return {
		authType: 'clientCredentials',
		identityPreset: 'automationCloud',
		baseUrl: sandbox.url,
		organization: ORGANIZATION,
		tenant: TENANT,
		clientId: CONFIDENTIAL_CLIENT_ID,
		clientSecret: sandbox.state.credentials.clientCredentials.clientSecret,
		scope: sandbox.state.credentials.clientCredentials.scope,
	};
}
