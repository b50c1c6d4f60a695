/** What oidc-provider stores per artifact (authorization code, refresh token, session, grant...). */
export interface AdapterPayload {
	grantId?: string;
	uid?: string;
	userCode?: string;
	consumed?: number;
	[claim: string]: unknown;
}

interface Stored {
	payload: AdapterPayload;
	/** Epoch milliseconds; undefined never expires. */
	expiresAt?: number;
}

/** The adapter interface oidc-provider expects (one instance per model name). */
export interface OidcAdapter {
	upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
	find(id: string): Promise<AdapterPayload | undefined>;
	findByUid(uid: string): Promise<AdapterPayload | undefined>;
	findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
	consume(id: string): Promise<void>;
	destroy(id: string): Promise<void>;
	revokeByGrantId(grantId: string): Promise<void>;
}

/**
 * An in-memory adapter per sandbox (so two sandboxes in one process share nothing).
 * A used refresh token is deleted rather than marked consumed: reusing it then answers `invalid_grant`
 * without revoking the tokens rotated from it, as UiPath's Identity Server (one-time refresh tokens) does;
 * oidc-provider's own reuse detection would revoke the whole sign-in.
 */
export function createMemoryAdapter(): (model: string) => OidcAdapter {
	const store = new Map<string, Stored>();
	const grants = new Map<string, Set<string>>();
	let writes = 0;

	const live = (key: string): AdapterPayload | undefined => {
		const entry = store.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
			store.delete(key);
			return undefined;
		}
		return entry.payload;
	};

	const sweep = (): void => {
		const now = Date.now();
		for (const [key, entry] of store) {
			if (entry.expiresAt !== undefined && entry.expiresAt <= now) store.delete(key);
		}
		for (const [grantId, keys] of grants) {
			for (const key of keys) if (!store.has(key)) keys.delete(key);
			if (keys.size === 0) grants.delete(grantId);
		}
	};

	class MemoryAdapter implements OidcAdapter {
		constructor(private readonly model: string) {}

		private key(id: string): string {
			return `${this.model}:${id}`;
		}

		async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
			const key = this.key(id);
			const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : undefined;
			store.set(key, { payload, expiresAt });
			if (payload.grantId) {
				const keys = grants.get(payload.grantId) ?? new Set<string>();
				keys.add(key);
				grants.set(payload.grantId, keys);
			}
			if (payload.uid)
				store.set(`${this.model}:uid:${payload.uid}`, { payload: { id }, expiresAt });
			// Benchmarks issue many tokens: drop expired ones now and then instead of on a timer.
			if (++writes % 1000 === 0) sweep();
		}

		async find(id: string): Promise<AdapterPayload | undefined> {
			return live(this.key(id));
		}

		async findByUid(uid: string): Promise<AdapterPayload | undefined> {
			const pointer = store.get(`${this.model}:uid:${uid}`);
			return typeof pointer?.payload.id === 'string'
				? live(this.key(pointer.payload.id))
				: undefined;
		}

		async findByUserCode(): Promise<AdapterPayload | undefined> {
			return undefined;
		}

		async consume(id: string): Promise<void> {
			if (this.model === 'RefreshToken') {
				store.delete(this.key(id));
				return;
			}
			const payload = live(this.key(id));
			if (payload) payload.consumed = Math.floor(Date.now() / 1000);
		}

		async destroy(id: string): Promise<void> {
			store.delete(this.key(id));
		}

		async revokeByGrantId(grantId: string): Promise<void> {
			for (const key of grants.get(grantId) ?? []) store.delete(key);
			grants.delete(grantId);
		}
	}

	// A factory rather than the class: oidc-provider tests constructors with `instanceof Function`, which fails across jest's realm.
	return (model) => new MemoryAdapter(model);
}
