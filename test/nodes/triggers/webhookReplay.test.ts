import type { IDataObject } from 'n8n-workflow';

import { MAX_DELIVERY_SKEW_MS, MAX_REMEMBERED_EVENTS, rememberEvent, type ReplayState } from '../../../nodes/UiPathOrchestrator/triggers/webhook/replay';
import { signWebhookBody } from '../../../sandbox';
import { PROCESSES } from '../../../sandbox/fixtures';
import { WebhookTriggerHarness } from '../../harness';
import { NEXT, TRIGGER, triggerSandbox, type TriggerSandbox } from './fixtures';

let env: TriggerSandbox;
let trigger: WebhookTriggerHarness;

beforeAll(async () => {
	env = await triggerSandbox();
	trigger = await WebhookTriggerHarness.start({
		workflow: env.workflow('uiPathOrchestratorTrigger', { events: ['job.completed'] }),
		triggerNode: TRIGGER,
		credentials: env.credentials,
	});
	await trigger.activate();
});

afterAll(async () => {
	await trigger.close();
	await env.sandbox.close();
});

async function post(body: string, signature: string) {
	const response = await fetch(trigger.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-UiPath-Signature': signature }, body });
	return { status: response.status, message: ((await response.json()) as { message: string }).message };
}

/** A job.completed as Orchestrator sends it, with the given Timestamp, signed with the trigger's secret. */
function signedEvent(eventId: string, timestamp: Date): { body: string; signature: string } {
	const body = JSON.stringify({
		Type: 'job.completed',
		EventId: eventId,
		Timestamp: timestamp.toISOString(),
		Job: { Id: 9000, State: 'Successful', Release: { Name: PROCESSES.quick } },
		TenantId: 1,
	});
	return { body, signature: signWebhookBody(String(trigger.staticData.secret), body) };
}

const runsSoFar = async () => {
	await trigger.settled();
	return trigger.runs.length;
};

describe('replayed and stale deliveries', () => {
	it('runs a captured delivery once: sent again, it is answered 200 and starts nothing', async () => {
		const before = await runsSoFar();
		const [job] = await env.startJobs(1, PROCESSES.quick, { Amount: 3 });
		env.sandbox.state.jobs.finish(job.Id);
		await env.sandbox.state.webhooksIdle();
		expect(await runsSoFar()).toBe(before + 1);

		// What someone who captured the request (a proxy log, a leaked trace) would send again, byte for byte.
		const captured = env.sandbox.state.webhookDeliveries.find((delivery) => delivery.type === 'job.completed' && delivery.url === trigger.url);
		if (!captured?.signature) throw new Error('the sandbox made no signed job.completed delivery to the trigger');
		const answers = [await post(captured.body, captured.signature), await post(captured.body, captured.signature)];
		expect(answers).toEqual([
			{ status: 200, message: 'Event ignored: this event was received before (a delivery sent again)' },
			{ status: 200, message: 'Event ignored: this event was received before (a delivery sent again)' },
		]);
		expect(await runsSoFar()).toBe(before + 1);
		expect((trigger.staticData.recentEvents as IDataObject[]).map((event) => event.id)).toContain(captured.eventId);
	});

	it('refuses a replay even when n8n did not save the EventId in static data (n8n 2.41 drops it when a webhook starts a run)', async () => {
		const before = await runsSoFar();
		const event = signedEvent('unsaved-1', new Date());
		expect((await post(event.body, event.signature)).message).toBe('Workflow was started');
		expect(await runsSoFar()).toBe(before + 1);

		// What n8n 2.41 keeps: the static data as it was before the delivery (WorkflowRunner clears its change marker).
		const node = `node:${TRIGGER}`;
		const saved = trigger.workflowStaticData[node] as IDataObject;
		saved.recentEvents = (saved.recentEvents as IDataObject[]).filter((remembered) => remembered.id !== 'unsaved-1');
		expect(await post(event.body, event.signature)).toEqual({ status: 200, message: 'Event ignored: this event was received before (a delivery sent again)' });
		expect(await runsSoFar()).toBe(before + 1);
	});

	it('refuses a delivery whose Timestamp is more than five minutes away, in the past or the future', async () => {
		const before = await runsSoFar();
		const now = Date.now();
		const stale = signedEvent('stale-1', new Date(now - MAX_DELIVERY_SKEW_MS - 60_000));
		const future = signedEvent('future-1', new Date(now + MAX_DELIVERY_SKEW_MS + 60_000));
		for (const event of [stale, future]) {
			expect(await post(event.body, event.signature)).toEqual({
				status: 200,
				message: "Event ignored: its Timestamp is more than 5 minutes from n8n's clock (a delivery sent again later, or a drifting clock)",
			});
		}
		expect(await runsSoFar()).toBe(before);

		// Within the allowed drift a slow delivery still runs.
		const late = signedEvent('late-1', new Date(now - MAX_DELIVERY_SKEW_MS + 60_000));
		expect((await post(late.body, late.signature)).status).toBe(200);
		expect(await runsSoFar()).toBe(before + 1);
		expect(trigger.runs.at(-1)?.json(NEXT)[0]).toMatchObject({ EventId: 'late-1' });
	});
});

describe('numeric EventIds', () => {
	it('are remembered like the same digits as a string (UiPath\'s examples show digits)', async () => {
		const before = await runsSoFar();
		const now = new Date().toISOString();
		const bodies = [307348658, '307348658'].map((EventId) =>
			JSON.stringify({ Type: 'job.completed', EventId, Timestamp: now, Job: { Id: 9001, State: 'Successful' }, TenantId: 1 }),
		);
		const secret = String(trigger.staticData.secret);
		const answers = [];
		for (const body of bodies) answers.push(await post(body, signWebhookBody(secret, body)));
		expect(answers.map((answer) => answer.message)).toEqual(['Workflow was started', 'Event ignored: this event was received before (a delivery sent again)']);
		expect(await runsSoFar()).toBe(before + 1);
	});
});

describe('the remembered EventIds', () => {
	it('stay bounded: at most the last 1,000, and none older than the allowed drift', () => {
		const state: ReplayState = {};
		const now = Date.now();
		for (let index = 0; index < MAX_REMEMBERED_EVENTS + 10; index += 1) expect(rememberEvent(state, `e${index}`, now, now)).toBe(true);
		expect(state.recentEvents).toHaveLength(MAX_REMEMBERED_EVENTS);
		expect(state.recentEvents?.[0].id).toBe('e10');
		expect(rememberEvent(state, `e${MAX_REMEMBERED_EVENTS}`, now, now)).toBe(false);

		// Ten minutes later every remembered event is older than the drift allows, and is dropped.
		expect(rememberEvent(state, 'later', now + 2 * MAX_DELIVERY_SKEW_MS, now + 2 * MAX_DELIVERY_SKEW_MS)).toBe(true);
		expect(state.recentEvents?.map((event) => event.id)).toEqual(['later']);
	});
});
