import type { ComparisonOperator, FilterNode } from './ast';

/** Reads a (possibly nested) property of an entity, as `$filter` and `$orderby` name it. */
export type Resolve<T> = (entity: T, path: readonly string[]) => unknown;

type Comparable = { kind: 'string' | 'number' | 'boolean' | 'time'; value: string | number | boolean };

/** SQL Server's default collation, which Orchestrator uses, compares strings without regard to case. */
const fold = (text: string) => text.toLowerCase();

function toComparable(value: unknown, asTime: boolean): Comparable | undefined {
	if (value === null || value === undefined) return undefined;
	if (asTime && typeof value === 'string') {
		const time = Date.parse(value);
		return Number.isNaN(time) ? undefined : { kind: 'time', value: time };
	}
	if (typeof value === 'string') return { kind: 'string', value: fold(value) };
	if (typeof value === 'number') return { kind: 'number', value };
	if (typeof value === 'boolean') return { kind: 'boolean', value };
	return undefined;
}

function compare(operator: ComparisonOperator, left: FilterNode, right: FilterNode, leftValue: unknown, rightValue: unknown): boolean {
	if (leftValue === null || leftValue === undefined || rightValue === null || rightValue === undefined) {
		const bothNull = (leftValue ?? null) === null && (rightValue ?? null) === null;
		if (operator === 'eq') return bothNull;
		if (operator === 'ne') return !bothNull;
		return false;
	}
	const asTime = isDateTime(left) || isDateTime(right);
	const a = toComparable(leftValue, asTime);
	const b = toComparable(rightValue, asTime);
	if (!a || !b || a.kind !== b.kind) return operator === 'ne';
	switch (operator) {
		case 'eq':
			return a.value === b.value;
		case 'ne':
			return a.value !== b.value;
		case 'gt':
			return a.value > b.value;
		case 'ge':
			return a.value >= b.value;
		case 'lt':
			return a.value < b.value;
		case 'le':
			return a.value <= b.value;
	}
}

const isDateTime = (node: FilterNode) => node.type === 'literal' && node.kind === 'dateTime';

const PREDICATES = new Set(['contains', 'startswith', 'endswith']);

function callFunction(name: string, args: unknown[]): unknown {
	const [first, second] = args;
	if (typeof first !== 'string') return PREDICATES.has(name) ? false : null;
	switch (name) {
		case 'contains':
			return typeof second === 'string' && fold(first).includes(fold(second));
		case 'startswith':
			return typeof second === 'string' && fold(first).startsWith(fold(second));
		case 'endswith':
			return typeof second === 'string' && fold(first).endsWith(fold(second));
		case 'tolower':
			return first.toLowerCase();
		case 'toupper':
			return first.toUpperCase();
		case 'trim':
			return first.trim();
		case 'length':
			return first.length;
		default:
			return null;
	}
}

export function evaluate<T>(node: FilterNode, entity: T, resolve: Resolve<T>): unknown {
	switch (node.type) {
		case 'literal':
			return node.value;
		case 'member':
			return resolve(entity, node.path);
		case 'not':
			return evaluate(node.operand, entity, resolve) !== true;
		case 'logical': {
			const left = evaluate(node.left, entity, resolve) === true;
			if (node.operator === 'and') return left && evaluate(node.right, entity, resolve) === true;
			return left || evaluate(node.right, entity, resolve) === true;
		}
		case 'compare':
			return compare(
				node.operator,
				node.left,
				node.right,
				evaluate(node.left, entity, resolve),
				evaluate(node.right, entity, resolve),
			);
		case 'call':
			return callFunction(
				node.name,
				node.args.map((arg) => evaluate(arg, entity, resolve)),
			);
	}
}

/** Every property path the expression reads, to reject unknown properties as OData does. */
export function memberPaths(node: FilterNode): string[][] {
	switch (node.type) {
		case 'member':
			return [node.path];
		case 'not':
			return memberPaths(node.operand);
		case 'logical':
		case 'compare':
			return [...memberPaths(node.left), ...memberPaths(node.right)];
		case 'call':
			return node.args.flatMap(memberPaths);
		case 'literal':
			return [];
	}
}
