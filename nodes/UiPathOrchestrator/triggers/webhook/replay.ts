import type { IDataObject } from 'n8n-workflow';

/** How far a delivery's `Timestamp` may lie from n8n's clock, either way: UiPath's delay plus the two clocks' drift. */
export const MAX_DELIVERY_SKEW_MS = 5 * 60 * 1000;
/** At most this many EventIds are remembered; older ones fall out first (their Timestamp soon refuses them anyway). */
export const MAX_REMEMBERED_EVENTS = 1000;

/** An event that started a run: its EventId and its Timestamp (ms), kept in the node's static data. */
export interface RememberedEvent extends IDataObject {
	id: string;
	at: number;
}

export interface ReplayState extends IDataObject {
	recentEvents?: RememberedEvent[];
}

/** The delivery's Timestamp in ms, or undefined when it is missing or not a date. */
export function eventTime(payload: IDataObject): number | undefined {
	const at = typeof payload.Timestamp === 'string' ? Date.parse(payload.Timestamp) : NaN;
	return Number.isNaN(at) ? undefined : at;
}

/** Whether a Timestamp is too far from now to be a delivery UiPath just made (a captured one sent again later). */
export const isStale = (at: number, now: number) => Math.abs(now - at) > MAX_DELIVERY_SKEW_MS;

/**
 * Remembers the event unless it was seen before; answers whether it is new. Check and record run without a pause
 * in between, so two copies of one delivery racing in the same n8n process cannot both pass.
 */
export function rememberEvent(state: ReplayState, id: string, at: number, now: number): boolean {
	const recent = (state.recentEvents ?? []).filter((event) => !isStale(event.at, now));
	if (recent.some((event) => event.id === id)) {
		state.recentEvents = recent;
		return false;
	}
	recent.push({ id, at });
	state.recentEvents = recent.slice(-MAX_REMEMBERED_EVENTS);
	return true;
}

/**
 * The same EventIds per trigger in this n8n process: n8n 2.41 drops static data written by a webhook that starts a run
 * (WorkflowRunner.establishContextForPersistence re-wraps it, clearing its change marker, so it is never saved). Queue
 * mode receives webhooks in the main process too; a restart forgets them, and the Timestamp check remains.
 */
const processMemory = new Map<string, ReplayState>();

/** Remembers the event both in the node's static data and in this process's memory of the trigger; answers whether it is new. */
export function rememberDelivery(trigger: string, state: ReplayState, id: string, at: number, now: number): boolean {
	for (const [key, memory] of processMemory) {
		if (!memory.recentEvents?.some((event) => !isStale(event.at, now))) processMemory.delete(key);
	}
	const memory = processMemory.get(trigger) ?? {};
	processMemory.set(trigger, memory);
	return [rememberEvent(state, id, at, now), rememberEvent(memory, id, at, now)].every(Boolean);
}
