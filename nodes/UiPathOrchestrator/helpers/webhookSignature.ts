import { createHmac, timingSafeEqual } from 'crypto';

/** The header Orchestrator signs each delivery with (lower case, as Node hands headers over). */
export const SIGNATURE_HEADER = 'x-uipath-signature';

/** Base64 of HMAC-SHA256 over the raw body, keyed with the subscription's secret, as UiPath documents it. */
export function signatureOf(secret: string, rawBody: Buffer): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Whether the header carries the body's signature; compared in constant time so timing reveals nothing of the expected value. */
export function isSignatureValid(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
	const provided = Array.isArray(header) ? header[0] : header;
	if (!secret || typeof provided !== 'string' || !provided.trim()) return false;
	const expected = Buffer.from(signatureOf(secret, rawBody), 'utf8');
	const given = Buffer.from(provided.trim(), 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
