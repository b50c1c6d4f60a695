/** Shorter values are too likely to occur in ordinary text to be replaced. */
const MIN_SECRET_LENGTH = 4;
/** Field names whose string values are secrets, in credential data, token answers and request bodies. */
const SECRET_KEY = /(secret|password|token)$/i;

/** The forms a secret takes in text: as is, URL-encoded (path or query, and form), JSON-escaped. */
function encodings(secret: string): string[] {
	const form = new URLSearchParams({ s: secret }).toString().slice(2);
	return [secret, encodeURIComponent(secret), form, JSON.stringify(secret).slice(1, -1)];
}

/** Replaces every secret, in each of its encoded forms, so a server that echoes one cannot leak it into a message. */
export function redact(text: string, secrets: readonly string[]): string {
	const forms = [...new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(encodings))];
	// Longest first, so a secret that contains another is replaced whole.
	forms.sort((a, b) => b.length - a.length);
	let result = text;
	for (const form of forms) result = result.split(form).join('[redacted]');
	return result;
}

/** Token-shaped text whose value is not known here: Bearer headers, JWTs, token and secret fields. */
export function redactTokenShapes(text: string): string {
	return text
		.replace(/(bearer\s+)[^\s"',]+/gi, '$1[redacted]')
		.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
		.replace(/((?:access|refresh|id)_token|client_secret|password)("?\s*[:=]\s*"?)[^\s"',&]+/gi, '$1$2[redacted]');
}

/**
 * The secret values in credential data or a request body: string fields named ...Secret, ...Password or
 * ...Token (personalAccessToken, clientSecret, refreshToken, accessToken, a webhook's Secret), nested ones
 * such as oauthTokenData.refresh_token included.
 */
export function secretsIn(value: unknown, depth = 3): string[] {
	if (typeof value !== 'object' || value === null || depth === 0) return [];
	return Object.entries(value).flatMap(([key, field]) => {
		if (typeof field === 'string') return SECRET_KEY.test(key) && field.trim() !== '' ? [field] : [];
		return secretsIn(field, depth - 1);
	});
}
