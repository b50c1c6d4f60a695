import { existsSync, readFileSync, statSync } from 'fs';
import { dirname, extname, join, relative, resolve, sep } from 'path';

/** One link as written in a markdown file: where it is and what it points at. */
export interface MarkdownLink {
	line: number;
	target: string;
}

export interface BrokenLink extends MarkdownLink {
	file: string;
	reason: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const INLINE_LINK =
	/!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)/gm;
const HTML_LINK = /<(?:a|img)\b[^>]*?\s(?:href|src)="([^"]*)"/gi;
const HTML_ANCHOR = /<a\b[^>]*?\s(?:name|id)="([^"]+)"/gi;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** GitHub's slugger keeps letters and other alphabetic characters, marks, digits, `_`, `-` and spaces; everything else goes. */
const NOT_IN_SLUG = /[^\p{Alphabetic}\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu;

/** The text with fenced code blocks blanked out, line breaks kept: a heading or link there is code. */
function withoutFences(markdown: string): string {
	let fence: string | undefined;
	return markdown
		.split('\n')
		.map((line) => {
			const opener = FENCE.exec(line)?.[1];
			if (fence) {
				if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
				return '';
			}
			if (opener) fence = opener;
			return opener ? '' : line;
		})
		.join('\n');
}

/** Also blanks inline code spans, so a `[x](y)` written as code is not a link. */
function withoutCode(markdown: string): string {
	return withoutFences(markdown).replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (code) => code.replace(/[^\n]/g, ' '));
}

function lineOf(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

/** Every link target in the file: inline links and images, reference definitions and HTML href/src. */
export function markdownLinks(markdown: string): MarkdownLink[] {
	const text = withoutCode(markdown);
	const links: MarkdownLink[] = [];
	for (const pattern of [INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK]) {
		for (const match of text.matchAll(pattern)) {
			const target = match[1].replace(/^<|>$/g, '');
			links.push({ line: lineOf(text, match.index), target });
		}
	}
	return links.sort((a, b) => a.line - b.line);
}

/** A heading's text as GitHub renders it: code spans keep their content, links their text, emphasis and tags go. */
export function headingText(heading: string): string {
	return heading
		.split(/(`+[^`]*`+)/)
		.map((part, index) => {
			if (index % 2 === 1) return part.replace(/^`+|`+$/g, '');
			return part
				.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/<[^>]+>/g, '')
				.replace(/\*+|~~/g, '')
				.replace(/(?<![\p{L}\p{N}_])(__?)(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}_])/gu, '$2');
		})
		.join('')
		.trim();
}

/** GitHub's slug of a heading's rendered text (github-slugger): lowercase, drop what it does not keep, spaces to `-`. */
export function githubSlug(text: string): string {
	return text.toLowerCase().replace(NOT_IN_SLUG, '').replace(/ /g, '-');
}

/** The anchors GitHub gives a markdown file: one per ATX heading (repeats get -1, -2 …) and explicit HTML anchors. */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const text = withoutFences(markdown);
	for (const line of text.split('\n')) {
		const heading = ATX_HEADING.exec(line);
		if (heading) {
			const slug = githubSlug(headingText(heading[1] ?? ''));
			let unique = slug;
			for (let repeat = 1; anchors.has(unique); repeat++) unique = `${slug}-${repeat}`;
			anchors.add(unique);
		}
	}
	for (const match of withoutCode(text).matchAll(HTML_ANCHOR)) anchors.add(match[1]);
	return anchors;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** GitHub's line anchors on a source file, e.g. `#L10` or `#L10-L20`. */
const LINE_ANCHOR = /^L\d+(?:-L\d+)?$/;

/** What is wrong with one relative link of `file`, or undefined when it resolves; external links are not checked. */
function problem(root: string, file: string, target: string): string | undefined {
	if (EXTERNAL.test(target)) return undefined;
	const [pathAndQuery, ...fragment] = target.split('#');
	const path = decodeURIComponent(pathAndQuery.split('?')[0]);
	const anchor = fragment.length > 0 ? decodeURIComponent(fragment.join('#')) : undefined;
	const resolved = path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
	const inRepository = relative(root, resolved);
	if (inRepository.startsWith(`..${sep}`) || inRepository === '..') return 'points outside the repository';
	if (!existsSync(resolved)) return `${inRepository} does not exist`;
	if (anchor === undefined || anchor === '') return undefined;
	if (statSync(resolved).isDirectory() || extname(resolved).toLowerCase() !== '.md') {
		return LINE_ANCHOR.test(anchor) ? undefined : `#${anchor} on ${inRepository}, which has no headings`;
	}
	if (headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)) return undefined;
	return `${inRepository} has no heading #${anchor}`;
}

/** Every relative link or anchor in `files` that does not resolve; `root` is the repository's top folder. */
export function brokenLinks(root: string, files: string[]): BrokenLink[] {
	return files.flatMap((file) =>
		markdownLinks(readFileSync(file, 'utf8')).flatMap((link) => {
			const reason = problem(root, file, link.target);
			return reason ? [{ ...link, file: relative(root, file), reason }] : [];
		}),
	);
}
