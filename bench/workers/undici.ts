/**
 * Worker: the physical limit on this machine. Raw HTTP with undici: one keep-alive pool per sandbox, the
 * token fetched once (and again only after a 401), and the same Orchestrator calls the node makes, at the
 * same concurrency.
 */
import { randomUUID } from 'crypto';
import { setTimeout as sleep } from 'timers/promises';
import { Pool } from 'undici';

import { inputArgumentsOf, numberedItems, type ListedEntity, type Target, type Task, type TaskResult } from '../contenders/tasks';
import { serveWorker } from '../lib/worker';

const FINAL_STATES = new Set(['Successful', 'Faulted', 'Stopped']);
const PAGE_SIZE = 1000;

/** Runs `work` over the items with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]);
	});
	await Promise.all(lanes);
}

class RawOrchestrator {
	private readonly pool: Pool;
	private readonly basePath: string;
	private readonly folderHeader: string;
	private token = '';
	private refreshing: Promise<void> | undefined;

	constructor(readonly target: Target) {
		const url = new URL(target.orchestratorUrl);
		this.pool = new Pool(url.origin, { connections: 256, keepAliveTimeout: 60_000 });
		this.basePath = url.pathname.replace(/\/$/, '');
		this.folderHeader = Buffer.from(target.folderPath, 'utf16le').toString('base64');
	}

	/** Client credentials, single-flight: concurrent 401s share one token request. */
	async refreshToken(): Promise<void> {
		this.refreshing ??= (async () => {
			const form = new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: this.target.clientId,
				client_secret: this.target.clientSecret,
				scope: this.target.scope,
			});
			const response = await this.pool.request({
				method: 'POST',
				path: new URL(this.target.tokenUrl).pathname,
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
				body: form.toString(),
			});
			const answer = (await response.body.json()) as { access_token?: string };
			if (response.statusCode !== 200 || !answer.access_token) throw new Error(`token request answered ${response.statusCode}`);
			this.token = answer.access_token;
		})().finally(() => (this.refreshing = undefined));
		await this.refreshing;
	}

	async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		for (let attempt = 0; ; attempt++) {
			const token = this.token;
			const response = await this.pool.request({
				method,
				path: `${this.basePath}${path}`,
				headers: {
					authorization: `Bearer ${token}`,
					accept: 'application/json',
					'x-uipath-folderpath-encoded': this.folderHeader,
					...(body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			if (response.statusCode === 401 && attempt === 0) {
				await response.body.dump();
				if (this.token === token) await this.refreshToken();
				continue;
			}
			const text = await response.body.text();
			if (response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 200)}`);
			return JSON.parse(text) as T;
		}
	}

	async startJob(n: number): Promise<{ Id: number; State: string }> {
		const answer = await this.call<{ value: Array<{ Id: number; State: string }> }>('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', {
			startInfo: {
				ReleaseKey: this.target.releaseKey,
				Strategy: 'ModernJobsCount',
				JobsCount: 1,
				InputArguments: inputArgumentsOf(n),
				Reference: `bench-${randomUUID()}`,
			},
		});
		if (answer.value.length !== 1) throw new Error(`StartJobs returned ${answer.value.length} jobs`);
		return answer.value[0];
	}

	/** Return All as the node does it: $top 1000, $skip, $count, one page after the other. */
	async listAll(entity: ListedEntity): Promise<number> {
		const path = entity === 'releases' ? '/odata/Releases' : '/odata/Jobs';
		const orderby = entity === 'releases' ? 'Id asc' : 'Id desc';
		const items: unknown[] = [];
		for (;;) {
			const query = new URLSearchParams({ $orderby: orderby, $top: String(PAGE_SIZE), $skip: String(items.length), $count: 'true' });
			const page = await this.call<{ value: unknown[]; '@odata.count'?: number }>('GET', `${path}?${query.toString()}`);
			items.push(...page.value);
			if (page.value.length < PAGE_SIZE || (page['@odata.count'] !== undefined && items.length >= page['@odata.count'])) {
				return items.length;
			}
		}
	}

	/** Starts a job and asks for its state every interval until it is final; returns when that answer arrived. */
	async startAndWait(n: number, intervalMs: number): Promise<{ id: number; outputAt: number }> {
		let job = await this.startJob(n);
		while (!FINAL_STATES.has(job.State)) {
			await sleep(intervalMs);
			job = await this.call<{ Id: number; State: string }>('GET', `/odata/Jobs(${job.Id})`);
		}
		return { id: job.Id, outputAt: Date.now() };
	}
}

const clients = new Map<string, RawOrchestrator>();

function clientFor(name: string): RawOrchestrator {
	const client = clients.get(name);
	if (!client) throw new Error(`no target named ${name}`);
	return client;
}

async function runTask(task: Task): Promise<TaskResult> {
	const client = clientFor(task.target);
	if (task.kind === 'startJobs') {
		let started = 0;
		await forEachLimited(numberedItems(task.count), task.concurrency, async ({ n }) => {
			await client.startJob(n);
			started++;
		});
		return { items: started };
	}
	if (task.kind === 'list') return { items: await client.listAll(task.entity) };
	const outputAt: Record<string, number> = {};
	await Promise.all(
		numberedItems(task.count).map(async ({ n }) => {
			const done = await client.startAndWait(n, task.pollIntervalSeconds * 1000);
			outputAt[String(done.id)] = done.outputAt;
		}),
	);
	return { items: Object.keys(outputAt).length, outputAt };
}

serveWorker({
	async configure(targets: Target[]) {
		for (const target of targets) {
			const client = new RawOrchestrator(target);
			await client.refreshToken();
			clients.set(target.name, client);
		}
		return {};
	},
	run: runTask,
});
