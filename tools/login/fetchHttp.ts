import { parseBody, type AuthHttp } from '../../credentials/auth/authHttp';

/** The token code's HTTP over Node's fetch: every status resolves, redirects are not followed. */
export const fetchHttp: AuthHttp = async (request) => {
	const response = await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.body,
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000),
	});
	const location = response.headers.get('location');
	return { statusCode: response.status, body: parseBody(await response.text()), ...(location ? { location } : {}) };
};
