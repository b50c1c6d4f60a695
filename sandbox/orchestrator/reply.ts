import { randomBytes } from 'crypto';
import type { AnswerVariants } from './variants';

/** What an Orchestrator handler answers; the server decides whether to send it or to drop it (fault injection). */
export interface Reply {
	status: number;
	headers?: Record<string, string>;
	/** Serialised as JSON; undefined sends an empty body. */
	body?: unknown;
}

export function newTraceId(): string {
	return randomBytes(16).toString('hex');
}

const ERROR_TITLES: Record<number, string> = { 400: 'BadRequest', 401: 'You are not authenticated!', 403: 'You are not authorized!', 404: 'NotFound', 409: 'Conflict', 429: 'TooManyRequests' };

/** An error answered in UiPath's camelCase shape `{ message, errorCode, traceId }`, or in another envelope a switch asks for. */
export class OrchestratorError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errorCode = 0,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toReply(variants: AnswerVariants = {}): Reply {
		return { status: this.status, headers: this.headers, body: this.body(variants.errorEnvelope ?? 'current') };
	}

	private body(envelope: NonNullable<AnswerVariants['errorEnvelope']>): Record<string, unknown> {
		const traceId = newTraceId();
		switch (envelope) {
			case 'current':
				return { message: this.message, errorCode: this.errorCode, traceId };
			case 'legacy':
				// ASP.NET Boilerplate's envelope: the top-level message is generic, the reason is in error.details.
				return {
					message: ERROR_TITLES[this.status] ?? 'An error has occurred.',
					errorCode: this.errorCode,
					result: null,
					targetUrl: null,
					success: false,
					error: { code: this.errorCode, message: ERROR_TITLES[this.status] ?? 'An error has occurred.', details: this.message, validationErrors: null },
					unAuthorizedRequest: this.status === 401,
					__abp: true,
				};
			case 'pascalCase':
				return { StatusCode: this.status, StatusDescription: ERROR_TITLES[this.status] ?? 'Error', Message: this.message };
			case 'problemDetails':
				return {
					type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
					title: 'One or more validation errors occurred.',
					status: this.status,
					errors: { request: [this.message] },
					traceId,
				};
			case 'errorMessage':
				return { errorMessage: this.message };
		}
	}
}

export const badRequest = (message: string, errorCode = 0) => new OrchestratorError(400, message, errorCode);

/** UiPath answers 1002 for an entity that does not exist (or is not visible in the folder). */
export const notFound = (message: string) => new OrchestratorError(404, message, 1002);

/** The prefix ASP.NET OData puts in front of every query validation error. */
export const invalidQuery = (detail: string) =>
	badRequest(`The query specified in the URI is not valid. ${detail}`);

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });
