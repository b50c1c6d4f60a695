import { fork, type ChildProcess } from 'child_process';

import { track } from '../../test/e2e/processes';

/** The methods a worker process offers: each takes one JSON-serialisable argument and answers one. */
export type WorkerApi = Record<string, (params: never) => Promise<unknown>>;

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * A contender that runs in its own process (the embedded n8n-core runner, raw undici), so that its CPU
 * and memory are its own and the sandbox in the parent process is a separate server, as UiPath is.
 */
export class WorkerProcess<Api extends WorkerApi> {
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	private constructor(
		readonly name: string,
		private readonly child: ChildProcess,
	) {
		child.on('message', (message: Reply) => {
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.ok) waiting.resolve(message.value);
			else waiting.reject(new Error(`${name}: ${message.error}`));
		});
		child.once('exit', (code, signal) => {
			for (const waiting of this.pending.values()) waiting.reject(new Error(`${name} exited (${code ?? signal})`));
			this.pending.clear();
		});
	}

	/** Starts `file` (a TypeScript module that calls `serveWorker`) under tsx and waits until it is ready. */
	static async start<Api extends WorkerApi>(name: string, file: string, env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess<Api>> {
		const child = fork(file, [], {
			execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
			env: { ...process.env, ...env },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			detached: true,
		});
		track(name, child);
		await new Promise<void>((resolve, reject) => {
			child.once('message', () => resolve());
			child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
		});
		return new WorkerProcess<Api>(name, child);
	}

	get pid(): number {
		if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
		return this.child.pid;
	}

	async call<K extends keyof Api & string>(method: K, params: Parameters<Api[K]>[0]): Promise<Awaited<ReturnType<Api[K]>>> {
		const id = this.nextId++;
		return await new Promise((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, method, params });
		});
	}

	async close(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		await exited;
	}
}

/** The worker side: answers each request of the parent with the handler's result or its error message. */
export function serveWorker(handlers: WorkerApi): void {
	const send = (reply: Reply) => process.send?.(reply);
	process.on('message', (message: { id: number; method: string; params: never }) => {
		const handler = handlers[message.method];
		if (!handler) {
			send({ id: message.id, ok: false, error: `no method ${message.method}` });
			return;
		}
		handler(message.params).then(
			(value) => send({ id: message.id, ok: true, value }),
			(error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
		);
	});
	process.send?.({ ready: true });
}
