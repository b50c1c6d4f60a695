import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import { combineFilters } from '../../helpers/parameters';
import { listPageSize, uiPathApiRequestPage } from '../../transport';
import { unseen, type PollCursor } from './cursor';

/** One kind of event the polling trigger reads: entities of one OData set, marked by one timestamp. */
export interface EventStream {
	/** Key of the stream's cursor in the node's static data. */
	key: string;
	/** The filters in words; a cursor made for other filters is started afresh. */
	scope: string;
	path: string;
	folder: FolderRef;
	/** Conditions besides the time window (states, process, queue). */
	filter: string | undefined;
	/** The timestamp that marks the event, such as a job's EndTime. */
	timeField: string;
	/** The entity as the workflow receives it, in the action node's shape. */
	toItem(entity: IDataObject): IDataObject;
	/** Reads what an emitted entity keeps elsewhere (a job's output kept as an attachment). */
	readKept?(context: IPollFunctions, credentialType: UiPathCredentialType, entity: IDataObject): Promise<IDataObject>;
}

/**
 * Entities at or after the cursor's timestamp, oldest first. Once the deadline passes, paging stops (complete:
 * false) as soon as something new was read, so a poll always makes progress even past a page of edge Ids.
 */
export async function fetchSince(
	context: IPollFunctions,
	credentialType: UiPathCredentialType,
	stream: EventStream,
	cursor: PollCursor,
	deadline: number,
): Promise<{ entities: IDataObject[]; complete: boolean }> {
	const window = cursor.since === null ? `${stream.timeField} ne null` : `${stream.timeField} ge ${cursor.since}`;
	const request = {
		path: stream.path,
		folder: stream.folder,
		// Oldest first: what finishes while the poll pages lands after the pages already read, so $skip stays valid.
		qs: { $filter: combineFilters([stream.filter, window]), $orderby: `${stream.timeField} asc,Id asc` },
	};
	const entities: IDataObject[] = [];
	let top = await listPageSize(context, credentialType, stream.path);
	for (;;) {
		const page = await uiPathApiRequestPage(context, credentialType, request, { top, skip: entities.length });
		top = page.top;
		entities.push(...page.items);
		const done = page.items.length < page.top || (page.count !== undefined && entities.length >= page.count);
		if (done) return { entities, complete: true };
		if (Date.now() >= deadline && unseen(entities, cursor, stream.timeField).length > 0) return { entities, complete: false };
	}
}

/** The stream's newest entity, or undefined when there is none. */
export async function fetchLatest(
	context: IPollFunctions,
	credentialType: UiPathCredentialType,
	stream: EventStream,
): Promise<IDataObject | undefined> {
	const page = await uiPathApiRequestPage(
		context,
		credentialType,
		{
			path: stream.path,
			folder: stream.folder,
			qs: {
				$filter: combineFilters([stream.filter, `${stream.timeField} ne null`]),
				$orderby: `${stream.timeField} desc,Id desc`,
			},
		},
		{ top: 1, skip: 0 },
	);
	return page.items[0];
}
