import type { IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { SIGNATURE_HEADER } from '../helpers/webhookSignature';

/** n8n answers 409 while the execution is still being saved as waiting; that takes moments, not minutes. */
const BUSY_RETRIES = 8;
const BUSY_PAUSE_MS = 1_000;

/** POSTs a signed body to an n8n resume URL and returns the HTTP status (0 when nothing answered). */
export async function callResumeUrl(context: IWebhookFunctions, url: string, body: string, signature: string): Promise<number> {
	for (let attempt = 0; ; attempt += 1) {
		let status = 0;
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
			status = Number((response as { statusCode?: number }).statusCode ?? 0);
		} catch {
			status = 0;
		}
		if ((status !== 409 && status !== 0) || attempt >= BUSY_RETRIES) return status;
		await sleep(BUSY_PAUSE_MS);
	}
}
