/**
 * Plays the person's browser in tests: opens a URL and follows redirects (keeping cookies) until it reaches
 * `stopAt` or a page that does not redirect. The sandbox signs its seeded user in without a form, so this
 * is the whole sign-in; no UiPath behaviour is imitated here.
 */
export async function followInBrowser(url: string, stopAt?: (url: string) => boolean): Promise<string> {
	const cookies = new Map<string, string>();
	let current = url;
	for (let hop = 0; hop < 10; hop++) {
		if (stopAt?.(current)) return current;
		const response = await fetch(current, {
			redirect: 'manual',
			headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const split = pair.indexOf('=');
			cookies.set(pair.slice(0, split), pair.slice(split + 1));
		}
		await response.arrayBuffer();
		const location = response.headers.get('location');
		if (!location) return current;
		current = new URL(location, current).toString();
	}
	throw new Error(`More than 10 redirects from ${url}`);
}

/** Where the 2019 client is sent after sign-in: a page on account.uipath.com the person copies the address of. */
export const atLegacyRedirect = (url: string) => url.startsWith('https://account.uipath.com/mobile');
