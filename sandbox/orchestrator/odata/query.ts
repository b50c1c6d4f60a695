import { invalidQuery } from '../reply';
import type { FilterNode } from './ast';
import { evaluate, memberPaths } from './evaluate';
import { FilterSyntaxError } from './lexer';
import { parseFilter } from './parser';

/** Orchestrator's MaxTop: a larger `$top` is refused, and no page is ever larger. */
export const MAX_TOP = 1000;

/** Entity sets whose MaxTop differs on Automation Cloud: `$top` on QueueItems is at most 100 since June 2024. */
export const CLOUD_MAX_TOP: Readonly<Record<string, number>> = { QueueItems: 100 };

/** How one OData entity set is exposed: its DTO type, its properties and what `$expand` can add. */
export interface EntitySet<T> {
	/** Name in the URL and in `@odata.context`, e.g. `Jobs`. */
	name: string;
	/** DTO type name in UiPath's description, e.g. `JobDto`. */
	typeName: string;
	/** Properties every answer carries, in UiPath's order (null when unset, as UiPath sends them). */
	fields: readonly string[];
	/** Navigation properties, sent only when `$expand` names them. */
	navigation?: Readonly<Record<string, (entity: T) => unknown>>;
}

export interface ODataQuery {
	filter?: FilterNode;
	orderBy: { path: string[]; descending: boolean }[];
	select?: string[];
	expand: string[];
	top?: number;
	/** The entity set's MaxTop: the largest `$top` accepted and the page size without one. */
	maxTop: number;
	skip: number;
	count: boolean;
}

const KNOWN_OPTIONS = new Set(['$filter', '$orderby', '$select', '$expand', '$top', '$skip', '$count']);

const qualified = (typeName: string) => `UiPath.Server.Configuration.OData.${typeName}`;

function unknownProperty<T>(set: EntitySet<T>, name: string) {
	return invalidQuery(`Could not find a property named '${name}' on type '${qualified(set.typeName)}'.`);
}

