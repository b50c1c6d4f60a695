/** Reads the authorization code from the URL the identity server redirected the browser to. */
export function codeFromRedirect(redirectedTo: string, expectedState: string): string {
	let url: URL;
	try {
		url = new URL(redirectedTo.trim());
	} catch {
		throw new Error('That is not a URL: paste the whole address the browser was sent to after signing in');
	}
	const error = url.searchParams.get('error');
	if (error) {
		const description = url.searchParams.get('error_description');
		throw new Error(`UiPath refused the sign-in (${error}${description ? `: ${description}` : ''}): check App ID (clientId), the redirect URL and the scopes (scope)`);
	}
	const code = url.searchParams.get('code');
	if (!code) throw new Error('The address has no authorization code: paste the address the browser was sent to after signing in');
	if (url.searchParams.get('state') !== expectedState) {
		throw new Error('The address belongs to another sign-in (its state does not match): use the address of this sign-in');
	}
	return code;
}

export function isLoopback(redirectUri: string): boolean {
	const url = new URL(redirectUri);
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
