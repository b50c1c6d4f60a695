import { FOLDERS } from '../../sandbox/fixtures';
import { evaluate } from '../../sandbox/orchestrator/odata/evaluate';
import { FilterSyntaxError } from '../../sandbox/orchestrator/odata/lexer';
import { parseFilter } from '../../sandbox/orchestrator/odata/parser';
import { type ODataList, sandboxSuite } from './client';

describe('OData $filter parser', () => {
	const row = {
		Name: "O'Brien Invoice",
		Amount: 120.5,
		Count: 3,
		Enabled: true,
		Reference: null,
		Key: '5c2c6a8e-1e4a-4d8a-9a53-0b7e3a1d2f10',
		CreationTime: '2026-11-29T10:30:00.123Z',
		Robot: { Name: 'Robot-01' },
	};
	const read = (entity: typeof row, path: readonly string[]) =>
		path.reduce<unknown>((value, segment) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : null), entity);
	const holds = (filter: string) => evaluate(parseFilter(filter), row, read);

	test.each([
		["Name eq 'o''brien invoice'", true],
		["Name ne 'x'", true],
		['Amount gt 120', true],
		['Amount ge 120.5', true],
		['Amount lt 120.5', false],
		['Count le 3 and Enabled eq true', true],
		['Count eq 4 or Enabled eq false', false],
		["(Count eq 4 or Amount gt 100) and not (Name eq 'x')", true],
		['Reference eq null', true],
		['Reference ne null', false],
		['Key eq 5C2C6A8E-1E4A-4D8A-9A53-0B7E3A1D2F10', true],
		['CreationTime ge 2026-11-29T10:00:00Z', true],
		['CreationTime lt 2026-11-29T10:30:00.124Z', true],
		['CreationTime gt 2026-11-29', true],
		["contains(Name,'BRIEN')", true],
		["startswith(Name,'O''B') and endswith(Name,'voice')", true],
		["tolower(Name) eq 'o''brien invoice'", true],
		["Robot/Name eq 'Robot-01'", true],
		["State eq UiPath.Server.Configuration.OData.JobState'Running'", false],
	])('%s → %s', (filter, expected) => {
		expect(holds(filter)).toBe(expected);
	});

	test.each(["Name eq 'unterminated", 'Amount gt', '(Count eq 1', 'Count eq 1)', 'frobnicate(Name)', "contains(Name)", 'Name eq #'])(
		'%s is a syntax error',
		(filter) => {
			expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
		},
	);
});

