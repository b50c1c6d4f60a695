import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { RequestRecorder } from '../../sandbox/http/recorder';

describe('request recorder', () => {
	let server: Server;
	let url: string;
	// Small limits so a handful of requests exercise them; the sandbox uses 10,000 entries and 64 MB.
	const recorder = new RequestRecorder(3, 100);

	beforeAll(async () => {
		server = createServer((req, res) => {
			recorder.record(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				res.writeHead(200, { 'Content-Type': 'text/plain' });
				res.write('echo:');
				res.end(Buffer.concat(chunks));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	test('keeps method, path, query, both bodies and the status', async () => {
		recorder.clear();
		await (await fetch(`${url}/a?x=1`, { method: 'POST', body: 'hello' })).text();
		expect(recorder.requests[0]).toMatchObject({
			method: 'POST',
			url: '/a?x=1',
			path: '/a',
			query: { x: '1' },
			body: 'hello',
			status: 200,
			responseBody: 'echo:hello',
			outcome: 'answered',
		});
	});

	test('drops the oldest entries above the entry limit and above the byte budget', async () => {
		recorder.clear();
		const send = async (path: string, body: string) => (await fetch(`${url}${path}`, { method: 'POST', body })).text();
		// Each small exchange stores 7 characters ('x' and 'echo:x').
		for (const name of ['1', '2', '3', '4']) await send(`/${name}`, 'x');
		expect(recorder.requests.map((entry) => entry.path)).toEqual(['/2', '/3', '/4']);
		// 43 + 48 characters: with /3 and /4 that is 105, over the budget of 100, so /3 goes.
		await send('/big', 'y'.repeat(43));
		expect(recorder.requests.map((entry) => entry.path)).toEqual(['/4', '/big']);
	});
});
