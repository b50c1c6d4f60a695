import { createHash, randomBytes } from 'crypto';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set; base64url of 32–96 random bytes fits. */
export function createCodeVerifier(byteLength = 32): string {
	if (byteLength < 32 || byteLength > 96) {
		throw new RangeError('A PKCE code verifier needs 32 to 96 random bytes (43 to 128 characters)');
	}
	return codeVerifierFromBytes(randomBytes(byteLength));
}

/** RFC 7636 §4.1 / Appendix B: the verifier is the base64url encoding (no padding) of the random octets. */
export function codeVerifierFromBytes(octets: Uint8Array): string {
	return Buffer.from(octets).toString('base64url');
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export function createCodeChallenge(codeVerifier: string): string {
	return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** An opaque value that ties the authorize redirect to the request that started it. */
export function createState(): string {
	return randomBytes(16).toString('base64url');
}

export interface PkcePair {
	codeVerifier: string;
	codeChallenge: string;
	codeChallengeMethod: 'S256';
}

export function createPkcePair(): PkcePair {
	const codeVerifier = createCodeVerifier();
	return { codeVerifier, codeChallenge: createCodeChallenge(codeVerifier), codeChallengeMethod: 'S256' };
}
