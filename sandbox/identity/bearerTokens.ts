import { randomBytes } from 'crypto';
import type { TokenInfo } from '../contract';

interface Entry {
	info: TokenInfo;
	/** Epoch milliseconds; undefined never expires (personal access tokens). */
	expiresAt?: number;
}

/** Opaque bearer tokens issued outside oidc-provider: personal access tokens, the 2019 flow, on-premises. */
export class BearerTokens {
	private readonly entries = new Map<string, Entry>();

	/** Registers a token chosen by the caller (the personal access token). */
	add(token: string, info: TokenInfo, ttlSeconds?: number): void {
		this.entries.set(token, {
			info,
			expiresAt: ttlSeconds === undefined ? undefined : Date.now() + ttlSeconds * 1000,
		});
	}

	issue(info: TokenInfo, ttlSeconds?: number, prefix = ''): string {
		const token = prefix + randomBytes(32).toString('base64url');
		this.add(token, info, ttlSeconds);
		return token;
	}

	verify(token: string): TokenInfo | undefined {
		const entry = this.entries.get(token);
		if (!entry) return undefined;
		if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
			this.entries.delete(token);
			return undefined;
		}
		return entry.info;
	}

	/** Removes the token and returns what it was, for single-use tokens. */
	take(token: string): TokenInfo | undefined {
		const info = this.verify(token);
		this.entries.delete(token);
		return info;
	}
}
