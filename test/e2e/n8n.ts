import type { ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import { readFile } from 'fs/promises';

import { expectStatus, HttpClient, poll, type HttpResponse, type RequestOptions } from './http';
import { N8N_BIN } from './paths';
import { freePort } from './ports';
import { runCommand, startProcess } from './processes';
import { PINNED_NODE, pinnedNodeEnv } from './runtime';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface N8nServer {
	baseUrl: string;
	port: number;
	userFolder: string;
	logFile: string;
	/** The environment `n8n start` got; CLI commands against the same database reuse it, a restart too. */
	env: NodeJS.ProcessEnv;
	/** The `n8n start` process (test/e2e/restart.ts stops it). */
	child: ChildProcess;
}

/** The settings N8N-FACTS lists as working here: loopback only, sqlite, no telemetry, legacy expression engine. */
async function n8nEnv(userFolder: string, port: number): Promise<NodeJS.ProcessEnv> {
	const baseUrl = `http://127.0.0.1:${port}`;
	const base = pinnedNodeEnv();
	delete base.NODE_OPTIONS;
	return {
		...base,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		// Fixed per run so that CLI commands can decrypt what the server stored.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
}

/**
 * Starts `n8n start` under the pin's Node on the given port (the sandbox must know n8n's callback URL first) and waits until its REST API answers.
 * `overrides` replace settings of the default environment (queue mode: Postgres, Redis, EXECUTIONS_MODE).
 */
export async function startN8n(
	userFolder: string,
	port: number,
	logFile: string,
	overrides: NodeJS.ProcessEnv = {},
	// Three times what a loaded 2-core machine was seen to need (n8n 1.x, sqlite migrations).
	readyTimeoutMs = 300_000,
): Promise<N8nServer> {
	const env = { ...(await n8nEnv(userFolder, port)), ...overrides };
	const child = startProcess('n8n', PINNED_NODE, [N8N_BIN, 'start'], { env, cwd: userFolder, logFile });
	const baseUrl = `http://127.0.0.1:${port}`;
	let exited = false;
	child.once('exit', () => (exited = true));
	const http = new HttpClient();
	await poll(
		'n8n /healthz/readiness',
		async () => {
			if (exited) throw new Error(`n8n exited before it was ready: ${await tail(logFile)}`);
			const ready = await http.request(`${baseUrl}/healthz/readiness`, { timeoutMs: 2000 });
			if (ready.status !== 200) return undefined;
			// Older n8n (2.8) reports ready before its REST routes exist.
			const settings = await http.request(`${baseUrl}/rest/settings`, { timeoutMs: 2000 });
			return settings.status === 200 && settings.json !== undefined ? true : undefined;
		},
		{ timeoutMs: readyTimeoutMs, intervalMs: 500 },
	).catch(async (error: Error) => {
		if (exited) throw error;
		throw new Error(`${error.message}; log tail: ${await tail(logFile)}`);
	});
	return { baseUrl, port, userFolder, logFile, env, child };
}

/** An `n8n <command>` CLI call against the server's database (import/export/publish). */
export async function n8nCli(server: N8nServer, args: string[]): Promise<string> {
	return await runCommand(PINNED_NODE, [N8N_BIN, ...args], {
		cwd: server.userFolder,
		// Its own broker port: a CLI process next to a running server must not collide with it.
		env: { ...server.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
	});
}

export async function tail(logFile: string): Promise<string> {
	const text = await readFile(logFile, 'utf8').catch(() => '');
	return text.slice(-2000);
}

/** `{ data: ... }` is how n8n's REST API wraps every answer. */
export function restData<T>(response: HttpResponse): T {
	const body = response.json as { data?: T } | undefined;
	if (!body || !('data' in body)) throw new Error(`no data in the answer of ${response.url}: ${response.text.slice(0, 300)}`);
	return body.data as T;
}

/** The owner's session (cookie + browser-id, like the editor) and an API key for the public API. */
export class N8nClient {
	readonly http: HttpClient;
	apiKey = '';

	constructor(
		readonly server: N8nServer,
		readonly owner: Owner,
	) {
		// The session cookie is bound to the browser id the client sent at login.
		this.http = new HttpClient(undefined, { 'browser-id': randomUUID() });
	}

	async rest<T>(method: string, path: string, body?: unknown, what = `${method} /rest${path}`): Promise<T> {
		const response = await this.http.request(`${this.server.baseUrl}/rest${path}`, { method, body });
		return restData<T>(expectStatus(response, [200], what));
	}

	async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		const options: RequestOptions = { method, body, headers: { 'X-N8N-API-KEY': this.apiKey } };
		const response = await this.http.request(`${this.server.baseUrl}/api/v1${path}`, options);
		expectStatus(response, [200, 201], `${method} /api/v1${path}`);
		return response.json as T;
	}

	async setUpOwnerAndLogIn(): Promise<void> {
		const setup = await this.http.request(`${this.server.baseUrl}/rest/owner/setup`, { body: this.owner });
		expectStatus(setup, [200], 'owner setup');
		const login = await this.http.request(`${this.server.baseUrl}/rest/login`, {
			body: { emailOrLdapLoginId: this.owner.email, password: this.owner.password },
		});
		expectStatus(login, [200], 'login');
		if (!this.http.jar.get('n8n-auth')) throw new Error('login answered 200 but set no n8n-auth cookie');
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const key = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', { label: 'e2e', scopes, expiresAt: null });
		this.apiKey = key.rawApiKey;
	}
}

export function newOwner(): Owner {
	// n8n's password rule: 8 to 64 characters with a number and a capital letter.
	return { email: 'owner@e2e.test', firstName: 'Ada', lastName: 'Owner', password: `E2e-${randomBytes(9).toString('base64url')}9` };
}
