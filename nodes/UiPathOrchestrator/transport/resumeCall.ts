import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { SIGNATURE_HEADER } from '../helpers/webhookSignature';

/** n8n answers 409 while the execution is still being saved as waiting; that takes moments, not minutes. */
const BUSY_RETRIES = 8;
const BUSY_PAUSE_MS = 1_000;

/** POSTs a signed body to an n8n resume URL; the HTTP status (0 when nothing answered) and the answer's text. */
export async function callResumeUrl(context: IHookFunctions | IWebhookFunctions, url: string, body: string, signature: string): Promise<{ status: number; answer: string }> {
	for (let attempt = 0; ; attempt += 1) {
		let status = 0;
		let answer = '';
		try {
			const response = await context.helpers.httpRequest({
				method: 'POST',
				url,
				body,
				headers: { 'Content-Type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: signature },
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
			});
			const { statusCode, body: text } = response as { statusCode?: number; body?: unknown };
			status = Number(statusCode ?? 0);
			answer = typeof text === 'string' ? text : Buffer.isBuffer(text) ? text.toString('utf8') : JSON.stringify(text ?? '');
		} catch {
			status = 0;
		}
		const finished = status === 409 && /finished/i.test(answer);
		if ((status !== 409 && status !== 0) || finished || attempt >= BUSY_RETRIES) return { status, answer };
		await sleep(BUSY_PAUSE_MS);
	}
}
