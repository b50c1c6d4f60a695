import type { Route, RouteContext } from '../context';
import { collectionResponse, entityResponse, parseQuery, type EntitySet } from '../odata/query';
import { notFound, ok } from '../reply';

type Options<T extends object> = Pick<Route, 'scopes' | 'folderScoped' | 'rateLimited' | 'tenantPermission'> & {
	set: (context: RouteContext) => EntitySet<T>;
	/** The entities visible to this request (in the header's folder for folder-scoped routes). */
	items: (context: RouteContext) => Iterable<T>;
};

const segment = (name: string) => name.replace(/\./g, '\\.');

/** `GET /odata/<Set>` with the OData query options. */
export function listRoute<T extends object>(path: string, options: Options<T>): Route {
	return {
		method: 'GET',
		pattern: new RegExp(`^/odata/${segment(path)}$`),
		scopes: options.scopes,
		folderScoped: options.folderScoped,
		rateLimited: options.rateLimited,
		tenantPermission: options.tenantPermission,
		handle(context) {
			const set = options.set(context);
			const query = parseQuery(set, context.query, context.maxTop(set.name));
			const body = collectionResponse(set, options.items(context), query, { serviceRoot: context.serviceRoot });
			const omitted = context.omittedFromLists(set.name);
			if (omitted.length > 0) {
				body.value = (body.value as Record<string, unknown>[]).map((entity) =>
					Object.fromEntries(Object.entries(entity).filter(([name]) => !omitted.includes(name))),
				);
			}
			return ok(body);
		},
	};
}

/** `GET /odata/<Set>(<Id>)`; 404 when the id is not among the visible entities. */
export function byIdRoute<T extends object & { Id: number }>(path: string, entityName: string, options: Options<T>): Route {
	return {
		method: 'GET',
		pattern: new RegExp(`^/odata/${segment(path)}\\((\\d+)\\)$`),
		scopes: options.scopes,
		folderScoped: options.folderScoped,
		tenantPermission: options.tenantPermission,
		handle(context) {
			const set = options.set(context);
			const id = Number(context.params[0]);
			const query = parseQuery(set, context.query);
			for (const entity of options.items(context)) {
				if (entity.Id === id) return ok(entityResponse(set, entity, query, { serviceRoot: context.serviceRoot }));
			}
			throw notFound(`${entityName} ${id} does not exist.`);
		},
	};
}
