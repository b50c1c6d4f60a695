import type { ComparisonOperator, FilterNode } from './ast';
import { FilterSyntaxError, tokenize, type Token } from './lexer';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** Function name → number of arguments. */
export const FUNCTIONS: Readonly<Record<string, number>> = {
	contains: 2,
	startswith: 2,
	endswith: 2,
	tolower: 1,
	toupper: 1,
	trim: 1,
	length: 1,
};

/**
 * Recursive descent over the `$filter` grammar the sandbox supports:
 * or → and ('or' and)*; and → unary ('and' unary)*; unary → 'not' unary | comparison;
 * comparison → primary (op primary)?; primary → '(' or ')' | literal | function '(' args ')' | member ('/' member)*.
 */
export function parseFilter(text: string): FilterNode {
	const tokens = tokenize(text);
	let position = 0;

	const peek = (): Token | undefined => tokens[position];
	const fail = (what: string): never => {
		const token = peek();
		const where = token ? `at position ${token.at}` : 'at the end';
		throw new FilterSyntaxError(`Syntax error ${where} in '${text}': ${what}.`);
	};
	const isWord = (token: Token | undefined, word: string) =>
		token?.kind === 'identifier' && token.value === word;
	const expectPunct = (value: '(' | ')' | ',') => {
		const token = peek();
		if (token?.kind !== 'punct' || token.value !== value) fail(`expected '${value}'`);
		position += 1;
	};

	function parseOr(): FilterNode {
		let left = parseAnd();
		while (isWord(peek(), 'or')) {
			position += 1;
			left = { type: 'logical', operator: 'or', left, right: parseAnd() };
		}
		return left;
	}

	function parseAnd(): FilterNode {
		let left = parseUnary();
		while (isWord(peek(), 'and')) {
			position += 1;
			left = { type: 'logical', operator: 'and', left, right: parseUnary() };
		}
		return left;
	}

	function parseUnary(): FilterNode {
		if (isWord(peek(), 'not')) {
			position += 1;
			return { type: 'not', operand: parseUnary() };
		}
		const left = parsePrimary();
		const next = peek();
		if (next?.kind === 'identifier' && COMPARISONS.has(next.value)) {
			position += 1;
			return { type: 'compare', operator: next.value as ComparisonOperator, left, right: parsePrimary() };
		}
		return left;
	}

	function parsePrimary(): FilterNode {
		const token = peek();
		if (!token) return fail('expected an operand');
		position += 1;
		switch (token.kind) {
			case 'string':
				return { type: 'literal', kind: 'string', value: token.value };
			case 'enum':
				return { type: 'literal', kind: 'string', value: token.value };
			case 'number':
				return { type: 'literal', kind: 'number', value: token.value };
			case 'dateTime':
				return { type: 'literal', kind: 'dateTime', value: token.value };
			case 'guid':
				return { type: 'literal', kind: 'guid', value: token.value };
			case 'punct':
				if (token.value !== '(') return fail(`unexpected '${token.value}'`);
				{
					const inner = parseOr();
					expectPunct(')');
					return inner;
				}
			case 'identifier':
				return parseIdentifier(token.value);
		}
	}

	function parseIdentifier(name: string): FilterNode {
		if (name === 'true' || name === 'false') return { type: 'literal', kind: 'boolean', value: name === 'true' };
		if (name === 'null') return { type: 'literal', kind: 'null', value: null };
		const next = peek();
		if (next?.kind === 'punct' && next.value === '(') {
			const arity = FUNCTIONS[name];
			if (arity === undefined) throw new FilterSyntaxError(`Unknown function '${name}'.`);
			position += 1;
			const args: FilterNode[] = [parseOr()];
			while (peek()?.kind === 'punct' && peek()?.value === ',') {
				position += 1;
				args.push(parseOr());
			}
			expectPunct(')');
			if (args.length !== arity) {
				throw new FilterSyntaxError(`The function '${name}' takes ${arity} argument(s), ${args.length} given.`);
			}
			return { type: 'call', name, args };
		}
		const path = [name];
		while (peek()?.kind === 'punct' && peek()?.value === '/') {
			position += 1;
			const segment = peek();
			if (segment?.kind !== 'identifier') return fail('expected a property name after /');
			path.push(segment.value);
			position += 1;
		}
		return { type: 'member', path };
	}

	const tree = parseOr();
	if (position < tokens.length) fail('unexpected token');
	return tree;
}