function parseInteger(name: string, raw: string): number {
	if (!/^\d+$/.test(raw.trim())) {
		throw invalidQuery(`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
	}
	return Number.parseInt(raw, 10);
}

function checkPath<T>(set: EntitySet<T>, path: readonly string[]) {
	const [head] = path;
	if (!set.fields.includes(head) && !(set.navigation && head in set.navigation)) throw unknownProperty(set, head);
}

/** Parses and checks the OData system query options of a collection request. */
export function parseQuery<T>(set: EntitySet<T>, params: URLSearchParams, maxTop = MAX_TOP): ODataQuery {
	for (const key of params.keys()) {
		if (key.startsWith('$') && !KNOWN_OPTIONS.has(key)) {
			throw invalidQuery(`The query parameter '${key}' is not supported.`);
		}
	}
	const query: ODataQuery = { orderBy: [], expand: [], maxTop, skip: 0, count: false };

	const top = params.get('$top');
	if (top !== null) {
		query.top = parseInteger('$top', top);
		if (query.top > maxTop) {
			// ASP.NET OData's own wording, which clients read the limit from.
			throw invalidQuery(`The limit of '${maxTop}' for Top query has been exceeded. The value from the incoming request is '${query.top}'.`);
		}
	}
	const skip = params.get('$skip');
	if (skip !== null) query.skip = parseInteger('$skip', skip);

	const count = params.get('$count');
	if (count !== null) {
		if (count !== 'true' && count !== 'false') {
			throw invalidQuery(`'${count}' is not a valid count option.`);
		}
		query.count = count === 'true';
	}

	const filter = params.get('$filter');
	if (filter !== null && filter.trim() !== '') {
		try {
			query.filter = parseFilter(filter);
		} catch (error) {
			if (error instanceof FilterSyntaxError) throw invalidQuery(error.message);
			throw error;
		}
		for (const path of memberPaths(query.filter)) checkPath(set, path);
	}

	const orderBy = params.get('$orderby');
	if (orderBy !== null && orderBy.trim() !== '') {
		for (const clause of orderBy.split(',')) {
			const [field, direction, extra] = clause.trim().split(/\s+/);
			if (extra !== undefined || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
				throw invalidQuery(`Syntax error in $orderby clause '${clause.trim()}'.`);
			}
			const path = field.split('/');
			checkPath(set, path);
			query.orderBy.push({ path, descending: direction === 'desc' });
		}
	}

	const expand = params.get('$expand');
	if (expand !== null && expand.trim() !== '') {
		for (const item of expand.split(',')) {
			const name = item.trim().replace(/\(.*\)$/, '');
			if (!set.navigation || !(name in set.navigation)) throw unknownProperty(set, name);
			query.expand.push(name);
		}
	}

	const select = params.get('$select');
	if (select !== null && select.trim() !== '' && select.trim() !== '*') {
		query.select = select.split(',').map((name) => name.trim());
		for (const name of query.select) {
			if (!set.fields.includes(name) && !query.expand.includes(name)) throw unknownProperty(set, name);
		}
	}
	return query;
}

/** Reads a property path of an entity, following navigation properties. */
export function resolvePath<T extends object>(set: EntitySet<T>, entity: T, path: readonly string[]): unknown {
	const [head, ...rest] = path;
	let value: unknown = set.navigation && head in set.navigation ? set.navigation[head](entity) : (entity as Record<string, unknown>)[head];
	for (const segment of rest) {
		if (value === null || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[segment];
	}
	return value;
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const left = a.toLowerCase();
		const right = b.toLowerCase();
		return left < right ? -1 : left > right ? 1 : 0;
	}
	return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Turns a stored entity into what goes on the wire: every field (null when unset), expansions, then `$select`. */
export function serialize<T extends object>(set: EntitySet<T>, entity: T, query: Pick<ODataQuery, 'select' | 'expand'>): Record<string, unknown> {
	const record = entity as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	const names = query.select ?? [...set.fields, ...query.expand];
	for (const name of names) {
		if (query.expand.includes(name) && set.navigation) out[name] = set.navigation[name](entity);
		else out[name] = record[name] ?? null;
	}
	if (query.select) {
		for (const name of query.expand) if (!(name in out) && set.navigation) out[name] = set.navigation[name](entity);
	}
	return out;
}

export interface CollectionOptions {
	/** Base URL of the Orchestrator service as the caller addressed it, for `@odata.context`. */
	serviceRoot: string;
}

/** Applies `$filter`, `$orderby`, `$skip`, `$top`, `$count`, `$expand`, `$select` and builds UiPath's OData envelope. */
export function collectionResponse<T extends object>(
	set: EntitySet<T>,
	entities: Iterable<T>,
	query: ODataQuery,
	options: CollectionOptions,
): Record<string, unknown> {
	const resolve = (entity: T, path: readonly string[]) => resolvePath(set, entity, path);
	let matching = [...entities];
	if (query.filter) {
		const filter = query.filter;
		matching = matching.filter((entity) => evaluate(filter, entity, resolve) === true);
	}
	const orderBy = query.orderBy.length > 0 ? query.orderBy : [{ path: ['Id'], descending: false }];
	matching.sort((a, b) => {
		for (const { path, descending } of orderBy) {
			const order = compareValues(resolve(a, path), resolve(b, path));
			if (order !== 0) return descending ? -order : order;
		}
		return 0;
	});
	const page = matching.slice(query.skip, query.skip + (query.top ?? query.maxTop));
	const selection = query.select ? `(${query.select.join(',')})` : '';
	const envelope: Record<string, unknown> = {
		'@odata.context': `${options.serviceRoot}/odata/$metadata#${set.name}${selection}`,
	};
	if (query.count) envelope['@odata.count'] = matching.length;
	envelope.value = page.map((entity) => serialize(set, entity, query));
	return envelope;
}

/** The envelope of a single entity (`Jobs(42)`). */
export function entityResponse<T extends object>(
	set: EntitySet<T>,
	entity: T,
	query: Pick<ODataQuery, 'select' | 'expand'>,
	options: CollectionOptions,
): Record<string, unknown> {
	return {
		'@odata.context': `${options.serviceRoot}/odata/$metadata#${set.name}/$entity`,
		...serialize(set, entity, query),
	};
}
