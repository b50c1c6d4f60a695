import Module from 'module';
import { runInThisContext } from 'vm';

type GetBuiltinModule = (id: string) => unknown;

/** Node's own module system; jest swaps `module` for one that cannot load ESM-only packages. */
function builtin<T>(id: string, fallback: T): T {
	const getBuiltinModule = (process as unknown as { getBuiltinModule?: GetBuiltinModule })
		.getBuiltinModule;
	return (getBuiltinModule?.(id) as T | undefined) ?? fallback;
}

/** A require that loads ESM-only packages (oidc-provider) on Node 20.19+, also inside jest. */
export function nodeRequire(filename: string): NodeJS.Require {
	return builtin('module', Module).createRequire(filename);
}

/** The console of Node's main realm, which natively required packages write to (jest has its own). */
export function nodeConsole(): Console {
	return builtin('console', console);
}

/** `Object` of Node's main realm, where natively required packages live. */
const NodeObject = runInThisContext('Object') as ObjectConstructor;

/**
 * Gives plain objects (deeply) the main realm's prototype. oidc-provider tells plain objects by
 * `constructor === Object`, which objects made inside jest's sandbox realm fail; outside jest this changes nothing.
 */
export function toNodeRealm<T>(value: T): T {
	if (Array.isArray(value)) {
		value.forEach((item) => toNodeRealm(item));
	} else if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		Object.setPrototypeOf(value, NodeObject.prototype);
		Object.values(value).forEach((item) => toNodeRealm(item));
	}
	return value;
}
