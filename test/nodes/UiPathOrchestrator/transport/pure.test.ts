import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	encodeFolderPath,
	inspectFailure,
	redactSecrets,
	retryAfterMs,
	scopesFor,
	toUiPathApiError,
	UiPathApiError,
	withRetries,
	type RetryPolicy,
} from '../../../../nodes/UiPathOrchestrator/transport';
import { hints as startHints } from '../../../../nodes/UiPathOrchestrator/actions/job/start.operation';

const node: INode = {
	id: '1',
	name: 'UiPath',
	type: 'uiPathOrchestrator',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('folder header', () => {
	it('encodes the path as Base64 of UTF-16LE', () => {
		const encoded = encodeFolderPath('Finance/Invoices');
		expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe('Finance/Invoices');
		// "Ab" in UTF-16LE is 41 00 62 00.
		expect(encodeFolderPath('Ab')).toBe(Buffer.from([0x41, 0, 0x62, 0]).toString('base64'));
	});
});

describe('Retry-After', () => {
	it('reads seconds and HTTP dates, case-insensitively', () => {
		expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
		expect(retryAfterMs({ 'Retry-After': ['2'] })).toBe(2000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
	});
});

describe('scopes', () => {
	it('names the read or write scope of the route', () => {
		expect(scopesFor('GET', '/odata/Releases')).toBe('OR.Execution or OR.Execution.Read');
		expect(scopesFor('POST', '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs')).toBe('OR.Jobs or OR.Jobs.Write');
		expect(scopesFor('POST', '/odata/Queues/UiPathODataSvc.AddQueueItem')).toBe('OR.Queues or OR.Queues.Write');
	});
});

describe('secrets', () => {
	it('redacts bearer tokens, JWTs and secret fields', () => {
		const text = redactSecrets(
			'Authorization: Bearer abc.def refresh_token=xyz client_secret: "s3cr3t" eyJhbGciOi.eyJzdWIiOi.sig',
		);
		expect(text).not.toMatch(/abc\.def|xyz|s3cr3t|eyJhbGciOi/);
	});
});

describe('errors', () => {
	const request = { method: 'GET' as const, path: '/odata/Releases', baseUrl: 'https://x.test/acme/DefaultTenant/orchestrator_' };

	it('reads status, headers and body through the cause chain', () => {
		const error = { message: 'failed', cause: { response: { status: 429, headers: { 'retry-after': '1' }, data: { message: 'slow down' } } } };
		expect(inspectFailure(error)).toMatchObject({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
		expect(inspectFailure({ message: 'x', code: 'ECONNRESET' }).networkCode).toBe('ECONNRESET');
	});

	it('keeps the status and explains 1101, 1100, 403, 409 and HTML answers', () => {
		const fail = (status: number, data: unknown, path = request.path, hints = {}) =>
			toUiPathApiError(node, { message: 'Request failed', response: { status, data } }, { ...request, path, hints });
		const e1101 = fail(400, { message: 'An organization unit is required for this action.', errorCode: 1101 });
		expect(e1101).toBeInstanceOf(NodeApiError);
		expect(e1101.httpCode).toBe('400');
		expect(e1101.description).toMatch(/choose one in the Folder parameter/);
		expect(fail(400, { message: 'Folder does not exist', errorCode: 1100 }).description).toMatch(/assign the user or app/);
		expect(fail(403, { message: 'Forbidden' }).description).toMatch(/OR\.Execution or OR\.Execution\.Read/);
		expect(fail(409, { message: 'No robots' }, '/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs', startHints).description).toMatch(
			/unattended/,
		);
		const html = fail(404, '<!DOCTYPE html><html><body>Not here</body></html>');
		expect(html.message).toMatch(/web page/);
		expect(html.description).toMatch(/organization and tenant/);
	});

	it('is one typed error carrying what retries and the exactly-once start decide on', () => {
		const limited = toUiPathApiError(
			node,
			{ message: 'Request failed', cause: { response: { status: 429, headers: { 'Retry-After': '2' }, data: { message: 'slow down', errorCode: '1015' } } } },
			request,
		);
		expect(limited).toBeInstanceOf(UiPathApiError);
		expect(limited).toBeInstanceOf(NodeApiError);
		// n8n rethrows API errors whole only when they are named NodeApiError.
		expect(limited.name).toBe('NodeApiError');
		expect(limited).toMatchObject({ status: 429, httpCode: '429', errorCode: 1015, retryAfterMs: 2000, ambiguous: false });
		expect(toUiPathApiError(node, { message: 'x', response: { status: 502 } }, request)).toMatchObject({ status: 502, ambiguous: true });
		expect(toUiPathApiError(node, { message: 'socket hang up', code: 'ECONNRESET' }, request)).toMatchObject({
			status: undefined,
			networkCode: 'ECONNRESET',
			ambiguous: true,
		});
		// Converting again hands back the same error: nothing wraps a UiPathApiError in another.
		expect(toUiPathApiError(node, limited, request)).toBe(limited);
	});

	it('uses only the hints the request declares', () => {
		const addQueueItem = { ...request, method: 'POST' as const, path: '/odata/Queues/UiPathODataSvc.AddQueueItem' };
		const duplicate = { message: 'Request failed', response: { status: 409, data: { message: 'Duplicate Reference.', errorCode: 1016 } } };
		expect(toUiPathApiError(node, duplicate, addQueueItem).description).not.toMatch(/unattended/);
		expect(toUiPathApiError(node, duplicate, { ...addQueueItem, hints: startHints }).description).toMatch(/unattended rights is available in the folder/);
		expect(toUiPathApiError(node, duplicate, { ...addQueueItem, folderDescription: 'folder "Shared"', hints: startHints }).description).toMatch(
			/available in folder "Shared"/,
		);
	});

	it('carries no request headers, so no token', () => {
		const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
		const error = {
			message: `Request failed, Authorization: Bearer ${token}`,
			config: { headers: { Authorization: `Bearer ${token}` } },
			response: { status: 500, data: { message: 'boom' } },
		};
		const wrapped = toUiPathApiError(node, error, request);
		expect(JSON.stringify({ ...wrapped, message: wrapped.message, description: wrapped.description })).not.toContain(token);
	});
});

// The sandbox tests prove retries over HTTP; these use a stand-in for the request because a Retry-After beyond the
// cap (30 s) or a server that keeps failing would make a real test wait that long.
describe('retry policy', () => {
	const policy: RetryPolicy = { rateLimitRetries: 2, maxRetryAfterMs: 40, defaultRetryAfterMs: 10, serverErrorBackoffMs: [5, 5] };
	const request = { method: 'GET' as const, path: '/odata/Releases', baseUrl: 'https://x.test/acme/DefaultTenant/orchestrator_' };
	// What the transport's send throws: n8n's failure, read once into a UiPathApiError.
	const failure = (status: number | undefined, headers: Record<string, string> = {}, code?: string) =>
		toUiPathApiError(node, Object.assign(new Error('failed'), { ...(code ? { code } : {}), ...(status ? { response: { status, headers } } : {}) }), request);
	const sender = (...outcomes: Array<Error | string>) => {
		const calls: number[] = [];
		const send = async () => {
			calls.push(Date.now());
			const outcome = outcomes[calls.length - 1];
			if (outcome instanceof Error) throw outcome;
			return outcome;
		};
		return { send, calls };
	};

	it('caps a long Retry-After and retries a 429 for any method', async () => {
		const { send, calls } = sender(failure(429, { 'retry-after': '3600' }), 'ok');
		const started = Date.now();
		await expect(withRetries(send, { idempotent: false, policy })).resolves.toBe('ok');
		expect(calls).toHaveLength(2);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('gives up after the allowed number of 429s', async () => {
		const { send, calls } = sender(failure(429), failure(429), failure(429), 'ok');
		await expect(withRetries(send, { idempotent: true, policy })).rejects.toThrow('failed');
		expect(calls).toHaveLength(3);
	});

	it('resends idempotent requests after 5xx and network errors, never the others', async () => {
		const idempotent = sender(failure(503), failure(undefined, {}, 'ECONNRESET'), 'ok');
		await expect(withRetries(idempotent.send, { idempotent: true, policy })).resolves.toBe('ok');
		expect(idempotent.calls).toHaveLength(3);
		const start = sender(failure(503), 'ok');
		await expect(withRetries(start.send, { idempotent: false, policy })).rejects.toThrow('failed');
		expect(start.calls).toHaveLength(1);
		const refused = sender(failure(400), 'ok');
		await expect(withRetries(refused.send, { idempotent: true, policy })).rejects.toThrow('failed');
		expect(refused.calls).toHaveLength(1);
	});

	it('stops retrying once the execution is cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		const { send, calls } = sender(failure(503), 'ok');
		await expect(withRetries(send, { idempotent: true, policy, signal: controller.signal })).rejects.toThrow('failed');
		expect(calls).toHaveLength(1);
	});
});
