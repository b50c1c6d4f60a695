import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export interface ErrorBody {
	message: string;
	errorCode: number;
	traceId: string;
}

export interface Answer<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed body (with UiPath's error properties when it is an error); an empty object when the body is not JSON. */
	json: T & Partial<ErrorBody>;
}

export interface CallOptions {
	/** Bearer token; the personal access token when absent, none when null. */
	token?: string | null;
	/** Sent as X-UIPATH-FolderPath. */
	folder?: string;
	headers?: Record<string, string>;
	body?: unknown;
	query?: Record<string, string | number | boolean>;
}

/** Talks to the sandbox's Orchestrator over real HTTP, as the node would. */
export function orchestratorClient(sandbox: Sandbox, base = sandbox.state.credentials.orchestratorUrl) {
	return async function call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
		const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
		const token = options.token === undefined ? sandbox.state.credentials.personalAccessToken : options.token;
		if (token !== null) headers.Authorization = `Bearer ${token}`;
		if (options.folder !== undefined) headers['X-UIPATH-FolderPath'] = options.folder;
		let body: string | undefined;
		if (options.body !== undefined) {
			headers['Content-Type'] = 'application/json';
			body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		}
		const url = new URL(`${base}${path}`);
		for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
		const response = await fetch(url, { method, headers, body });
		const text = await response.text();
		let json = {} as Answer<T>['json'];
		try {
			json = JSON.parse(text) as Answer<T>['json'];
		} catch {
			// Not JSON (the HTML 404 page, an empty 200): callers read `text`.
		}
		return { status: response.status, headers: response.headers, text, json };
	};
}

export type OrchestratorCall = ReturnType<typeof orchestratorClient>;

/** A sandbox for the enclosing describe block (started before its tests, closed after them) and a client for its Orchestrator. */
export function sandboxSuite(options?: SandboxOptions): { sandbox: Sandbox; call: OrchestratorCall } {
	const suite = {} as { sandbox: Sandbox; call: OrchestratorCall };
	beforeAll(async () => {
		suite.sandbox = await startSandbox(options);
		suite.call = orchestratorClient(suite.sandbox);
	});
	afterAll(() => suite.sandbox.close());
	return suite;
}

/** A client-credentials access token with exactly these scopes. */
export async function clientToken(sandbox: Sandbox, scope: string): Promise<string> {
	const { tokenUrl, clientId, clientSecret } = sandbox.state.credentials.clientCredentials;
	const response = await fetch(tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
	});
	const json = (await response.json()) as { access_token?: string };
	if (!json.access_token) throw new Error(`no access token (status ${response.status})`);
	return json.access_token;
}

export interface ODataList<T = Record<string, unknown>> {
	'@odata.context': string;
	'@odata.count'?: number;
	value: T[];
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await sleep(20);
	}
}
