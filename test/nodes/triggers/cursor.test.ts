import { advance, odataDateTime, unseen, type PollCursor } from '../../../nodes/UiPathOrchestrator/triggers/polling/cursor';

const job = (Id: number, EndTime: string) => ({ Id, EndTime });

describe('polling cursor', () => {
	it('keeps UiPath\'s timestamps as sent and lets nothing else into a filter', () => {
		expect(odataDateTime('2026-03-01T10:00:00.1234567Z')).toBe('2026-03-01T10:00:00.1234567Z');
		expect(odataDateTime('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T10:00:00+02:00');
		expect(odataDateTime('2026-03-01T10:00:00Z or 1 eq 1')).toBeUndefined();
		expect(odataDateTime('Sun, 01 Mar 2026 10:00:00 GMT')).toBe('2026-03-01T10:00:00.000Z');
		expect(odataDateTime(null)).toBeUndefined();
	});

	it('skips only the Ids already emitted at the edge timestamp', () => {
		const cursor: PollCursor = { scope: 's', since: '2026-03-01T10:00:00.500Z', edge: [7] };
		const listed = [job(7, '2026-03-01T10:00:00.500Z'), job(9, '2026-03-01T10:00:00.500Z'), job(8, '2026-03-01T10:00:01.000Z')];
		expect(unseen(listed, cursor, 'EndTime').map((entity) => entity.Id)).toEqual([9, 8]);
	});

	it('moves the edge to the newest timestamp, or grows it when the timestamp stays', () => {
		const cursor: PollCursor = { scope: 's', since: '2026-03-01T10:00:00.500Z', edge: [7] };
		expect(advance(cursor, [])).toBe(cursor);
		expect(advance(cursor, [{ id: 9, time: '2026-03-01T10:00:00.500Z' }])).toEqual({ scope: 's', since: cursor.since, edge: [7, 9] });
		expect(
			advance(cursor, [
				{ id: 9, time: '2026-03-01T10:00:00.500Z' },
				{ id: 3, time: '2026-03-01T10:00:02.000Z' },
				{ id: 4, time: '2026-03-01T10:00:02.000Z' },
			]),
		).toEqual({ scope: 's', since: '2026-03-01T10:00:02.000Z', edge: [3, 4] });
	});
});
