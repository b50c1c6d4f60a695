import { resolve } from 'path';
import { pathToFileURL } from 'url';

import { WebSocket } from 'undici';

import { sleep } from '../../test/e2e/http';

/** The part of V8's CPU profile (Profiler.stop) the summary reads. */
export interface CpuProfile {
	nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileShare {
	name: string;
	ms: number;
	/** Of the CPU time the process used during the run (idle excluded). */
	share: number;
}

export interface ProfileSummary {
	busyMs: number;
	categories: ProfileShare[];
	topFunctions: ProfileShare[];
	/** The largest functions of this package, by self time. */
	packageFunctions: ProfileShare[];
}

/** This checkout's node and credential sources (the embedded runner loads them from here), as profile URLs. */
const SOURCES = ['nodes', 'credentials'].map((folder) => `${pathToFileURL(resolve(__dirname, '..', '..', folder)).href}/`);
/** The package as installed in n8n (the tarball's dist), or this checkout's sources. */
export const isPackageFile = (url: string) => /\/n8n-nodes-uipath\/dist\//.test(url) || SOURCES.some((source) => url.startsWith(source));
export const PACKAGE_CATEGORY = 'this package (node and credential code)';

/** Where a sampled function belongs, by its file; the first match wins. */
const CATEGORIES: Array<{ name: string; matches: (url: string, fn: string) => boolean }> = [
	{ name: 'garbage collection', matches: (_url, fn) => fn === '(garbage collector)' },
	{ name: PACKAGE_CATEGORY, matches: isPackageFile },
	{ name: 'credentials: load, decrypt, resolve', matches: (url) => /credentials-helper|credentials\.(repository|service)|\/cipher|credential-store|\/credentials\/[^/]*\.js/.test(url) },
	{ name: 'database (sqlite, TypeORM)', matches: (url) => /typeorm|sqlite3|@n8n\/db|\/databases\//.test(url) },
	{ name: 'expressions', matches: (url) => /expression|workflow-data-proxy|tournament|esprima|recast|ast-types|luxon/.test(url) },
	{ name: 'HTTP client (axios, Node http/net/tls)', matches: (url) => /axios|follow-redirects|form-data|node:_http|node:http|node:net|node:tls|node:internal\/(http|net|stream|streams|dns)|undici/.test(url) },
	{ name: 'n8n-core / n8n-workflow execution', matches: (url) => /n8n-core|n8n-workflow|test\/harness/.test(url) },
	{ name: 'n8n server (webhooks, executions, events)', matches: (url) => /node_modules\/(n8n|@n8n)\//.test(url) },
	{ name: 'other JavaScript', matches: (url) => url !== '' },
	{ name: 'native (V8, libuv, JSON, crypto)', matches: () => true },
];

const IDLE = new Set(['(idle)']);
/** The profiler samples every 0.5 ms (profileProcess). */
const SAMPLING_INTERVAL_US = 500;
/**
 * A longer gap before a sample is time the process waited for a core on a loaded machine, not time spent in the
 * sampled function: counting it whole would let one such wait decide the shares.
 */
const LONGEST_SAMPLE_MS = (4 * SAMPLING_INTERVAL_US) / 1000;

export function summarizeProfile(profile: CpuProfile, top = 8): ProfileSummary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
	const categoryMs = new Map<string, number>();
	const functionMs = new Map<string, number>();
	const packageMs = new Map<string, number>();
	let busyMs = 0;
	profile.samples.forEach((id, index) => {
		const frame = byId.get(id);
		const ms = Math.min((profile.timeDeltas[index] ?? 0) / 1000, LONGEST_SAMPLE_MS);
		if (!frame || IDLE.has(frame.functionName)) return;
		busyMs += ms;
		const category = CATEGORIES.find((candidate) => candidate.matches(frame.url, frame.functionName))?.name ?? 'other';
		categoryMs.set(category, (categoryMs.get(category) ?? 0) + ms);
		if (frame.functionName.startsWith('(')) return;
		const file = frame.url.split('/').slice(-2).join('/');
		const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
		functionMs.set(name, (functionMs.get(name) ?? 0) + ms);
		if (category === PACKAGE_CATEGORY) packageMs.set(name, (packageMs.get(name) ?? 0) + ms);
	});
	const shares = (entries: Map<string, number>) =>
		[...entries.entries()].map(([name, ms]) => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 })).sort((a, b) => b.ms - a.ms);
	return { busyMs, categories: shares(categoryMs), topFunctions: shares(functionMs).slice(0, top), packageFunctions: shares(packageMs).slice(0, top) };
}

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
class DevToolsSession {
	private nextId = 1;
	private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
			const entry = message.id === undefined ? undefined : this.waiting.get(message.id);
			if (!entry || message.id === undefined) return;
			this.waiting.delete(message.id);
			if (message.error) entry.reject(new Error(message.error.message));
			else entry.resolve(message.result);
		});
	}

	static async open(url: string): Promise<DevToolsSession> {
		const socket = new WebSocket(url);
		await new Promise<void>((resolve, reject) => {
			socket.addEventListener('open', () => resolve(), { once: true });
			socket.addEventListener('error', () => reject(new Error(`could not connect to ${url}`)), { once: true });
		});
		return new DevToolsSession(socket);
	}

	async post<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
		const id = this.nextId++;
		const answer = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
		this.socket.send(JSON.stringify({ id, method, params }));
		return (await answer) as T;
	}

	close(): void {
		this.socket.close();
	}
}

/**
 * Samples another process's CPU while `work` runs: SIGUSR1 makes Node open its inspector on 127.0.0.1:9229,
 * the profile comes over the DevTools protocol. Used for one extra, unmeasured run.
 */
export async function profileProcess<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; summary: ProfileSummary; profile: CpuProfile }> {
	process.kill(pid, 'SIGUSR1');
	let target: string | undefined;
	for (let attempt = 0; attempt < 50 && !target; attempt++) {
		await sleep(100);
		try {
			const list = (await (await fetch('http://127.0.0.1:9229/json/list')).json()) as Array<{ webSocketDebuggerUrl: string }>;
			target = list[0]?.webSocketDebuggerUrl;
		} catch {
			// Not listening yet.
		}
	}
	if (!target) throw new Error(`process ${pid} opened no inspector on 127.0.0.1:9229`);
	const session = await DevToolsSession.open(target);
	try {
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
		await session.post('Profiler.start');
		const value = await work();
		const { profile } = await session.post<{ profile: CpuProfile }>('Profiler.stop');
		return { value, summary: summarizeProfile(profile), profile };
	} finally {
		// Frees port 9229 for the next process; the process closes our connection itself.
		void session.post('Runtime.evaluate', { expression: 'setTimeout(() => process.getBuiltinModule("node:inspector").close(), 10)' }).catch(() => undefined);
		await sleep(200);
		session.close();
	}
}
