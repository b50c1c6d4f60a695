import { randomUUID } from 'crypto';

import { FOLDERS, PROCESSES } from '../../../sandbox/fixtures';
import type { E2eContext } from '../context';
import { expectStatus, HttpClient, poll } from '../http';
import { TRIGGER_NODE } from '../loadedTypes';
import { expect } from '../report';
import {
	createActiveWorkflow,
	executionsOf,
	loadWorkflowTemplate,
	nodeOutput,
	publishWorkflow,
	useCredential,
	type CredentialRef,
} from '../workflows';
import { invoiceEchoRelease } from './webhookStartJob';

/**
 * Scenario 4: an active workflow with uiPathOrchestratorTrigger. Activation subscribes to Orchestrator's
 * webhooks; a job started outside n8n (as a person or another robot would) finishes in the sandbox, whose
 * signed delivery starts one execution carrying the job. A forged delivery starts nothing, the same signed
 * delivery sent again starts nothing, and deactivation removes the subscription.
 */
export async function jobTrigger(context: E2eContext, credential: CredentialRef): Promise<string> {
	const { client, sandbox } = context;
	const store = sandbox.state.store;
	const webhookId = randomUUID();
	const template = await loadWorkflowTemplate('jobFinishedTrigger.json', {
		AUTH_LABEL: credential.type,
		WEBHOOK_ID: webhookId,
		CREDENTIAL_TYPE: credential.type,
		FOLDER_PATH: FOLDERS.shared,
		PROCESS_NAME: PROCESSES.quick,
	});
	const workflowId = await createActiveWorkflow(client, useCredential(template, TRIGGER_NODE, credential));
	const deliveryUrl = `${client.server.baseUrl}/webhook/${webhookId}/webhook`;
	// n8n registers webhooks shortly after publishing answers.
	const subscription = await poll(
		`an Orchestrator webhook subscription for ${deliveryUrl}`,
		async () => [...store.webhooks.values()].find((webhook) => webhook.Url === deliveryUrl),
		{ timeoutMs: 15_000, intervalMs: 200 },
	);
	expect(Boolean(subscription.Secret), 'the subscription has no secret, so deliveries cannot be signed');

	const forged = await new HttpClient().request(deliveryUrl, {
		body: { Type: 'job.completed', Job: { Id: 1 } },
		headers: { 'X-UiPath-Signature': Buffer.from('forged').toString('base64') },
	});
	expect(forged.status === 401, `a forged delivery was answered ${forged.status}, not 401`);

	const [jobId] = await startJobsOutsideN8n(context, { Batch: 'B-7', Amount: 42 });
	const execution = await poll(
		'the trigger execution',
		async () => (await executionsOf(client, workflowId)).find((entry) => entry.status === 'success'),
		{ timeoutMs: 30_000 },
	);
	const event = nodeOutput(execution, 'Invoice robot finished') as { Type?: string; Job?: Record<string, unknown> } | undefined;
	expect(event?.Type === 'job.completed', `the execution started from ${String(event?.Type)}, not job.completed`);
	expect(event.Job?.Id === jobId, `the execution carries job ${String(event.Job?.Id)}, not ${jobId}`);
	expect(JSON.stringify(event.Job?.OutputArguments) === JSON.stringify({ Batch: 'B-7', Amount: 42, Total: 42 }), 'the job output arguments did not arrive parsed');
	await sandbox.state.webhooksIdle();
	const executions = await executionsOf(client, workflowId);
	expect(executions.length === 1, `${executions.length} executions, expected exactly one (the forged delivery must start none)`);
	const delivery = sandbox.state.webhookDeliveries.find((entry) => entry.url === deliveryUrl && entry.type === 'job.completed');
	expect(delivery?.status === 200, `n8n answered the signed delivery with ${String(delivery?.status ?? delivery?.error)}`);

	// The captured delivery sent again, byte for byte: the trigger remembered its EventId, so nothing runs. The answer
	// says which (n8n answers a started run before the execution is listed, so the count alone could miss it).
	const replay = await fetch(deliveryUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-UiPath-Signature': delivery.signature ?? '' },
		body: delivery.body,
	});
	expect(replay.status === 200, `the replayed delivery was answered ${replay.status}, not 200`);
	const answer = ((await replay.json()) as { message?: string }).message;
	expect(answer === 'Event ignored: this event was received before (a delivery sent again)', `the replayed delivery was answered "${String(answer)}"`);
	const afterReplay = await executionsOf(client, workflowId);
	expect(afterReplay.length === 1, `${afterReplay.length} executions after the replay, expected still one`);

	await publishWorkflow(client, workflowId, 'unpublish');
	await poll(
		'deactivation to remove the Orchestrator subscription',
		async () => ([...store.webhooks.values()].some((webhook) => webhook.Url === deliveryUrl) ? undefined : true),
		{ timeoutMs: 15_000, intervalMs: 200 },
	);
	return `subscribed on activation; forged delivery → 401; job ${jobId} finished → 1 execution with its output; replayed delivery → 200, no execution; unsubscribed on deactivation`;
}

/** Starts Invoice Echo jobs straight through the sandbox's Orchestrator API with its personal access token, as a person or another robot would. */
export async function startJobsOutsideN8n(
	context: E2eContext,
	inputArguments: Record<string, unknown>,
	{ folderPath = FOLDERS.shared, jobsCount = 1 }: { folderPath?: string; jobsCount?: number } = {},
): Promise<number[]> {
	const { credentials, store } = context.sandbox.state;
	const folder = store.folderByPath(folderPath);
	expect(folder, `the sandbox has no ${folderPath} folder`);
	const response = await new HttpClient().request(`${credentials.orchestratorUrl}/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs`, {
		headers: { authorization: `Bearer ${credentials.personalAccessToken}`, 'X-UIPATH-OrganizationUnitId': String(folder.Id) },
		body: {
			startInfo: {
				ReleaseKey: invoiceEchoRelease(context, folderPath).key,
				Strategy: 'ModernJobsCount',
				JobsCount: jobsCount,
				InputArguments: JSON.stringify(inputArguments),
			},
		},
	});
	const started = expectStatus(response, [200, 201], 'StartJobs in the sandbox').json as { value?: Array<{ Id: number }> };
	const jobIds = (started.value ?? []).map((job) => job.Id);
	expect(jobIds.length === jobsCount, `the sandbox started ${jobIds.length} jobs, not ${jobsCount}`);
	return jobIds;
}
