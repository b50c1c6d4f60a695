import type { IDataObject } from 'n8n-workflow';

/**
 * Where a stream of events resumes: the timestamp of the newest event emitted (UiPath's own string, so no
 * precision is lost) and the Ids emitted at exactly that timestamp. The next poll asks for `time ge since` and
 * skips those Ids, so events that share a timestamp are neither lost nor emitted twice.
 */
export interface PollCursor extends IDataObject {
	/** Changes when the filters change; a cursor made for other filters is started afresh. */
	scope: string;
	since: string | null;
	edge: number[];
}

export function isPollCursor(value: unknown): value is PollCursor {
	if (typeof value !== 'object' || value === null) return false;
	const cursor = value as IDataObject;
	return (
		typeof cursor.scope === 'string' &&
		(cursor.since === null || typeof cursor.since === 'string') &&
		Array.isArray(cursor.edge) &&
		cursor.edge.every((id) => typeof id === 'number')
	);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A timestamp UiPath sent, as an OData literal: kept as sent when it is ISO 8601, so nothing else reaches a filter. */
export function odataDateTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	if (ISO_DATE_TIME.test(value)) return value;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** One event of a stream: the entity's Id and the timestamp that marks the event. */
export interface Stamp {
	id: number;
	time: string;
}

export function stampOf(entity: IDataObject, timeField: string): Stamp | undefined {
	const time = odataDateTime(entity[timeField]);
	return typeof entity.Id === 'number' && time ? { id: entity.Id, time } : undefined;
}

/** The entities not emitted yet: anything at the cursor's edge timestamp whose Id was emitted is dropped. */
export function unseen<T extends IDataObject>(entities: T[], cursor: PollCursor, timeField: string): T[] {
	const since = cursor.since === null ? undefined : Date.parse(cursor.since);
	const edge = new Set(cursor.edge);
	return entities.filter((entity) => {
		const stamp = stampOf(entity, timeField);
		if (!stamp) return false;
		if (stamp.time === cursor.since) return !edge.has(stamp.id);
		return since === undefined || Date.parse(stamp.time) >= since;
	});
}

/** The cursor after emitting `emitted`, which UiPath returned oldest first. */
export function advance(cursor: PollCursor, emitted: Stamp[]): PollCursor {
	const last = emitted[emitted.length - 1];
	if (!last) return cursor;
	const atEdge = emitted.filter((stamp) => stamp.time === last.time).map((stamp) => stamp.id);
	const edge = last.time === cursor.since ? [...new Set([...cursor.edge, ...atEdge])] : atEdge;
	return { scope: cursor.scope, since: last.time, edge };
}
