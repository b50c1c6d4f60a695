/**
 * A small HTTP client with a cookie jar, for the two servers of the run (n8n and the sandbox both live on
 * 127.0.0.1, and browsers do not separate cookies by port either). Redirects are never followed
 * automatically so that each hop of the OAuth2 flow can be checked.
 */
interface StoredCookie {
	name: string;
	value: string;
	host: string;
	path: string;
}

export class CookieJar {
	private readonly cookies = new Map<string, StoredCookie>();

	store(url: URL, setCookieHeaders: string[]): void {
		for (const header of setCookieHeaders) {
			const [pair, ...attributes] = header.split(';');
			const separator = pair.indexOf('=');
			if (separator < 1) continue;
			const name = pair.slice(0, separator).trim();
			const value = pair.slice(separator + 1).trim();
			let path = '/';
			let expired = value === '';
			for (const attribute of attributes) {
				const [key, attributeValue = ''] = attribute.trim().split('=');
				if (key.toLowerCase() === 'path' && attributeValue.startsWith('/')) path = attributeValue;
				if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
				if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) < Date.now()) expired = true;
			}
			const key = `${url.hostname} ${path} ${name}`;
			if (expired) this.cookies.delete(key);
			else this.cookies.set(key, { name, value, host: url.hostname, path });
		}
	}

	header(url: URL): string | undefined {
		const matching = [...this.cookies.values()].filter(
			(cookie) => cookie.host === url.hostname && url.pathname.startsWith(cookie.path),
		);
		return matching.length > 0 ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
	}

	get(name: string): string | undefined {
		return [...this.cookies.values()].find((cookie) => cookie.name === name)?.value;
	}
}

export interface HttpResponse {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed body, or undefined when it is not JSON. */
	json: unknown;
	url: string;
}

export interface RequestOptions {
	method?: string;
	headers?: Record<string, string>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as application/x-www-form-urlencoded. */
	form?: Record<string, string>;
	timeoutMs?: number;
}

export class HttpClient {
	constructor(
		readonly jar = new CookieJar(),
		private readonly defaultHeaders: Record<string, string> = {},
	) {}

	async request(url: string | URL, options: RequestOptions = {}): Promise<HttpResponse> {
		const target = new URL(url);
		const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
		const cookie = this.jar.header(target);
		if (cookie) headers.cookie = cookie;
		let body: string | undefined;
		if (options.body !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(options.body);
		} else if (options.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(options.form).toString();
		}
		const response = await fetch(target, {
			method: options.method ?? (body === undefined ? 'GET' : 'POST'),
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
		});
		this.jar.store(target, response.headers.getSetCookie());
		const text = await response.text();
		return { status: response.status, headers: response.headers, text, json: parseJson(text), url: target.toString() };
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Throws unless the status is one of `expected`, with the start of the body to show what went wrong. */
export function expectStatus(response: HttpResponse, expected: number[], what: string): HttpResponse {
	if (!expected.includes(response.status)) {
		throw new Error(`${what}: HTTP ${response.status} from ${redactQuery(response.url)}: ${response.text.slice(0, 400)}`);
	}
	return response;
}

/** URLs in messages lose their query: an OAuth2 code or state must not end up in a log. */
export function redactQuery(url: string): string {
	const parsed = new URL(url);
	return parsed.search ? `${parsed.origin}${parsed.pathname}?…` : url;
}

export async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls `attempt` until it returns a value or the deadline passes; the last error explains the timeout. */
export async function poll<T>(
	what: string,
	attempt: () => Promise<T | undefined>,
	{ timeoutMs, intervalMs = 500 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError = '';
	while (Date.now() < deadline) {
		try {
			const value = await attempt();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error instanceof Error ? error.message : String(error);
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
}

/**
 * Follows redirects the way a browser does (GET, cookies kept) and returns the answer of the first address that
 * `isDestination` accepts (the application's callback), or of the first page that does not redirect. At most 15 hops.
 */
export async function followRedirects(
	browser: HttpClient,
	start: string,
	isDestination: (url: URL) => boolean,
): Promise<{ status: number; url: URL; text: string; hops: string[] }> {
	let url = new URL(start);
	const hops: string[] = [];
	for (let hop = 0; hop < 15; hop++) {
		hops.push(`${url.origin}${url.pathname}`);
		const response = await browser.request(url);
		const location = response.headers.get('location');
		if (isDestination(url) || response.status < 300 || response.status >= 400 || !location) {
			return { status: response.status, url, text: response.text, hops };
		}
		url = new URL(location, url);
	}
	throw new Error(`more than 15 redirects: ${hops.join(' → ')}`);
}
