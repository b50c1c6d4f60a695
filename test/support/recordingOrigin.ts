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

export interface Answer {
	status: number;
	body: unknown;
}

const EMPTY_LIST: Answer = { status: 200, body: { '@odata.count': 0, value: [] } };

/** A second listener on 127.0.0.1 (what a sandbox redirect points at); it records every request and answers an empty OData list unless told otherwise. */
export async function startRecordingOrigin(answer: (request: ReceivedRequest) => Answer = () => EMPTY_LIST): Promise<RecordingOrigin> {
	const received: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			received.push(request);
			const { status, body } = answer(request);
			res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
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
