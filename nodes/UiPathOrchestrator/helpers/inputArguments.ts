import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

/** How a process argument is given in n8n and sent to Orchestrator. */
export type ArgumentKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'dateTime' | 'array' | 'object';

export interface ProcessArgument {
	name: string;
	kind: ArgumentKind;
	required: boolean;
	/** The .NET type without its assembly, e.g. `Int32` or `String[]`, for messages. */
	typeName: string;
}

/** A process's input arguments as fields, or why they must be given as JSON. */
export type ArgumentPlan = { kind: 'fields'; arguments: ProcessArgument[] } | { kind: 'json'; reason: string };

const INTEGER_RANGES: Record<string, [number, number]> = {
	Byte: [0, 255],
	SByte: [-128, 127],
	Int16: [-32768, 32767],
	UInt16: [0, 65535],
	Int32: [-2147483648, 2147483647],
	UInt32: [0, 4294967295],
	Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
	UInt64: [0, Number.MAX_SAFE_INTEGER],
};

const SIMPLE_KINDS: Record<string, ArgumentKind> = {
	String: 'string',
	Char: 'string',
	Guid: 'string',
	TimeSpan: 'string',
	Decimal: 'decimal',
	Double: 'decimal',
	Single: 'decimal',
	Boolean: 'boolean',
	DateTime: 'dateTime',
	DateTimeOffset: 'dateTime',
	Object: 'object',
	...Object.fromEntries(Object.keys(INTEGER_RANGES).map((name) => [name, 'integer' as const])),
};

