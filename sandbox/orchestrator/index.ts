import type { IncomingMessage, ServerResponse } from 'http';
import type { Identity, TokenInfo } from '../contract';
import { ON_PREMISES_TENANCY_NAME, TENANTS } from '../fixtures';
import type { Route, RouteContext } from './context';
import { BlobStorage } from './buckets/blobStorage';
import { transferBlob } from './buckets/transfer';
import { entitySets } from './entitySets';
import { accessOf, canSeeFolder, requireTenantPermission } from './access';
import { FOLDER_NOT_FOUND_MESSAGE, resolveFolder } from './folderHeader';
import { JobRunner } from './jobs/runner';
import { MAX_TOP } from './odata/query';
import { parseOrchestratorPath, type OrchestratorAddress } from './paths';
import { RateLimiter, type RateLimitOptions } from './rateLimit';
import { OrchestratorError, type Reply } from './reply';
import { keepAsAttachment, type AttachmentSettings } from './attachments';
import { assetRoutes } from './resources/assets';
import { attachmentRoutes } from './resources/attachments';
import { bucketRoutes } from './resources/buckets';
import { folderRoutes } from './resources/folders';
import { jobRoutes } from './resources/jobs';
import { queueRoutes } from './resources/queues';
import { releaseRoutes } from './resources/releases';
import { robotLogRoutes } from './resources/robotLogs';
import { robotRoutes } from './resources/robots';
import { taskRoutes } from './resources/tasks';
import { userRoutes } from './resources/users';
import { webhookRoutes } from './resources/webhooks';
import { seedTenant } from './store/seed';
import { TenantStore } from './store/tenantStore';
import { requireScopes } from './scopes';
import type { AnswerVariants } from './variants';
import { WebhookDispatcher } from './webhooks/dispatcher';

export const ROUTES: readonly Route[] = [
	...folderRoutes,
	...releaseRoutes,
	...jobRoutes,
	...robotRoutes,
	...queueRoutes,
	...assetRoutes,
	...robotLogRoutes,
	...bucketRoutes,
	...attachmentRoutes,
	...webhookRoutes,
	...userRoutes,
	...taskRoutes,
];

export interface OrchestratorOptions {
	identity: Pick<Identity, 'verifyAccessToken'>;
	timeScale?: number;
	/** Read on every request, so tests can change it through `sandbox.state`. */
	rateLimit: () => RateLimitOptions | undefined;
	/** MaxTop per entity set where it is not 1000; read on every request. */
	maxTop: () => Readonly<Record<string, number>>;
	/** Large data fields list answers leave out, per entity set; read on every request. */
	omittedFromLists: () => Readonly<Record<string, readonly string[]>>;
	/** Read on every use, so tests can change them through `sandbox.state`. */
	attachments: AttachmentSettings;
	variants: AnswerVariants;
}

const TENANT_KEYS: Record<string, string> = {
	DefaultTenant: '6f1e2d3c-4b5a-4697-8899-aabbccddeef1',
	Staging: '6f1e2d3c-4b5a-4697-8899-aabbccddeef2',
	[ON_PREMISES_TENANCY_NAME]: '6f1e2d3c-4b5a-4697-8899-aabbccddeef3',
};

const unauthenticated = () => new OrchestratorError(401, 'You are not authenticated!', 0, { 'WWW-Authenticate': 'Bearer' });

function bearerToken(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	return match?.[1];
}

