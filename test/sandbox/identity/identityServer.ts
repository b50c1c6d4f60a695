import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createIdentity } from '../../../sandbox/identity';
import type { IdentityOptions } from '../../../sandbox/contract';

export type TestIdentity = Awaited<ReturnType<typeof createIdentity>>;

export interface IdentityServer {
	url: string;
	identity: TestIdentity;
	close(): Promise<void>;
}

/**
 * A bare node:http server on 127.0.0.1 that hands every request to `identity.handle`, as the sandbox server does;
 * anything the identity half does not serve answers 404, so a route it wrongly declines shows up.
 */
export async function startIdentityServer(
	options: Omit<IdentityOptions, 'baseUrl'> = {},
): Promise<IdentityServer> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const identity = await createIdentity({ ...options, baseUrl: url });
	server.on('request', (req, res) => {
		identity
			.handle(req, res, new URL(req.url ?? '/', url))
			.then((handled) => {
				if (!handled) {
					res.writeHead(404, { 'Content-Type': 'text/plain' });
					res.end('not an identity route');
				}
			})
			.catch((error: unknown) => {
				// A throw here is a sandbox bug: show it rather than only a 500.
				console.error('identity.handle failed', error);
				res.writeHead(500);
				res.end();
			});
	});
	return {
		url,
		identity,
		async close() {
			await identity.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
