import { timingSafeEqual } from 'crypto';

import { isLoopbackHost } from '../../credentials/auth/endpoints';

/** Whether a callback carries this sign-in's state; compared in constant time, as it guards the code exchange. */
export function hasState(url: URL, expectedState: string): boolean {
	const received = Buffer.from(url.searchParams.get('state') ?? '');
	const expected = Buffer.from(expectedState);
	return received.length === expected.length && timingSafeEqual(received, expected);
}

/** Reads the authorization code from the URL the identity server redirected the browser to; the state is checked first. */
export function codeFromRedirect(redirectedTo: string, expectedState: string): string {
	let url: URL;
	try {
		url = new URL(redirectedTo.trim());
	} catch {
		throw new Error('That is not a URL: paste the whole address the browser was sent to after signing in');
	}
	if (!hasState(url, expectedState)) {
		throw new Error('The address belongs to another sign-in (its state does not match): use the address of this sign-in');
	}
	const error = url.searchParams.get('error');
	if (error) {
		const description = url.searchParams.get('error_description');
		throw new Error(`UiPath refused the sign-in (${error}${description ? `: ${description}` : ''}): check App ID (clientId), the redirect URL and the scopes (scope)`);
	}
	const code = url.searchParams.get('code');
	if (!code) throw new Error('The address has no authorization code: paste the address the browser was sent to after signing in');
	return code;
}

/** A redirect URI this tool receives itself; any other one is pasted back from the browser. */
export function isLoopback(redirectUri: string): boolean {
	const url = new URL(redirectUri);
	return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
