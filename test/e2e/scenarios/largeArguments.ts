import type { E2eContext } from '../context';
import { expect } from '../report';
import { callWebhook } from '../workflows';
import { createChainedWorkflow, INVOICE_TOTAL, newInvoice } from './webhookStartJob';

/**
 * Scenario 6: the chained workflow (webhook → Job Start and wait → respond) in the real n8n, on a job whose input is
 * too large to send inline (InputFile) and whose output the sandbox keeps as an attachment (OutputFile): the webhook
 * caller must still get the robot's output arguments, parsed, and the job the whole input.
 */
export async function largeArguments(context: E2eContext): Promise<string> {
	const credential = context.oauth2Credential;
	expect(credential, 'needs the credential of scenario 1');
	const { attachments } = context.sandbox.state;
	const { path } = await createChainedWorkflow(context, credential, 'large arguments');
	const invoice = { ...newInvoice(), Notes: 'n'.repeat(20_000) };
	const before = attachments.outputFileAbove;
	attachments.outputFileAbove = 1_000;
	let response: Awaited<ReturnType<typeof callWebhook>>;
	try {
		response = await callWebhook(context.client, path, invoice);
	} finally {
		attachments.outputFileAbove = before;
	}
	expect(response.status === 200, `the webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	const answer = response.json as { jobId?: number; state?: string; output?: Record<string, unknown> } | undefined;
	const job = context.sandbox.state.store.jobs.get(Number(answer?.jobId));
	expect(job && answer?.state === 'Successful', `the job ended ${answer?.state}: ${response.text.slice(0, 300)}`);
	expect(job.InputArguments === null && typeof job.InputFile === 'string', 'the input did not travel as an InputFile');
	expect(job.OutputArguments === null && typeof job.OutputFile === 'string', 'the sandbox did not keep the output as an OutputFile');
	expect(JSON.stringify(answer?.output) === JSON.stringify({ ...invoice, Total: INVOICE_TOTAL }), `OutputArguments are ${response.text.slice(0, 200)}…`);
	return `job ${job.Id}: InputFile ${job.InputFile}, OutputFile ${job.OutputFile}; the webhook answered the ${response.text.length}-character output, parsed`;
}
