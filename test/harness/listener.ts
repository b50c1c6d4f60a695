import { createServer, type Server } from 'node:http';

/** An HTTP listener on 127.0.0.1 standing in for n8n's server, which knows when every request it got is done. */
export abstract class HarnessListener {
	private readonly pending = new Set<Promise<unknown>>();

	protected constructor(protected readonly server: Server) {}

	protected static async listen(): Promise<Server> {
		const server = createServer();
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		return server;
	}

	/** Resolves when every request received so far is answered and every run it started has finished. */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	async close(): Promise<void> {
		await this.settled();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	protected track(promise: Promise<unknown>) {
		const tracked = promise.finally(() => this.pending.delete(tracked));
		this.pending.add(tracked);
	}
}