/** The Orchestrator half of the sandbox: one store per tenant, the robots' clock, webhooks, and the route table. */
export function createOrchestrator(options: OrchestratorOptions) {
	const tenants = new Map<string, TenantStore>();
	for (const [index, name] of [...TENANTS, ON_PREMISES_TENANCY_NAME].entries()) {
		const store = new TenantStore(name, index + 1, TENANT_KEYS[name] ?? TENANT_KEYS.DefaultTenant);
		seedTenant(store);
		tenants.set(name.toLowerCase(), store);
	}
	// The breaker's hour runs on the robots' clock, so tests that speed up jobs speed it up too.
	const webhooks: WebhookDispatcher = new WebhookDispatcher((): number => runner.timeScale);
	const runner: JobRunner = new JobRunner(webhooks, options.timeScale ?? 1);
	const rateLimiter = new RateLimiter();
	const blobs = new BlobStorage();
	runner.keepOutput = (store, job, output) => {
		if (output === null || output.length <= options.attachments.outputFileAbove) return { OutputArguments: output, OutputFile: null };
		return { OutputArguments: null, OutputFile: keepAsAttachment(store, blobs, job.OrganizationUnitId, output, options.attachments).Id };
	};

	function storeFor(address: OrchestratorAddress, token: TokenInfo, req: IncomingMessage): TenantStore {
		if (address.kind === 'onPremises') {
			// On-premises paths carry no tenant: a session token names it; identity-server tokens belong to the default one.
			const store = tenants.get((token.kind === 'onPremises' ? (token.tenant ?? '') : ON_PREMISES_TENANCY_NAME).toLowerCase());
			if (!store) throw unauthenticated();
			return store;
		}
		if (token.kind === 'onPremises') throw unauthenticated();
		if (address.kind === 'legacy') {
			const header = req.headers['x-uipath-tenantname'];
			const named = Array.isArray(header) ? header[0] : header;
			if (!named) throw new OrchestratorError(400, 'The X-UIPATH-TenantName header is required for this URL.');
			if (named.toLowerCase() !== address.tenant?.toLowerCase()) {
				throw new OrchestratorError(400, `The X-UIPATH-TenantName header ('${named}') does not match the tenant of the URL.`);
			}
		}
		return tenants.get((address.tenant ?? '').toLowerCase()) as TenantStore;
	}

	async function serve(route: Route, address: OrchestratorAddress, params: string[], req: IncomingMessage, url: URL, rawBody: Buffer): Promise<Reply> {
		const bearer = bearerToken(req);
		const token = bearer ? await options.identity.verifyAccessToken(bearer) : undefined;
		if (!token) throw unauthenticated();
		const store = storeFor(address, token, req);
		requireScopes(token, route.scopes);
		const limit = options.rateLimit();
		if (route.rateLimited && limit) {
			const wait = rateLimiter.take(`${store.name}:${route.pattern.source}`, limit);
			if (wait !== undefined) {
				// An HTTP date has whole seconds: rounded up, so waiting until it is always long enough.
				const until = Math.ceil((Date.now() + wait * 1000) / 1000) * 1000;
				const retryAfter = options.variants.retryAfter === 'httpDate' ? new Date(until).toUTCString() : String(wait);
				throw new OrchestratorError(429, `Too many requests: the limit is ${limit.requests} requests per ${limit.perSeconds} seconds. Retry after ${wait} seconds.`, 0, {
					'Retry-After': retryAfter,
				});
			}
		}
		const access = accessOf(store, token);
		if (route.tenantPermission) requireTenantPermission(access);
		const folder = route.folderScoped ? resolveFolder(store, req.headers) : undefined;
		// UiPath answers a folder the caller has no role in exactly as one that does not exist.
		if (folder && !canSeeFolder(access, folder)) throw new OrchestratorError(400, FOLDER_NOT_FOUND_MESSAGE, 1100);
		const context: RouteContext = {
			store,
			sets: entitySets(store),
			serviceRoot: `http://${req.headers.host ?? '127.0.0.1'}${address.prefix}`,
			token,
			access,
			get folder() {
				if (!folder) throw new Error(`${route.pattern.source} is not folder-scoped`);
				return folder;
			},
			params,
			query: url.searchParams,
			maxTop: (entitySet) => options.maxTop()[entitySet] ?? MAX_TOP,
			omittedFromLists: (entitySet) => options.omittedFromLists()[entitySet] ?? [],
			headers: req.headers,
			rawBody,
			runner,
			webhooks,
			blobs,
			attachments: options.attachments,
			variants: options.variants,
		};
		return route.handle(context);
	}

	return {
		tenants,
		runner,
		webhooks,
		rateLimiter,
		blobs,
		/** Serves a bucket file URI (streaming, never buffered); false when the path is not one. */
		async transferBlob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
			return await transferBlob(req, res, url, {
				blobs,
				authenticated: async (request) => {
					const bearer = bearerToken(request);
					return bearer !== undefined && (await options.identity.verifyAccessToken(bearer)) !== undefined;
				},
			});
		},
		/** Answers an Orchestrator request, or returns undefined when no Orchestrator route has this path. */
		async handle(req: IncomingMessage, url: URL, rawBody: Buffer): Promise<Reply | undefined> {
			const address = parseOrchestratorPath(url.pathname);
			if (!address) return undefined;
			const matching = ROUTES.map((route) => ({ route, match: route.pattern.exec(address.rest) })).filter((entry) => entry.match);
			if (matching.length === 0) return undefined;
			const found = matching.find((entry) => entry.route.method === req.method);
			try {
				if (!found) throw new OrchestratorError(405, `The requested resource does not support http method '${req.method}'.`);
				return await serve(found.route, address, (found.match as RegExpExecArray).slice(1), req, url, rawBody);
			} catch (error) {
				if (error instanceof OrchestratorError) return error.toReply(options.variants);
				throw error;
			}
		},
		async close() {
			runner.close();
			await webhooks.idle();
			blobs.close();
		},
	};
}

export type Orchestrator = ReturnType<typeof createOrchestrator>;
