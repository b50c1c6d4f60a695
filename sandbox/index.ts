import type { AddressInfo } from 'net';
import type { Identity } from './contract';
import { sandboxCredentials, type SandboxCredentials } from './credentials';
import { TENANT } from './fixtures';
import type { FaultRule } from './http/faults';
import { RequestRecorder, type RecordedRequest } from './http/recorder';
import { createIdentity } from './identity';
import { createOrchestrator, type Orchestrator } from './orchestrator';
import { DEFAULT_ATTACHMENT_SETTINGS, type AttachmentSettings } from './orchestrator/attachments';
import type { AnswerVariants } from './orchestrator/variants';
import { processQueueItem, type TransactionResult } from './orchestrator/queueTransactions';
import { CLOUD_MAX_TOP } from './orchestrator/odata/query';
import type { RateLimitOptions } from './orchestrator/rateLimit';
import { seedBulk, type BulkSeed } from './orchestrator/store/bulkSeed';
import type { TenantStore } from './orchestrator/store/tenantStore';
import type { Job } from './orchestrator/store/types';
import type { WebhookDelivery, WebhookDispatcher } from './orchestrator/webhooks/dispatcher';
import { createSandboxServer, type ServerControls } from './server';

export type { SandboxCredentials } from './credentials';
export type { FaultRule } from './http/faults';
export type { RecordedRequest } from './http/recorder';
export type { RateLimitOptions } from './orchestrator/rateLimit';
export type { BulkSeed } from './orchestrator/store/bulkSeed';
export type { AttachmentSettings } from './orchestrator/attachments';
export type { AnswerVariants } from './orchestrator/variants';
export type { TenantStore } from './orchestrator/store/tenantStore';
export type { WebhookDelivery, WebhookDispatcher } from './orchestrator/webhooks/dispatcher';
export { signWebhookBody } from './orchestrator/webhooks/dispatcher';
export { encodeFolderPath } from './orchestrator/folderHeader';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Fixed delay added to every request. */
	latencyMs?: number;
	/** Lifetime of access tokens from the identity endpoints; default 3600. */
	accessTokenTtlSeconds?: number;
	faults?: FaultRule[];
	/** Extra releases and finished jobs in the default tenant's Shared folder, for paging benchmarks. */
	seed?: BulkSeed;
	/** How many times faster than real time jobs run: 10 → a 2 s job takes 200 ms. Default 1. */
	timeScale?: number;
	/** Off by default; UiPath's own limit is 100 requests per 60 s on `GET Jobs` and `GET QueueItems`. */
	rateLimit?: RateLimitOptions;
	/**
	 * MaxTop (the largest `$top`) per entity set where it is not 1000. Default: Automation Cloud's, QueueItems 100;
	 * `{ QueueItems: 1000 }` is an on-premises Orchestrator.
	 */
	maxTop?: Record<string, number>;
	/** Large data fields list answers leave out, per entity set (e.g. `{ Jobs: ['OutputArguments'] }`); default none. */
	omittedFromLists?: Record<string, string[]>;
	/** Extra redirect URIs accepted for the public PKCE client. */
	redirectUris?: string[];
	/** Where attachments are kept and above which length output arguments become an OutputFile; default Orchestrator's storage, 10,000. */
	attachments?: Partial<AttachmentSettings>;
	/** Answer shapes to serve besides the usual ones (orchestrator/variants.ts); default none. */
	variants?: AnswerVariants;
}

/** What tests read and steer while the sandbox runs. */
export interface SandboxState extends ServerControls {
	/** Every request received, identity ones included, oldest first (the last 10,000). */
	readonly requests: RecordedRequest[];
	rateLimit: RateLimitOptions | undefined;
	/** MaxTop per entity set (e.g. `state.maxTop.Releases = 100`); a larger `$top` answers OData's 400. */
	maxTop: Record<string, number>;
	/** Large data fields list answers leave out, per entity set; the single-entity routes still send them. */
	omittedFromLists: Record<string, string[]>;
	/** Where attachments are kept (`storage`) and above which length output arguments become an OutputFile (`outputFileAbove`). */
	readonly attachments: AttachmentSettings;
	/** Answer shapes switched on (e.g. `state.variants.startJobsStatus = 200`); read on every request. */
	readonly variants: AnswerVariants;
	readonly credentials: SandboxCredentials;
	/** One store per tenant, by tenant name (the two cloud tenants and the on-premises `Default`). */
	readonly tenants: ReadonlyMap<string, TenantStore>;
	/** The default tenant's store (folders, releases, processes, jobs, robots, sessions, queues, items, assets, webhooks). */
	readonly store: TenantStore;
	readonly jobs: {
		/** How many times faster than real time jobs run; changes apply to steps scheduled afterwards. */
		timeScale: number;
		/** Runs the remaining steps of a job of the default tenant (or of `tenant`) now. */
		finish(jobId: number, tenant?: string): void;
		/** Runs every scheduled job step now, in every tenant. */
		finishAll(): void;
		/**
		 * How long a job runs once a robot picked it up (ms of sandbox time), for long-running demos and tests;
		 * undefined (or a function answering undefined) keeps the process's own duration.
		 */
		runDuration: ((job: Job) => number | undefined) | undefined;
	};
	/** Plays the robot for a New queue item: InProgress, then Successful or Failed, with the webhook events. */
	processQueueItem(itemId: number, result: TransactionResult, tenant?: string): void;
	readonly webhookDeliveries: WebhookDelivery[];
	/** Sends webhook events (e.g. `queueItemsAdded(store, queue, items)`) and keeps each subscription's circuit breaker. */
	readonly webhooks: WebhookDispatcher;
	/** Requests to the identity's token and authorize endpoints (for the benchmarks). */
	readonly identityStats?: { tokenRequests: number; authorizeRequests: number };
	/** Makes every bucket file URI handed out so far expire now. */
	expireBucketUris(): void;
	/** Resolves when every webhook POST started so far has finished. */
	webhooksIdle(): Promise<void>;
	clearRequests(): void;
}

