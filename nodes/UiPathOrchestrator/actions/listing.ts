import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FolderRef, OperationExecute, UiPathCredentialType } from '../helpers/interfaces';
import { combineFilters, readDate, readFolder, readPositiveInteger } from '../helpers/parameters';
import { isForbidden, odataString, resolveFolderId, rethrown, uiPathApiRequest, uiPathApiRequestAllItems } from '../transport';
import { folderLocator, odataFilterField, returnAllOrLimit } from '../descriptions/common';

/** `undefined` means every item; otherwise the Limit parameter. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return readPositiveInteger(context, itemIndex, { label: 'Limit', name: 'limit' }, context.getNodeParameter('limit', itemIndex, 50));
}

export function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
}

/** The user's raw OData filter, if any. */
function rawFilter(filters: IDataObject): string | undefined {
	const value = typeof filters.odataFilter === 'string' ? filters.odataFilter.trim() : '';
	return value || undefined;
}

/** What a filter's condition may consult besides its own value. */
export interface FilterScope {
	context: IExecuteFunctions;
	itemIndex: number;
	credentialType: UiPathCredentialType;
	/** Unset for listings that are not folder-scoped. */
	folder?: FolderRef;
}

/** One option of the Filters collection and the OData condition its value stands for. */
export interface ListFilter {
	option: INodeProperties;
	condition: (value: unknown, scope: FilterScope) => string | undefined | Promise<string | undefined>;
}

export interface Listing {
	resource: string;
	/** The OData entity set, e.g. ODATA.releases. */
	path: string;
	/** Whether the listing runs in the folder of the Folder parameter. */
	inFolder: boolean;
	orderBy: 'Id asc' | 'Id desc';
	/** In the order their conditions join the $filter; the raw OData filter always comes last. */
	filters: ListFilter[];
	toOutput: (value: IDataObject) => IDataObject;
	/**
	 * The route to read instead when `path` answers 403 because the identity lacks a tenant-level permission and has
	 * roles only in folders; built from the folder's Id and read with the same query options.
	 */
	whenForbidden?: (folderId: number) => string;
	/**
	 * Large fields the output promises (a job's OutputArguments): an entity listed without one of them is completed
	 * from its single-entity route, since Automation Cloud may leave large data fields out of list answers.
	 */
	complete?: { fields: readonly string[]; entity: (id: number) => string };
	/** For a route that lists across folders (Tasks): the condition that keeps the listing to the chosen folder's Id. */
	folderCondition?: (folderId: number) => string;
	/** Navigation properties to read with each entity (`$expand`). */
	expand?: string;
	/** Reads what an entity keeps elsewhere (a job's output kept as an attachment), one entity at a time, before `toOutput`. */
	readKept?: (context: IExecuteFunctions, credentialType: UiPathCredentialType, folder: FolderRef | undefined, item: IDataObject) => Promise<IDataObject>;
}

/** Fills in the promised fields a list answer left out, one single-entity read per incomplete entity. */
async function completeLargeFields(
	context: IExecuteFunctions,
	credentialType: UiPathCredentialType,
	complete: NonNullable<Listing['complete']>,
	folder: FolderRef | undefined,
	items: IDataObject[],
): Promise<IDataObject[]> {
	const completed: IDataObject[] = [];
	for (const item of items) {
		const missing = complete.fields.filter((field) => !(field in item));
		if (missing.length === 0 || typeof item.Id !== 'number') {
			completed.push(item);
			continue;
		}
		const entity = await uiPathApiRequest<IDataObject>(context, credentialType, { path: complete.entity(item.Id), ...(folder ? { folder } : {}) });
		// The entity's other fields too: an OutputFile beside the OutputArguments the list left out.
		completed.push({ ...entity, ...item, ...Object.fromEntries(missing.map((field) => [field, entity[field] ?? null])) });
	}
	return completed;
}

