import {
	createPublicKey,
	generateKeyPairSync,
	randomBytes,
	verify,
	type JsonWebKey,
	type KeyObject,
} from 'crypto';

export interface SigningKey {
	/** Private JWK for oidc-provider's `jwks` configuration. */
	privateJwk: JsonWebKey & { kid: string; alg: string; use: string };
	publicKey: KeyObject;
}

/** A fresh RS256 key per start: UiPath signs its tokens with RS256 too. */
export function generateSigningKey(): SigningKey {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const kid = randomBytes(8).toString('hex').toUpperCase();
	return {
		privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
		publicKey: createPublicKey(privateKey),
	};
}

export type JwtClaims = Record<string, unknown>;

/** Claims of an RS256 JWT signed with the key, or undefined when malformed, forged or expired. */
export function verifyJwt(token: string, key: SigningKey): JwtClaims | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	const [header, payload, signature] = parts;
	try {
		const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
			alg?: string;
			kid?: string;
		};
		if (head.alg !== 'RS256' || head.kid !== key.privateJwk.kid) return undefined;
		const signed = Buffer.from(`${header}.${payload}`, 'ascii');
		if (!verify('RSA-SHA256', signed, key.publicKey, Buffer.from(signature, 'base64url')))
			return undefined;
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
		if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
		return claims;
	} catch {
		return undefined;
	}
}
