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

/** An error answered in UiPath's camelCase shape `{ message, errorCode, traceId }`. */
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
		const body = { message: this.message, errorCode: this.errorCode, traceId: newTraceId() };
		if (variants.errorEnvelope !== 'legacy') return { status: this.status, headers: this.headers, body };
		// ASP.NET Boilerplate's envelope, which older Orchestrators wrap around the same message.
		return {
			status: this.status,
			headers: this.headers,
			body: {
				...body,
				result: null,
				targetUrl: null,
				success: false,
				error: { code: this.errorCode, message: this.message, details: `Trace id ${body.traceId}.`, validationErrors: null },
				unAuthorizedRequest: this.status === 401,
				__abp: true,
			},
		};
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
