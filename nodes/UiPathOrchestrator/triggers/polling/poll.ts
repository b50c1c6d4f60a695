import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { credentialTypeOf } from '../parameters';
import { advance, isPollCursor, stampOf, unseen, type PollCursor, type Stamp } from './cursor';
import { fetchLatest, fetchSince, type EventStream } from './stream';

/** n8n before the poll budget existed allowed a poll about this long. */
const DEFAULT_BUDGET_MS = 5 * 60_000;
/** Share of n8n's poll budget spent fetching; the rest is left for the last page and the hand-off. */
const BUDGET_SHARE = 0.8;

interface Event {
	stamp: Stamp;
	entity: IDataObject;
	stream: EventStream;
}

const byTime = (a: Event, b: Event) => Date.parse(a.stamp.time) - Date.parse(b.stamp.time) || a.stamp.id - b.stamp.id;

function eventsOf(stream: EventStream, entities: IDataObject[]): Event[] {
	return entities.flatMap((entity) => {
		const stamp = stampOf(entity, stream.timeField);
		return stamp ? [{ stamp, entity, stream }] : [];
	});
}

/** The events as the workflow receives them; only these, the ones emitted, read what their entity keeps elsewhere. */
async function itemsOf(context: IPollFunctions, events: Event[]): Promise<INodeExecutionData[]> {
	const credentialType = credentialTypeOf(context);
	const items: INodeExecutionData[] = [];
	for (const { entity, stream } of events) {
		const complete = stream.readKept ? await stream.readKept(context, credentialType, entity) : entity;
		items.push({ json: stream.toItem(complete) });
	}
	return items;
}

/** Manual mode ("Fetch test event"): the newest matching event, so the user sees real data while building. */
async function latestEvent(context: IPollFunctions, streams: EventStream[]): Promise<INodeExecutionData[][] | null> {
	const credentialType = credentialTypeOf(context);
	const latest: Event[] = [];
	for (const stream of streams) {
		const entity = await fetchLatest(context, credentialType, stream);
		if (entity) latest.push(...eventsOf(stream, [entity]));
	}
	const newest = latest.sort(byTime).pop();
	return newest ? [await itemsOf(context, [newest])] : null;
}

/** A new cursor starts at the newest existing event, so activation emits nothing that happened before it. */
async function startCursor(context: IPollFunctions, stream: EventStream): Promise<PollCursor> {
	const credentialType = credentialTypeOf(context);
	const fresh: PollCursor = { scope: stream.scope, since: null, edge: [] };
	const latest = await fetchLatest(context, credentialType, stream);
	const stamp = latest && stampOf(latest, stream.timeField);
	if (!stamp) return fresh;
	// Every event at that very timestamp counts as seen; anything newer is left for the next poll.
	const { entities } = await fetchSince(context, credentialType, stream, { ...fresh, since: stamp.time }, Number.POSITIVE_INFINITY);
	return advance(fresh, eventsOf(stream, entities).map((event) => event.stamp).filter((seen) => seen.time === stamp.time));
}

/**
 * One poll over the streams: events after each stream's cursor, oldest first, or null when nothing is new.
 * Cursors are written to static data only after every request succeeded, so a failed poll changes nothing and
 * the next one reads the same window again.
 */
export async function pollStreams(context: IPollFunctions, streams: EventStream[]): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await latestEvent(context, streams);
	const credentialType = credentialTypeOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const cursors = (typeof staticData.cursors === 'object' && staticData.cursors !== null ? staticData.cursors : {}) as IDataObject;
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	const deadline = Date.now() + budget * BUDGET_SHARE;

	const nextCursors: Record<string, PollCursor> = {};
	const events: Event[] = [];
	for (const stream of streams) {
		const cursor = cursors[stream.key];
		if (!isPollCursor(cursor) || cursor.scope !== stream.scope) {
			nextCursors[stream.key] = await startCursor(context, stream);
			continue;
		}
		// A page cut short by the deadline is fine: the cursor stops at the last event emitted.
		const { entities } = await fetchSince(context, credentialType, stream, cursor, deadline);
		const fresh = eventsOf(stream, unseen(entities, cursor, stream.timeField));
		nextCursors[stream.key] = advance(cursor, fresh.map((event) => event.stamp));
		events.push(...fresh);
	}
	// Read before the cursors move: a failed read leaves the window to the next poll instead of losing its events.
	const items = await itemsOf(context, events.sort(byTime));
	staticData.cursors = nextCursors;
	return items.length === 0 ? null : [items];
}