const COLLECTIONS = /^System\.Collections\.Generic\.(List|IList|IEnumerable|ICollection|IReadOnlyList|IReadOnlyCollection)`1\[/;
const DICTIONARIES = /^System\.Collections\.Generic\.(Dictionary|IDictionary|IReadOnlyDictionary)`2\[/;

/** `System.Int32, mscorlib, Version=…` → `System.Int32`: the part before the assembly, brackets of generics kept. */
function withoutAssembly(type: string): string {
	let depth = 0;
	for (let index = 0; index < type.length; index++) {
		const char = type[index];
		if (char === '[') depth++;
		else if (char === ']') depth--;
		else if (char === ',' && depth === 0) return type.slice(0, index).trim();
	}
	return type.trim();
}

/** The kind n8n shows for a .NET type, with whether it is Nullable; undefined when no field can hold it (DataTable, SecureString…). */
function kindOf(type: string): { kind: ArgumentKind; nullable: boolean; typeName: string } | undefined {
	const full = withoutAssembly(type);
	const nullable = /^System\.Nullable`1\[\[(.*)\]\]$/.exec(full);
	if (nullable) {
		const inner = kindOf(nullable[1]);
		return inner && { ...inner, nullable: true };
	}
	const typeName = full.replace(/^System\./, '').replace(/`\d+\[.*$/, '');
	if (full.endsWith('[]') || COLLECTIONS.test(full) || full === 'Newtonsoft.Json.Linq.JArray') return { kind: 'array', nullable: false, typeName };
	if (DICTIONARIES.test(full) || full === 'Newtonsoft.Json.Linq.JObject') return { kind: 'object', nullable: false, typeName };
	const simple = /^System\.(\w+)$/.exec(full)?.[1];
	const kind = simple ? SIMPLE_KINDS[simple] : undefined;
	return kind && { kind, nullable: false, typeName };
}

/** Reads `Release.Arguments.Input` (a JSON string of `{ name, type, required }`) into fields, or says why JSON is needed. */
export function planArguments(input: unknown): ArgumentPlan {
	if (typeof input !== 'string' || !input.trim()) return { kind: 'json', reason: 'The process publishes no argument metadata' };
	let declared: unknown;
	try {
		declared = JSON.parse(input);
	} catch {
		return { kind: 'json', reason: 'The process\'s argument metadata is not readable' };
	}
	if (!Array.isArray(declared)) return { kind: 'json', reason: 'The process\'s argument metadata is not a list' };
	const processArguments: ProcessArgument[] = [];
	for (const entry of declared as IDataObject[]) {
		const name = typeof entry?.name === 'string' ? entry.name : '';
		const kind = kindOf(String(entry?.type ?? ''));
		if (!name || !kind) {
			return { kind: 'json', reason: `Argument ${name || '(unnamed)'} has the type ${withoutAssembly(String(entry?.type ?? 'unknown'))}, which cannot be shown as a field` };
		}
		processArguments.push({ name, kind: kind.kind, typeName: kind.typeName, required: entry.required === true && !kind.nullable });
	}
	return { kind: 'fields', arguments: processArguments };
}

const FIELD_TYPES: Record<ArgumentKind, FieldType> = {
	string: 'string',
	integer: 'number',
	decimal: 'number',
	boolean: 'boolean',
	dateTime: 'dateTime',
	array: 'array',
	object: 'object',
};

export function toResourceMapperField(argument: ProcessArgument): ResourceMapperField {
	return {
		id: argument.name,
		displayName: `${argument.name} (${argument.typeName})`,
		required: argument.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: FIELD_TYPES[argument.kind],
	};
}

/** The fields as the editor stored them, read back as arguments: what can be checked before any request. */
export function argumentsFromSchema(schema: unknown): ProcessArgument[] {
	if (!Array.isArray(schema)) return [];
	const kinds: Partial<Record<string, ArgumentKind>> = { string: 'string', number: 'decimal', boolean: 'boolean', dateTime: 'dateTime', array: 'array', object: 'object' };
	return (schema as ResourceMapperField[]).flatMap((field) => {
		// toResourceMapperField wrote the .NET type into the label: "Quantity (Int32)".
		const typeName = /\(([^()]+)\)$/.exec(field.displayName ?? '')?.[1] ?? field.type ?? 'String';
		const kind = typeName in INTEGER_RANGES ? 'integer' : field.type ? kinds[field.type] : 'string';
		return field.removed || !kind ? [] : [{ name: field.id, kind, required: field.required, typeName }];
	});
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function parseJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

function toNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function toDate(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	// Luxon's DateTime, which n8n expressions such as {{ $now }} produce.
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value.trim() : undefined;
}

/** One argument's value as Orchestrator reads it, or the problem with it ("must be …"). */
function convert(argument: ProcessArgument, value: unknown): { value: unknown } | { problem: string } {
	switch (argument.kind) {
		case 'string':
			return typeof value === 'object' ? { problem: 'must be text' } : { value: String(value) };
		case 'integer': {
			const number = toNumber(value);
			const [min, max] = INTEGER_RANGES[argument.typeName] ?? INTEGER_RANGES.Int64;
			if (number === undefined || !Number.isInteger(number) || number < min || number > max) {
				return { problem: `must be a whole number from ${min} to ${max} (${argument.typeName})` };
			}
			return { value: number };
		}
		case 'decimal': {
			const number = toNumber(value);
			return number === undefined ? { problem: `must be a number (${argument.typeName})` } : { value: number };
		}
		case 'boolean': {
			const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
			if (text === true || text === 'true') return { value: true };
			if (text === false || text === 'false') return { value: false };
			return { problem: 'must be true or false' };
		}
		case 'dateTime': {
			const date = toDate(value);
			return date === undefined ? { problem: 'must be a date and time such as 2026-12-31T09:00:00Z' } : { value: date };
		}
		case 'array': {
			const parsed = parseJson(value);
			return Array.isArray(parsed) ? { value: parsed } : { problem: 'must be a JSON array such as ["a", "b"]' };
		}
		case 'object': {
			const parsed = parseJson(value);
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
				? { value: parsed }
				: { problem: 'must be a JSON object such as {"key": "value"}' };
		}
	}
}

/**
 * The input arguments object from the mapped values: each declared argument converted to its type, empty optional
 * ones left out (the process uses its default), values of undeclared names ignored. Throws through `fail`.
 */
export function convertArguments(
	processArguments: ProcessArgument[],
	values: IDataObject,
	fail: (problem: string) => Error,
): IDataObject {
	const converted: IDataObject = {};
	for (const argument of processArguments) {
		const value = values[argument.name];
		if (isEmpty(value)) {
			if (argument.required) throw fail(`has no value for ${argument.name}, which the process requires`);
			continue;
		}
		const result = convert(argument, value);
		if ('problem' in result) {
			const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
			throw fail(`sets ${argument.name} to ${shown}: it ${result.problem}`);
		}
		converted[argument.name] = result.value as IDataObject[string];
	}
	return converted;
}
