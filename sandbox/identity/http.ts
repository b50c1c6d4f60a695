import type { IncomingMessage, ServerResponse } from 'http';

/** Request bodies above this size are refused; sign-in bodies are tiny. */
const BODY_LIMIT = 64 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		size += buffer.length;
		if (size > BODY_LIMIT) throw new BodyTooLargeError('request body too large');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}

/** Parses a JSON object body; undefined when the body is not a JSON object. */
export async function readJsonObject(
	req: IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
	const body = await readBody(req);
	try {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(text);
}

/** OAuth 2.0 error body (RFC 6749 §5.2); descriptions never carry a secret. */
export function sendOAuthError(
	res: ServerResponse,
	status: number,
	error: string,
	description: string,
): void {
	sendJson(res, status, { error, error_description: description });
}

export function bearerToken(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	return match?.[1];
}
