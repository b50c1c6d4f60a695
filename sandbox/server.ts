import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { Identity } from './contract';
import { takeFaults, type FaultRule } from './http/faults';
import { notFoundPage } from './http/notFoundPage';
import type { RecordedRequest, RequestRecorder } from './http/recorder';
import type { Orchestrator } from './orchestrator';
import { isBlobTransferPath } from './orchestrator/buckets/transfer';
import { newTraceId, type Reply } from './orchestrator/reply';

/** What the server reads on every request, so tests can change it while it runs. */
export interface ServerControls {
	latencyMs: number;
	faults: FaultRule[];
	errors: Error[];
}

export interface SandboxServerParts {
	/** Resolves once identity and Orchestrator exist (they need the port the server got). */
	ready: Promise<{ identity: Identity; orchestrator: Orchestrator }>;
	recorder: RequestRecorder;
	controls: ServerControls;
}

const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, reply: Reply): void {
	const headers: Record<string, string> = { ...reply.headers };
	let payload = '';
	if (reply.body !== undefined) {
		const odata = typeof reply.body === 'object' && reply.body !== null && '@odata.context' in reply.body;
		headers['Content-Type'] = odata ? ODATA_JSON : 'application/json; charset=utf-8';
		if (odata) headers['OData-Version'] = '4.0';
		payload = JSON.stringify(reply.body);
	}
	res.writeHead(reply.status, headers);
	res.end(payload);
}

function sendHtml404(res: ServerResponse, path: string): void {
	res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
	res.end(notFoundPage(path));
}

/** Every request: record → latency and faults → identity → Orchestrator → the HTML 404 page. */
export function createSandboxServer(parts: SandboxServerParts): Server & { hung: Set<ServerResponse> } {
	const hung = new Set<ServerResponse>();

	async function serve(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, url: URL): Promise<void> {
		const { identity, orchestrator } = await parts.ready;
		const rules = takeFaults(parts.controls.faults, req.method ?? 'GET', url.pathname);
		const delay = parts.controls.latencyMs + rules.reduce((sum, rule) => sum + (rule.latencyMs ?? 0), 0);
		if (delay > 0) await sleep(delay);
		if (rules.some((rule) => rule.hold)) {
			entry.outcome = 'held';
			hung.add(res);
			res.once('close', () => hung.delete(res));
			return;
		}
		if (rules.some((rule) => rule.reset)) {
			entry.outcome = 'reset';
			req.socket.destroy();
			return;
		}
		const redirect = rules.find((rule) => rule.redirect)?.redirect;
		if (redirect) {
			res.writeHead(redirect.status, { Location: redirect.location }).end();
			return;
		}
		const failing = rules.find((rule) => rule.status5xxRate !== undefined && Math.random() < rule.status5xxRate);
		if (failing) {
			const status = failing.status5xx ?? 503;
			send(res, { status, body: { message: `Injected fault: the service answered ${status}.`, errorCode: 0, traceId: newTraceId() } });
			return;
		}
		if (await identity.handle(req, res, url)) return;
		if (await orchestrator.transferBlob(req, res, url)) return;
		const reply = await orchestrator.handle(req, url, await readBody(req));
		if (!reply) {
			sendHtml404(res, url.pathname);
			return;
		}
		const drop = rules.find((rule) => rule.dropAfterCreate);
		if (drop && reply.status < 400) {
			if (drop.dropAfterCreate === 'hang') {
				entry.outcome = 'hung';
				hung.add(res);
				res.once('close', () => hung.delete(res));
			} else {
				entry.outcome = 'reset';
				req.socket.destroy();
			}
			return;
		}
		send(res, reply);
	}

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const entry = parts.recorder.record(req, res, url, !isBlobTransferPath(url.pathname));
		serve(req, res, entry, url).catch((error: unknown) => {
			parts.controls.errors.push(error instanceof Error ? error : new Error(String(error)));
			if (res.headersSent) {
				res.destroy();
				return;
			}
			send(res, { status: 500, body: { message: 'An error has occurred.', errorCode: 0, traceId: newTraceId() } });
		});
	});
	return Object.assign(server, { hung });
}
