import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PROCESSES } from '../../../sandbox/fixtures';
import { PollTriggerHarness } from '../../harness/poll';
import { folderPath, NEXT, TRIGGER, triggerSandbox, type TriggerSandbox } from './fixtures';

let env: TriggerSandbox;

beforeAll(async () => {
	env = await triggerSandbox();
});

afterAll(async () => {
	await env.sandbox.close();
});

function jobTrigger(parameters: INodeParameters = {}) {
	return new PollTriggerHarness({
		workflow: env.workflow('uiPathOrchestratorPollingTrigger', { event: 'jobFinished', folder: folderPath('Shared'), ...parameters }),
		triggerNode: TRIGGER,
		credentials: env.credentials,
	});
}

const ids = (items: IDataObject[]) => items.map((item) => item.Id as number);

it('starts at the newest finished job, then emits each job that finishes afterwards exactly once', async () => {
	const trigger = jobTrigger();
	expect((await trigger.poll()).emitted).toBeNull();

	const started = await env.startJobs(3, PROCESSES.quick, { InvoiceId: 'INV-7', Amount: 12 });
	env.sandbox.state.jobs.finishAll();
	const outcome = await trigger.poll();
	expect(outcome.error).toBeUndefined();
	expect(outcome.run?.status).toBe('success');
	const emitted = outcome.run!.json(NEXT);
	expect(ids(emitted).sort()).toEqual(ids(started).sort());
	expect(emitted[0]).toMatchObject({ State: 'Successful', ReleaseName: PROCESSES.quick, InputArguments: { InvoiceId: 'INV-7', Amount: 12 } });
	expect(typeof emitted[0].OutputArguments).toBe('object');

	expect((await trigger.poll()).emitted).toBeNull();
});
