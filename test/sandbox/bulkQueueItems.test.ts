import { FOLDERS, QUEUE } from '../../sandbox/fixtures';
import { sandboxSuite } from './client';

const BULK = '/odata/Queues/UiPathODataSvc.BulkAddQueueItems';

describe('sandbox Orchestrator: BulkAddQueueItems and deleting queue items', () => {
	const suite = sandboxSuite();
	const shared = { folder: FOLDERS.shared };
	const bulk = (commitType: string, references: string[]) =>
		suite.call('POST', BULK, {
			...shared,
			body: { queueName: QUEUE, commitType, queueItems: references.map((Reference) => ({ Name: QUEUE, Reference, SpecificContent: { Reference } })) },
		});
	const exists = (reference: string) => [...suite.sandbox.state.store.queueItems.values()].some((item) => item.Reference === reference);

	test('adds every item and sends one queueItem.added event carrying them all, with their queue', async () => {
		await suite.call('POST', '/odata/Webhooks', {
			body: { Name: 'bulk', Url: 'http://127.0.0.1:9/unreachable', Enabled: true, SubscribeToAllEvents: false, AllowInsecureSsl: false, Events: [{ EventType: 'queueItem.added' }] },
		});
		const before = suite.sandbox.state.webhookDeliveries.length;
		const answer = await bulk('AllOrNothing', ['B-1', 'B-2', 'B-3']);
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ Success: true, FailedItems: [] });
		expect(['B-1', 'B-2', 'B-3'].every(exists)).toBe(true);
		const deliveries = suite.sandbox.state.webhookDeliveries.slice(before);
		expect(deliveries.map((delivery) => delivery.type)).toEqual(['queueItem.added']);
		const payload = JSON.parse(deliveries[0].body);
		expect(payload.QueueItems.map((item: { Reference: string }) => item.Reference)).toEqual(['B-1', 'B-2', 'B-3']);
		expect(payload.Queue).toMatchObject({ Name: QUEUE });
		await suite.sandbox.state.webhooksIdle();
	});

	test.each([
		['AllOrNothing', [], [1]],
		['StopOnFirstFailure', ['C-StopOnFirstFailure-0'], [1]],
		['ProcessAllIndependently', ['C-ProcessAllIndependently-0', 'C-ProcessAllIndependently-2'], [1]],
	])('%s: a duplicate reference fails its item (named by Ordinal) and decides the others', async (commitType, added, failedOrdinals) => {
		const references = [`C-${commitType}-0`, 'B-1', `C-${commitType}-2`];
		const answer = await bulk(commitType, references);
		expect(answer.json.Success).toBe(false);
		const failed = answer.json.FailedItems as Array<{ Ordinal: number; ErrorCode: string; ErrorMessage: string }>;
		expect(failed.map((item) => item.Ordinal)).toEqual(failedOrdinals);
		expect(failed[0]).toMatchObject({ ErrorCode: 'DuplicateReference', ErrorMessage: 'Error creating Transaction. Duplicate Reference.' });
		expect(references.filter(exists).filter((reference) => reference !== 'B-1')).toEqual(added);
	});

	test('refuses a request without a valid commit type or with an unknown queue', async () => {
		expect((await bulk('Sometimes', ['D-1'])).json.message).toMatch(/commitType must be one of AllOrNothing, StopOnFirstFailure, ProcessAllIndependently/);
		const unknown = await suite.call('POST', BULK, { ...shared, body: { queueName: 'Payroll', commitType: 'AllOrNothing', queueItems: [] } });
		expect(unknown.status).toBe(404);
	});

	test('DELETE QueueItems(key) marks a New item Deleted and refuses one a robot has taken', async () => {
		const item = [...suite.sandbox.state.store.queueItems.values()].find((candidate) => candidate.Reference === 'B-2')!;
		expect((await suite.call('DELETE', `/odata/QueueItems(${item.Id})`, shared)).status).toBe(204);
		expect((await suite.call('GET', `/odata/QueueItems(${item.Id})`, shared)).json.Status).toBe('Deleted');
		const again = await suite.call('DELETE', `/odata/QueueItems(${item.Id})`, shared);
		expect([again.status, again.json.message]).toEqual([400, `Queue item ${item.Id} cannot be deleted: only items in status New can be deleted, and it is Deleted.`]);
		expect((await suite.call('DELETE', '/odata/QueueItems(1)', shared)).status).toBe(404);
	});
});
