/** Tokens of an OData `$filter` expression. */
export type Token =
	| { kind: 'string'; value: string; at: number }
	| { kind: 'number'; value: number; at: number }
	| { kind: 'dateTime'; value: string; at: number }
	| { kind: 'guid'; value: string; at: number }
	| { kind: 'identifier'; value: string; at: number }
	| { kind: 'enum'; value: string; at: number }
	| { kind: 'punct'; value: '(' | ')' | ',' | '/'; at: number };

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y;
const DATE_TIME = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?(?![\w-])/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?(?![\w-])/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*/y;
const STRING = /'((?:[^']|'')*)'/y;
const SPACE = /\s+/y;

export class FilterSyntaxError extends Error {}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
	pattern.lastIndex = at;
	return pattern.exec(text);
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		const space = matchAt(SPACE, text, at);
		if (space) {
			at += space[0].length;
			continue;
		}
		const char = text[at];
		if (char === '(' || char === ')' || char === ',' || char === '/') {
			tokens.push({ kind: 'punct', value: char, at });
			at += 1;
			continue;
		}
		let match: RegExpExecArray | null;
		if ((match = matchAt(STRING, text, at))) {
			tokens.push({ kind: 'string', value: match[1].replace(/''/g, "'"), at });
		} else if ((match = matchAt(GUID, text, at))) {
			tokens.push({ kind: 'guid', value: match[0].toLowerCase(), at });
		} else if ((match = matchAt(DATE_TIME, text, at))) {
			tokens.push({ kind: 'dateTime', value: match[0], at });
		} else if ((match = matchAt(NUMBER, text, at))) {
			tokens.push({ kind: 'number', value: Number.parseFloat(match[0]), at });
		} else if ((match = matchAt(IDENTIFIER, text, at))) {
			const quoted = matchAt(STRING, text, at + match[0].length);
			if (quoted && match[0].includes('.')) {
				// Qualified enum literal such as UiPath.Server.Configuration.OData.JobState'Running'.
				tokens.push({ kind: 'enum', value: quoted[1], at });
				at += match[0].length + quoted[0].length;
				continue;
			}
			tokens.push({ kind: 'identifier', value: match[0], at });
		} else {
			throw new FilterSyntaxError(`Syntax error: character '${char}' is not valid at position ${at} in '${text}'.`);
		}
		at += match[0].length;
	}
	return tokens;
}
