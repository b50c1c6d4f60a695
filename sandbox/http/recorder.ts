import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';

/** One request the sandbox received (identity and Orchestrator alike), with what it answered. */
export interface RecordedRequest {
	method: string;
	/** Path and query as received, e.g. `/acme/DefaultTenant/orchestrator_/odata/Jobs?$top=10`. */
	url: string;
	/** Path without the query, e.g. `/acme/DefaultTenant/orchestrator_/odata/Jobs`. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Raw request body as text ('' when none). */
	body: string;
	/** 0 while unanswered, and for connections the sandbox reset or left hanging on purpose. */
	status: number;
	responseHeaders: OutgoingHttpHeaders;
	responseBody: string;
	/** Epoch milliseconds. */
	receivedAt: number;
	/** `reset` / `hung` when a fault rule dropped the connection, `held` while a hold rule keeps it unanswered. */
	outcome: 'pending' | 'answered' | 'reset' | 'hung' | 'held';
}

type Chunk = string | Buffer | Uint8Array;
const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
	typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk);

/** Keeps the most recent requests: the oldest go above `limit` entries or above `byteBudget` of bodies. */
export class RequestRecorder {
	readonly requests: RecordedRequest[] = [];
	private bytes = 0;
	/** What each answered entry added to `bytes`. */
	private readonly counted = new WeakMap<RecordedRequest, number>();

	constructor(
		private readonly limit = 10_000,
		// Benchmarks page through thousands of 1,000-item answers: keep memory bounded.
		private readonly byteBudget = 64 * 1024 * 1024,
	) {}

	private trim() {
		while (this.requests.length > 1 && (this.requests.length > this.limit || this.bytes > this.byteBudget)) {
			const oldest = this.requests.shift() as RecordedRequest;
			this.bytes -= this.counted.get(oldest) ?? 0;
		}
	}

	/**
	 * Starts recording: taps the body as it arrives (whoever reads it) and the response as it is written.
	 * `keepBodies` false records the exchange without its bodies (bucket file transfers of hundreds of MB).
	 */
	record(req: IncomingMessage, res: ServerResponse, url: URL, keepBodies = true): RecordedRequest {
		const entry: RecordedRequest = {
			method: req.method ?? 'GET',
			url: req.url ?? url.pathname,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: '',
			status: 0,
			responseHeaders: {},
			responseBody: '',
			receivedAt: Date.now(),
			outcome: 'pending',
		};
		this.requests.push(entry);
		this.trim();

		const requestChunks: Buffer[] = [];
		const push = req.push.bind(req);
		// The HTTP parser pushes each body chunk into the request stream: recording there leaves the stream untouched.
		req.push = (chunk: unknown, encoding?: BufferEncoding) => {
			if (keepBodies && chunk !== null && chunk !== undefined) requestChunks.push(toBuffer(chunk as Chunk, encoding));
			return push(chunk, encoding);
		};

		const responseChunks: Buffer[] = [];
		const write = res.write.bind(res) as (...args: unknown[]) => boolean;
		const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
		const keep = (chunk: unknown, encoding: unknown) => {
			if (keepBodies && chunk !== null && chunk !== undefined && typeof chunk !== 'function') {
				responseChunks.push(toBuffer(chunk as Chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined));
			}
		};
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0]);
			return write(chunk, ...rest);
		}) as ServerResponse['write'];
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0]);
			return end(chunk, ...rest);
		}) as ServerResponse['end'];

		let settled = false;
		const settle = () => {
			if (settled) return;
			settled = true;
			entry.body = Buffer.concat(requestChunks).toString('utf8');
			if (entry.outcome === 'pending' && res.writableFinished) {
				entry.outcome = 'answered';
				entry.status = res.statusCode;
				entry.responseHeaders = res.getHeaders();
				entry.responseBody = Buffer.concat(responseChunks).toString('utf8');
			}
			if (this.requests.includes(entry)) {
				const size = entry.body.length + entry.responseBody.length;
				this.counted.set(entry, size);
				this.bytes += size;
				this.trim();
			}
		};
		res.once('finish', settle);
		res.once('close', settle);
		req.once('end', () => {
			entry.body = Buffer.concat(requestChunks).toString('utf8');
		});
		return entry;
	}

	clear(): void {
		this.requests.length = 0;
		this.bytes = 0;
	}
}