describe('sandbox Orchestrator: OData query options over HTTP', () => {
	const suite = sandboxSuite({ seed: { releases: 1200 } });

	const releases = (query: Record<string, string | number | boolean>) =>
		suite.call<ODataList>('GET', '/odata/Releases', { folder: FOLDERS.shared, query });

	test('@odata.context names the entity set; $count adds @odata.count of all matches', async () => {
		const answer = await releases({ $top: 2, $count: true });
		expect(Object.keys(answer.json)).toEqual(['@odata.context', '@odata.count', 'value']);
		expect(answer.json['@odata.context']).toBe(`${suite.sandbox.state.credentials.orchestratorUrl}/odata/$metadata#Releases`);
		expect(answer.json['@odata.count']).toBe(1203);
		expect(answer.json.value).toHaveLength(2);
		expect(Object.keys((await releases({ $top: 1 })).json)).toEqual(['@odata.context', 'value']);
	});

	test('$top at most 1000: above it answers 400 as UiPath does; without it a page stops at 1000', async () => {
		const over = await releases({ $top: 1001 });
		expect(over.status).toBe(400);
		expect(over.json).toEqual({
			message:
				"The query specified in the URI is not valid. The limit of '1000' for Top query has been exceeded. The value from the incoming request is '1001'.",
			errorCode: 0,
			traceId: expect.any(String),
		});
		expect((await releases({ $top: 1000 })).json.value).toHaveLength(1000);
		expect((await releases({})).json.value).toHaveLength(1000);
	});

	test('QueueItems: $top at most 100 as on Automation Cloud, and a lowered limit on any set', async () => {
		const items = (top: number) => suite.call<ODataList>('GET', '/odata/QueueItems', { folder: FOLDERS.shared, query: { $top: top } });
		expect((await items(100)).status).toBe(200);
		const over = await items(101);
		expect([over.status, over.json.message]).toEqual([
			400,
			"The query specified in the URI is not valid. The limit of '100' for Top query has been exceeded. The value from the incoming request is '101'.",
		]);
		suite.sandbox.state.maxTop.Releases = 10;
		try {
			expect((await releases({ $top: 11 })).status).toBe(400);
			expect((await releases({})).json.value).toHaveLength(10);
		} finally {
			suite.sandbox.state.maxTop.Releases = 1000;
		}
	});

	test('$skip and $top page through everything exactly once, ordered by Id', async () => {
		const seen: number[] = [];
		for (let skip = 0; ; skip += 500) {
			const page = (await releases({ $top: 500, $skip: skip })).json.value;
			seen.push(...page.map((release) => release.Id as number));
			if (page.length < 500) break;
		}
		expect(seen).toHaveLength(1203);
		expect(new Set(seen).size).toBe(1203);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
	});

	test('$filter with comparisons, functions, and/or and parentheses', async () => {
		const names = async (filter: string) => (await releases({ $filter: filter, $top: 1000 })).json.value.map((release) => release.Name);
		expect(await names("Name eq 'Invoice Echo'")).toEqual(['Invoice Echo']);
		expect(await names("contains(Name,'process 0000') and (ProcessKey eq 'AlwaysFaults' or ProcessKey eq 'MonthEndReport')")).toEqual([
			'Bulk Process 00001',
			'Bulk Process 00002',
			'Bulk Process 00004',
			'Bulk Process 00005',
			'Bulk Process 00007',
			'Bulk Process 00008',
		]);
		const recent = await releases({ $filter: `CreationTime ge ${new Date(Date.now() - 2 * 86_400_000).toISOString()}`, $count: true, $top: 0 });
		expect(recent.json['@odata.count']).toBe(1200);
		expect(await names('IsLatestVersion eq false')).toEqual([]);
	});

	test('$orderby on several fields, asc and desc', async () => {
		const answer = await releases({ $orderby: 'ProcessKey desc,Id asc', $top: 3, $select: 'Id,ProcessKey' });
		const rows = answer.json.value as { Id: number; ProcessKey: string }[];
		expect(rows.map((row) => row.ProcessKey)).toEqual(['MonthEndReport', 'MonthEndReport', 'MonthEndReport']);
		expect(rows[0].Id).toBeLessThan(rows[1].Id);
		const last = (await releases({ $orderby: 'Name desc', $top: 1 })).json.value[0];
		expect(last.Name).toBe('Month End Report');
	});

	test('$select keeps only the named properties and shows them in @odata.context', async () => {
		const answer = await releases({ $select: 'Name,Key', $top: 1 });
		expect(answer.json['@odata.context']).toMatch(/#Releases\(Name,Key\)$/);
		expect(Object.keys(answer.json.value[0])).toEqual(['Name', 'Key']);
	});

	test('unknown properties, bad syntax and bad numbers answer 400 with the OData message', async () => {
		const cases: [Record<string, string>, RegExp][] = [
			[{ $filter: "Nmae eq 'x'" }, /Could not find a property named 'Nmae' on type 'UiPath\.Server\.Configuration\.OData\.ReleaseDto'/],
			[{ $orderby: 'Nope desc' }, /Could not find a property named 'Nope'/],
			[{ $select: 'Name,Nope' }, /Could not find a property named 'Nope'/],
			[{ $filter: "Name eq 'x" }, /Syntax error/],
			[{ $top: '-1' }, /\$top query option requires a non-negative integer/],
			[{ $skip: 'ten' }, /\$skip query option requires a non-negative integer/],
			[{ $count: 'yes' }, /not a valid count option/],
			[{ $expand: 'Robot' }, /Could not find a property named 'Robot'/],
			[{ $apply: 'x' }, /The query parameter '\$apply' is not supported/],
		];
		for (const [query, message] of cases) {
			const answer = await releases(query);
			expect([query, answer.status]).toEqual([query, 400]);
			expect(answer.json.message).toMatch(/^The query specified in the URI is not valid\. /);
			expect(answer.json.message).toMatch(message);
		}
	});

	test('unset properties are sent as null, as UiPath sends them', async () => {
		const release = (await releases({ $filter: "Name eq 'Invoice Echo'" })).json.value[0];
		expect(release).toHaveProperty('InputArguments', null);
		expect(release).toHaveProperty('RobotSize', null);
	});
});

describe('sandbox Orchestrator with on-premises page limits', () => {
	const suite = sandboxSuite({ maxTop: { QueueItems: 1000 } });

	test('QueueItems take $top up to 1000, as a standalone Orchestrator does', async () => {
		const answer = await suite.call<ODataList>('GET', '/odata/QueueItems', { folder: FOLDERS.shared, query: { $top: 1000 } });
		expect(answer.status).toBe(200);
	});
});