export interface Sandbox {
	/** Base URL, e.g. http://127.0.0.1:8787 (no trailing slash). */
	url: string;
	state: SandboxState;
	close(): Promise<void>;
}

function storeOf(orchestrator: Orchestrator, tenant: string = TENANT): TenantStore {
	const store = orchestrator.tenants.get(tenant.toLowerCase());
	if (!store) throw new Error(`unknown tenant '${tenant}'`);
	return store;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const recorder = new RequestRecorder();
	const controls: ServerControls = { latencyMs: options.latencyMs ?? 0, faults: options.faults ?? [], errors: [] };
	let rateLimit = options.rateLimit;
	const maxTop: Record<string, number> = { ...CLOUD_MAX_TOP, ...options.maxTop };
	const omittedFromLists: Record<string, string[]> = { ...options.omittedFromLists };
	const attachments: AttachmentSettings = { ...DEFAULT_ATTACHMENT_SETTINGS, ...options.attachments };
	const variants: AnswerVariants = { ...options.variants };
	let setReady: (parts: { identity: Identity; orchestrator: Orchestrator }) => void = () => undefined;
	const ready = new Promise<{ identity: Identity; orchestrator: Orchestrator }>((resolve) => {
		setReady = resolve;
	});
	const server = createSandboxServer({ ready, recorder, controls });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	let identity: Awaited<ReturnType<typeof createIdentity>>;
	let orchestrator: Orchestrator;
	try {
		identity = await createIdentity({
			baseUrl: url,
			accessTokenTtlSeconds: options.accessTokenTtlSeconds,
			redirectUris: options.redirectUris,
		});
		orchestrator = createOrchestrator({
			identity,
			timeScale: options.timeScale,
			rateLimit: () => rateLimit,
			maxTop: () => maxTop,
			omittedFromLists: () => omittedFromLists,
			attachments,
			variants,
		});
		if (options.seed) seedBulk(storeOf(orchestrator), options.seed);
	} catch (error) {
		// Nothing may keep listening when the start fails (a test runner would hang on it).
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		throw error;
	}
	setReady({ identity, orchestrator });

	const tenants = new Map([...orchestrator.tenants.values()].map((store) => [store.name, store]));
	const state: SandboxState = {
		requests: recorder.requests,
		get faults() {
			return controls.faults;
		},
		set faults(rules: FaultRule[]) {
			controls.faults = rules;
		},
		get latencyMs() {
			return controls.latencyMs;
		},
		set latencyMs(ms: number) {
			controls.latencyMs = ms;
		},
		errors: controls.errors,
		get rateLimit() {
			return rateLimit;
		},
		set rateLimit(limit: RateLimitOptions | undefined) {
			rateLimit = limit;
			orchestrator.rateLimiter.reset();
		},
		maxTop,
		omittedFromLists,
		attachments,
		variants,
		credentials: sandboxCredentials(url, identity.secrets),
		tenants,
		store: storeOf(orchestrator),
		jobs: {
			get timeScale() {
				return orchestrator.runner.timeScale;
			},
			set timeScale(scale: number) {
				orchestrator.runner.timeScale = scale;
			},
			finish(jobId, tenant) {
				const job = storeOf(orchestrator, tenant).jobs.get(jobId);
				if (!job) throw new Error(`job ${jobId} does not exist`);
				orchestrator.runner.finish(job);
			},
			finishAll: () => orchestrator.runner.finishAll(),
			get runDuration() {
				return orchestrator.runner.runDuration;
			},
			set runDuration(duration) {
				orchestrator.runner.runDuration = duration;
			},
		},
		processQueueItem(itemId, result, tenant) {
			const store = storeOf(orchestrator, tenant);
			const item = store.queueItems.get(itemId);
			if (!item) throw new Error(`queue item ${itemId} does not exist`);
			processQueueItem(store, orchestrator.webhooks, item, result);
		},
		webhookDeliveries: orchestrator.webhooks.deliveries,
		webhooks: orchestrator.webhooks,
		identityStats: identity.stats,
		expireBucketUris: () => orchestrator.blobs.expireAll(),
		webhooksIdle: () => orchestrator.webhooks.idle(),
		clearRequests: () => recorder.clear(),
	};

	return {
		url,
		state,
		async close() {
			await orchestrator.close();
			await identity.close();
			for (const response of server.hung) response.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