/** "Name Contains": `contains(<field>, '<text>')`. */
export function nameContains(entities: string, field = 'Name', what = 'name'): ListFilter {
	return {
		option: {
			displayName: 'Name Contains',
			name: 'name',
			type: 'string',
			default: '',
			description: `Only ${entities} whose ${what} contains this text`,
		},
		condition: (value) => (value ? `contains(${field}, ${odataString(String(value))})` : undefined),
	};
}

/** A text filter matched exactly: `<field> eq '<text>'`. */
export function textEquals(displayName: string, name: string, field: string, description: string): ListFilter {
	return {
		option: { displayName, name, type: 'string', default: '', description },
		condition: (value) => (value ? `${field} eq ${odataString(String(value))}` : undefined),
	};
}

/** A multi-choice filter: `<field> eq 'a' or <field> eq 'b'`. */
export function anyOf(
	displayName: string,
	name: string,
	field: string,
	values: readonly string[],
	description: string,
): ListFilter {
	return {
		option: {
			displayName,
			name,
			type: 'multiOptions',
			default: [],
			options: values.map((value) => ({ name: value, value })),
			description,
		},
		condition: (value) => {
			const chosen = Array.isArray(value) ? (value as string[]) : [];
			return chosen.length ? chosen.map((one) => `${field} eq ${odataString(one)}`).join(' or ') : undefined;
		},
	};
}

/** A bound on CreationTime (`ge` for after, `lt` for before), validated as a date. */
export function createdBound(displayName: string, name: string, operator: 'ge' | 'lt'): ListFilter {
	return {
		option: { displayName, name, type: 'dateTime', default: '' },
		condition: (value, { context, itemIndex }) =>
			value
				? `CreationTime ${operator} ${readDate(context, itemIndex, { label: displayName, name: `filters.${name}` }, value)}`
				: undefined,
	};
}

/** Options of a collection are listed by display name, as n8n's editor and linter expect. */
export function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0;
}

/** A Get Many operation: Folder (when folder-scoped), Return All/Limit, Filters with the raw OData filter; paged read. */
export function listOperation(listing: Listing): { description: INodeProperties[]; execute: OperationExecute } {
	const properties: INodeProperties[] = [
		...(listing.inFolder ? [folderLocator] : []),
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [...listing.filters.map((filter) => filter.option), odataFilterField].sort(byDisplayName),
		},
	];

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		credentialType: UiPathCredentialType,
	): Promise<IDataObject[]> {
		const folder = listing.inFolder ? readFolder(this, itemIndex) : undefined;
		const limit = readLimit(this, itemIndex);
		const filters = readFilters(this, itemIndex);
		const scope: FilterScope = { context: this, itemIndex, credentialType, folder };
		const conditions: Array<string | undefined> = [];
		if (listing.folderCondition && folder) conditions.push(listing.folderCondition(await resolveFolderId(this, credentialType, folder)));
		for (const filter of listing.filters) conditions.push(await filter.condition(filters[filter.option.name], scope));
		const $filter = combineFilters([...conditions, rawFilter(filters)]);
		const qs = { $orderby: listing.orderBy, ...($filter ? { $filter } : {}), ...(listing.expand ? { $expand: listing.expand } : {}) };
		let items: IDataObject[];
		try {
			items = await uiPathApiRequestAllItems(this, credentialType, { path: listing.path, ...(folder ? { folder } : {}), qs }, limit);
		} catch (error) {
			if (!listing.whenForbidden || !folder || !isForbidden(error)) throw rethrown(error);
			const folderId = await resolveFolderId(this, credentialType, folder);
			items = await uiPathApiRequestAllItems(this, credentialType, { path: listing.whenForbidden(folderId), folder: { id: folderId }, qs }, limit);
		}
		if (listing.complete) items = await completeLargeFields(this, credentialType, listing.complete, folder, items);
		if (listing.readKept) {
			const kept: IDataObject[] = [];
			for (const item of items) kept.push(await listing.readKept(this, credentialType, folder, item));
			items = kept;
		}
		return items.map(listing.toOutput);
	}

	return {
		description: updateDisplayOptions({ show: { resource: [listing.resource], operation: ['getAll'] } }, properties),
		execute,
	};
}
