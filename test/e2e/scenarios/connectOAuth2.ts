import { createHash } from 'crypto';

import { PUBLIC_CLIENT_ID, ORGANIZATION, TENANT } from '../../../sandbox/fixtures';
import type { E2eContext } from '../context';
import { storedCredentialData } from '../credentialStore';
import { followRedirects } from '../http';
import { OAUTH2_CREDENTIAL } from '../loadedTypes';
import { tokenExchanges } from '../sandbox';
import { expect } from '../report';
import { createCredential, type CredentialRef } from '../workflows';

/**
 * Scenario 1: "Connect my account" on uiPathOAuth2Api, through the endpoints the editor's button uses:
 * n8n builds the authorize URL (PKCE S256), the sandbox signs the seeded user in and redirects to n8n's
 * callback, n8n trades the code with its verifier and stores the tokens.
 */
export async function connectOAuth2(context: E2eContext): Promise<{ credential: CredentialRef; detail: string }> {
	const { client, sandbox } = context;
	const credential = await createCredential(client, 'UiPath sandbox (OAuth2 Connect)', OAUTH2_CREDENTIAL, {
		environment: 'automationSuite',
		baseUrl: sandbox.url,
		organization: ORGANIZATION,
		tenant: TENANT,
		clientId: PUBLIC_CLIENT_ID,
	});

	const authorizeUrl = new URL(await client.rest<string>('GET', `/oauth2-credential/auth?id=${credential.id}`));
	const callback = `${client.server.baseUrl}/rest/oauth2-credential/callback`;
	expect(
		`${authorizeUrl.origin}${authorizeUrl.pathname}` === `${sandbox.url}/identity_/connect/authorize`,
		`n8n sent the user to ${authorizeUrl.origin}${authorizeUrl.pathname}, not the sandbox's /identity_/connect/authorize`,
	);
	const query = authorizeUrl.searchParams;
	expect(query.get('client_id') === PUBLIC_CLIENT_ID, 'authorize URL has the wrong client_id');
	expect(query.get('redirect_uri') === callback, `authorize URL redirect_uri is ${query.get('redirect_uri')}, not ${callback}`);
	expect(query.get('code_challenge_method') === 'S256', 'authorize URL does not ask for PKCE S256');
	const challenge = query.get('code_challenge') ?? '';
	expect(challenge.length >= 43, 'authorize URL carries no code_challenge');

	const startedAt = Date.now();
	const landed = await followRedirects(client.http, authorizeUrl.toString(), (url) => url.toString().startsWith(callback));
	expect(landed.url.toString().startsWith(callback), `the sign-in ended at ${landed.url.origin}${landed.url.pathname}, not n8n's callback`);
	expect(landed.status === 200 && !landed.text.includes('Failed to connect'), `n8n's callback page reports: ${callbackError(landed.text)}`);

	const exchange = tokenExchanges(sandbox).find((entry) => entry.at >= startedAt && entry.grantType === 'authorization_code');
	expect(exchange, 'n8n did not trade the code at the sandbox token endpoint');
	expect(exchange.status === 200, `the sandbox refused n8n's code exchange with HTTP ${exchange.status}`);
	const verifier = exchange.form.get('code_verifier') ?? '';
	expect(createHash('sha256').update(verifier).digest('base64url') === challenge, "n8n's code_verifier does not match its S256 code_challenge");

	const stored = await storedCredentialData(client.server, credential.id);
	const tokenData = stored.oauthTokenData as Record<string, unknown> | undefined;
	expect(tokenData, 'n8n stored no oauthTokenData after the callback');
	expect(tokenData.access_token === exchange.answer.access_token, 'the stored access token is not the one the sandbox issued');
	expect(typeof tokenData.refresh_token === 'string' && tokenData.refresh_token === exchange.answer.refresh_token, 'no refresh token stored (offline_access)');
	return {
		credential,
		detail: `authorize → ${landed.hops.length - 1} redirects → callback; verifier matches S256 challenge; n8n stored access + refresh token`,
	};
}

/** n8n's oauth-error-callback page names the failure in an h4. */
function callbackError(html: string): string {
	return /<h4>([^<]*)<\/h4>/i.exec(html)?.[1]?.trim() ?? `HTTP page without an error heading (${html.length} characters)`;
}
