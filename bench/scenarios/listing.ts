/** Scenario 3: Return All over N releases and N jobs: requests (goal ceil(N/1000)), time, peak memory. */
import type { ListedEntity, Task } from '../contenders/tasks';
import { interleave, measureRun, table, type Entry, type Metrics } from '../lib/measure';
import { median } from '../lib/stats';
import type { Column, Goal, Table } from '../report/model';
import type { BenchContext } from './context';

const COLUMNS: Column[] = [
	{ metric: 'requests', title: 'requests', digits: 0 },
	{ metric: 'wallS', title: 'wall time (s)', digits: 2, ratio: true, range: true },
	{ metric: 'peakGrowthMb', title: 'peak memory growth (MiB)', digits: 0, ratio: true },
	{ metric: 'peakMb', title: 'peak RSS (MiB)', digits: 0 },
	{ metric: 'items', title: 'items out', digits: 0 },
];

const ENTITIES: ListedEntity[] = ['releases', 'jobs'];

/** How many the sandbox holds in the listed folder: what Return All must bring back. */
function expectedCount(context: BenchContext, entity: ListedEntity): number {
	const { store } = context.sandboxes.listing.sandbox.state;
	const folderId = context.sandboxes.listing.target.folderId;
	return entity === 'releases'
		? store.releasesIn(folderId).length
		: [...store.jobs.values()].filter((job) => job.OrganizationUnitId === folderId).length;
}

function entriesFor(context: BenchContext): Entry[] {
	const { undici, embedded, n8n } = context;
	const target = context.sandboxes.listing.target.name;
	return ENTITIES.flatMap((entity) => {
		const task: Task = { kind: 'list', target, entity };
		const baseline = `undici ${entity}`;
		const entries: Entry[] = [
			{ key: baseline, contender: undici, task, variant: entity },
			{ key: `node-embedded ${entity}`, contender: embedded, task, variant: entity, baseline },
		];
		if (n8n) {
			entries.push(
				{ key: `node-n8n ${entity}`, contender: n8n.node, task, variant: entity, baseline },
				{ key: `httpRequest-n8n ${entity}`, contender: n8n.httpRequest, task, variant: entity, baseline },
				{ key: `community-n8n ${entity}`, contender: n8n.community, task, variant: entity, baseline },
			);
		}
		return entries;
	});
}

export async function listing(context: BenchContext): Promise<{ tables: Table[]; goals: Goal[] }> {
	const { settings, log } = context;
	const bench = context.sandboxes.listing;
	const entries = entriesFor(context);
	const expected = Object.fromEntries(ENTITIES.map((entity) => [entity, expectedCount(context, entity)])) as Record<ListedEntity, number>;

	const measure = async (entry: Entry): Promise<Metrics> => {
		const task = entry.task as Task & { kind: 'list' };
		const run = await measureRun(bench.sandbox, entry.contender, task);
		if (run.result.items !== expected[task.entity]) {
			throw new Error(`${entry.key}: Return All gave ${run.result.items} ${task.entity}, the folder holds ${expected[task.entity]}`);
		}
		return { requests: run.tally.orchestrator, wallS: run.wallMs / 1000, peakGrowthMb: run.peakGrowthMb, peakMb: run.peakMb, items: run.result.items };
	};

	bench.sandbox.state.latencyMs = settings.latencyMs;
	for (const entry of entries.filter((candidate) => !candidate.contender.unsupported(candidate.task))) {
		await measure(entry);
		log(`warm-up ${entry.key}`);
	}

	const tables: Table[] = [];
	const samplesByLatency = new Map<number, Map<string, Record<string, number[]>>>();
	for (const latency of settings.listingLatenciesMs) {
		bench.sandbox.state.latencyMs = latency;
		const samples = await interleave(entries, settings.repetitions, measure, (message) => log(`${latency} ms ${message}`));
		samplesByLatency.set(latency, samples);
		tables.push(
			table({
				id: `s3-${latency}ms`,
				scenario: 3,
				title: `Scenario 3: Return All over ${expected.releases.toLocaleString('en-US')} releases and ${expected.jobs.toLocaleString('en-US')} jobs (${latency} ms latency)`,
				conditions: `${latency} ms latency per request, ${settings.repetitions} repetitions A B A B, median (min–max)`,
				columns: COLUMNS,
				entries,
				samples,
				notes: [
					'Peak memory growth: the process\'s highest resident memory during the run (kernel high-water mark, reset at the start) minus its resident memory at the start. For the real n8n this is the whole n8n process, which also keeps the execution\'s data.',
					'The HTTP Request node pages with $skip = $pageCount × 1000 until a page has fewer than 1,000 entries, then Split Out turns the pages into items.',
					'The n8n workflows end with a Summarize node (count of Id) so that n8n answers with the count instead of all items; the embedded runner counts the items directly.',
				],
			}),
		);
	}

	const main = samplesByLatency.get(settings.latencyMs);
	const goals: Goal[] = ENTITIES.map((entity) => {
		const goal = Math.ceil(expected[entity] / 1000);
		const keys = [`node-embedded ${entity}`, ...(context.n8n ? [`node-n8n ${entity}`] : [])];
		const requests = keys.map((key) => median(main?.get(key)?.requests ?? []));
		return {
			scenario: 3,
			goal: `Return All over ${expected[entity].toLocaleString('en-US')} ${entity}: ceil(N/1000) = ${goal} requests`,
			met: requests.every((count) => count === goal),
			measured: keys.map((key, index) => `${key}: ${requests[index]} requests, ${median(main?.get(key)?.wallS ?? []).toFixed(2)} s`).join('; '),
		};
	});
	return { tables, goals };
}
