import { createHmac } from 'crypto';

/** n8n 2.x puts the execution's resume token into its resume URL (`?signature=`, n8n-core WAITING_TOKEN_QUERY_PARAM). */
const TOKEN_PARAM = 'signature';

export function resumeTokenOf(resumeUrl: string): string | undefined {
	try {
		return new URL(resumeUrl).searchParams.get(TOKEN_PARAM) ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * The key UiPath signs this wait's deliveries with: derived from the execution's resume token, which only
 * this execution's data (and the URL given to UiPath) holds, so nothing else needs to be stored.
 */
export function waitSecretOf(resumeToken: string): string {
	return createHmac('sha256', resumeToken).update('uipath-release-wait').digest('hex');
}
