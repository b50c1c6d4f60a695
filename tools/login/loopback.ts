import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import { codeFromRedirect, hasState } from './redirect';

export interface LoopbackReceiver {
	/** The redirect URI with the port actually bound (when the requested port was 0). */
	redirectUri: string;
	/** Settles with the code of the first callback that carries this sign-in's state, or fails on timeout. */
	code: Promise<string>;
	close(): Promise<void>;
}

const PAGE = (message: string) =>
	`<!doctype html><meta charset="utf-8"><title>UiPath sign-in</title><p>${message}</p>`;

/** The IP literal to listen on: RFC 8252 §8.3 advises against `localhost`, which may resolve to another interface than the browser uses. */
function listenHost(requested: URL): string {
	if (requested.hostname === '127.0.0.1') return '127.0.0.1';
	if (requested.hostname === '[::1]') return '::1';
	throw new Error(
		`The redirect URI (--redirectUri) ${requested.origin} names ${requested.hostname}: use http://127.0.0.1:${requested.port || 80}${requested.pathname} (or [::1]) and register that on the External Application`,
	);
}

/** A one-shot listener on the loopback address the redirect URI names, for the authorization redirect (RFC 8252 §7.3). */
export async function listenForCode(redirectUri: string, expectedState: string, timeoutMs: number): Promise<LoopbackReceiver> {
	const requested = new URL(redirectUri);
	const host = listenHost(requested);
	let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
	const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', requested);
		// Only this sign-in's state gets an answer: anything else (a forged or stale callback) cannot end the wait.
		if (!hasState(url, expectedState) || url.pathname !== requested.pathname) {
			res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
			return;
		}
		try {
			const received = codeFromRedirect(url.toString(), expectedState);
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE('Signed in. You can close this tab and return to the terminal.'));
			settle?.resolve(received);
		} catch (error) {
			res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE('Sign-in failed; see the terminal.'));
			settle?.reject(error as Error);
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(Number(requested.port || 80), host, () => resolve());
	}).catch((error: NodeJS.ErrnoException) => {
		throw new Error(`Cannot listen on ${requested.host} for the sign-in redirect (${error.code ?? error.message}): choose another port with --redirectUri`);
	});

	const bound = new URL(requested);
	bound.port = String((server.address() as AddressInfo).port);
	const timer = setTimeout(
		() => settle?.reject(new Error(`No sign-in arrived at ${bound.toString()} within ${timeoutMs / 1000} s: run the login again (or raise --timeout)`)),
		timeoutMs,
	);
	const close = async () => {
		clearTimeout(timer);
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	const settled = code.finally(() => clearTimeout(timer));
	// Whoever awaits it later gets the failure; until then it must not count as unhandled.
	settled.catch(() => undefined);
	return { redirectUri: bound.toString(), code: settled, close };
}
