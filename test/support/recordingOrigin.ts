import { createServer } from 'http';
import type { AddressInfo } from 'net';

/** What reached the other origin: enough to tell whether anything secret travelled with a redirect. */
export interface ReceivedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface RecordingOrigin {
	/** e.g. http://127.0.0.1:40123 (another port is another origin). */
	url: string;
	received: ReceivedRequest[];
	close(): Promise<void>;
}

/** A second listener on 127.0.0.1 that a sandbox redirect points at; it records every request and answers an empty OData list. */
export async function startRecordingOrigin(): Promise<RecordingOrigin> {
	const received: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ '@odata.count': 0, value: [] }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
