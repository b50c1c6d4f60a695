import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { brokenLinks, githubSlug, headingAnchors, headingText, markdownLinks } from './markdownLinks';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');

/** The README and every page under docs/: the documentation a reader follows from the README. */
function documentationFiles(): string[] {
	const pages = readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.md'))
		.map((name) => join(DOCS, name));
	return [join(ROOT, 'README.md'), ...pages.sort()];
}

describe('README and docs links', () => {
	it('every relative link, picture and #anchor in README.md and docs/*.md resolves', () => {
		const files = documentationFiles();
		expect(files.length).toBeGreaterThan(6);
		const linksChecked = files.flatMap((file) => markdownLinks(readFileSync(file, 'utf8')));
		expect(linksChecked.length).toBeGreaterThan(30);
		const broken = brokenLinks(ROOT, files).map((link) => `${link.file}:${link.line} ${link.target}: ${link.reason}`);
		expect(broken).toEqual([]);
	});

	it('every `npm run <script>` the documentation names is a script of package.json', () => {
		const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		const named = documentationFiles().flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/npm run ([\w:-]+)/g)].map((match) => ({ file, script: match[1] })),
		);
		expect(named.length).toBeGreaterThan(10);
		expect(named.filter(({ script }) => !(script in scripts))).toEqual([]);
	});
});

describe('the link checker', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'docs-links-'));
		mkdirSync(join(root, 'docs'));
		writeFileSync(join(root, 'LICENSE'), 'MIT\n');
		writeFileSync(
			join(root, 'docs', 'page.md'),
			['# Page', '', '## Set up `npm run dev`: *the* loop', '', '## Set up', '', '## Set up', '', '## Set up', '', '<a name="kept"></a>', ''].join('\n'),
		);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function check(readme: string): string[] {
		writeFileSync(join(root, 'README.md'), readme);
		return brokenLinks(root, [join(root, 'README.md')]).map((link) => `${link.line} ${link.target}: ${link.reason}`);
	}

	it('passes links that resolve: files, headings with code and emphasis, repeated headings, HTML anchors, line anchors', () => {
		expect(
			check(
				[
					'# Top',
					'[page](docs/page.md) [loop](docs/page.md#set-up-npm-run-dev-the-loop) [again](docs/page.md#set-up-1)',
					'[third](<docs/page.md#set-up-2>) [kept](docs/page.md#kept) [top](#top) [license](LICENSE#L1)',
					'![picture](docs/page.md "title") [site](https://example.com/missing.md) [mail](mailto:a@b.c)',
					'[ref]: docs/page.md#set-up',
				].join('\n'),
			),
		).toEqual([]);
	});

	it('reports a missing file, a missing heading, an anchor on a file without headings and a link out of the repository', () => {
		expect(
			check(
				[
					'# Top',
					'[gone](docs/gone.md) [no heading](docs/page.md#setup)',
					'[here](#nowhere) <img src="docs/images/x.png">',
					'[license](LICENSE#terms) [out](../outside.md)',
					'[ref]: docs/page.md#set-up-3',
				].join('\n'),
			),
		).toEqual([
			'2 docs/gone.md: docs/gone.md does not exist',
			'2 docs/page.md#setup: docs/page.md has no heading #setup',
			'3 #nowhere: README.md has no heading #nowhere',
			'3 docs/images/x.png: docs/images/x.png does not exist',
			'4 LICENSE#terms: #terms on LICENSE, which has no headings',
			'4 ../outside.md: points outside the repository',
			'5 docs/page.md#set-up-3: docs/page.md has no heading #set-up-3',
		]);
	});

	it('ignores links and headings inside code', () => {
		expect(check(['```', '[gone](docs/gone.md)', '# Not a heading', '```', '`[gone](docs/gone.md)`', '[x](#not-a-heading)'].join('\n'))).toEqual([
			'6 #not-a-heading: README.md has no heading #not-a-heading',
		]);
	});
});

describe('GitHub heading slugs', () => {
	// Expected values from github-slugger's fixtures, the slugs GitHub gives these headings.
	it.each([
		['heading with a - dash', 'heading-with-a---dash'],
		['heading with an _ underscore', 'heading-with-an-_-underscore'],
		['heading with a period.txt', 'heading-with-a-periodtxt'],
		['exchange.bind_headers(exchange, routing [, bindCallback])', 'exchangebind_headersexchange-routing--bindcallback'],
		['apostrophe’s should be trimmed', 'apostrophes-should-be-trimmed'],
		['I ♥ unicode', 'i--unicode'],
		['en–dash', 'endash'],
		['😄 - an emoji', '---an-emoji'],
		['Привет non-latin 你好', 'привет-non-latin-你好'],
	])('%s → %s', (text, slug) => {
		expect(githubSlug(text)).toBe(slug);
	});

	it('numbers repeated headings the way GitHub does', () => {
		const page = ['echo', 'echo', 'echo 1', 'echo-1', 'echo', 'foxtrot-1', 'foxtrot', 'foxtrot'].map((title) => `## ${title}`).join('\n');
		expect([...headingAnchors(page)]).toEqual(['echo', 'echo-1', 'echo-1-1', 'echo-1-2', 'echo-2', 'foxtrot-1', 'foxtrot', 'foxtrot-2']);
	});

	it('slugs the rendered text: code keeps its content, emphasis and link syntax go', () => {
		expect(headingText("UiPath OAuth2 API (`uiPathOAuth2Api`): n8n's *Connect my account* button")).toBe(
			"UiPath OAuth2 API (uiPathOAuth2Api): n8n's Connect my account button",
		);
		expect(headingText('See [the sandbox](docs/sandbox.md), `snake_case`, __bold__ and _ alone')).toBe('See the sandbox, snake_case, bold and _ alone');
		expect([...headingAnchors('### UiPath OAuth2 API (`uiPathOAuth2Api`): n8n\'s *Connect my account* button ##')]).toEqual([
			'uipath-oauth2-api-uipathoauth2api-n8ns-connect-my-account-button',
		]);
	});
});
