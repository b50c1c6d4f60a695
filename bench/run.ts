/**
 * `npm run bench`: this node against raw undici (the physical limit), n8n's HTTP Request node with this
 * package's credential, and the community package n8n-nodes-uipath-orchestrator, side by side in one run,
 * against local sandboxes with a fixed latency. Writes bench/results.json, bench/results.md and
 * bench/chart.svg. Flags shrink the run for a quick look (`npm run bench -- --help` lists them). With --only
 * the other scenarios are kept from the results it updates, and the re-measured ones show the earlier values
 * beside the new ones.
 */
import { existsSync } from 'fs';
import { mkdir, readFile, writeFile } from 'fs/promises';
import { cpus, loadavg } from 'os';
import { join } from 'path';

import { N8N_VERSION, NODE_VERSION } from '../test/e2e/paths';
import { onShutdown, stopAll } from '../test/e2e/processes';
import { startEmbeddedContender, startUndiciContender } from './contenders/contender';
import { ensureCommunityPackage, type CommunityPackage } from './contenders/n8n/community';
import { N8nContender } from './contenders/n8n/contender';
import { ensureN8nRuntime, packOurs, startBenchN8n } from './contenders/n8n/server';
import { TriggerContender } from './contenders/n8n/trigger';
import { parseFlags, USAGE } from './lib/flags';
import { CHART_SVG, LOGS_DIR, RESULTS_JSON, RESULTS_MD } from './lib/paths';
import { startBenchSandbox, type BenchSandbox } from './lib/sandboxes';
import { renderChart } from './report/chart';
import { resultsMarkdown } from './report/markdown';
import type { BenchResults, Goal, Row, Table } from './report/model';
import { DEFAULT_SETTINGS, type BenchContext, type Settings } from './scenarios/context';
import { jobStarts } from './scenarios/jobStarts';
import { listing } from './scenarios/listing';
import { extractOurs, packageScenario } from './scenarios/package';
import { releaseWait } from './scenarios/releaseWait';
import { waiting } from './scenarios/waiting';
import { PROCESSES } from '../sandbox/fixtures';

const startedAt = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function settingsFromFlags(flags: Map<string, string | true>): { settings: Settings; only: Set<number>; withN8n: boolean } {
	const number = (name: string, fallback: number) => {
		const given = flags.get(name);
		if (typeof given !== 'string') return fallback;
		if (!/^[1-9]\d*$/.test(given)) throw new Error(`--${name} takes a whole number of at least 1, not "${given}"`);
		return Number(given);
	};
	const settings: Settings = {
		...DEFAULT_SETTINGS,
		repetitions: number('reps', DEFAULT_SETTINGS.repetitions),
		jobs: number('jobs', DEFAULT_SETTINGS.jobs),
		listed: number('listed', DEFAULT_SETTINGS.listed),
		waitJobs: number('wait-jobs', DEFAULT_SETTINGS.waitJobs),
		releaseJobs: number('release-jobs', DEFAULT_SETTINGS.releaseJobs),
	};
	settings.extraLatencyJobs = Math.min(settings.extraLatencyJobs, settings.jobs);
	settings.profileJobs = Math.min(settings.profileJobs, settings.jobs);
	settings.expiryJobs = Math.min(settings.expiryJobs, settings.jobs);
	settings.jobsAtConcurrency = Object.fromEntries(Object.entries(settings.jobsAtConcurrency).map(([concurrency, jobs]) => [concurrency, Math.min(jobs, settings.jobs)]));
	const onlyFlag = flags.get('only');
	const only = new Set((typeof onlyFlag === 'string' ? onlyFlag : '1,2,3,4,5,6').split(',').map(Number));
	const unknown = [...only].filter((scenario) => ![1, 2, 3, 4, 5, 6].includes(scenario));
	if (unknown.length > 0) throw new Error(`--only takes scenarios 1 to 6 separated by commas, not "${String(onlyFlag)}"`);
	return { settings, only, withN8n: !flags.has('no-n8n') };
}

async function sandbox(name: string, processName: string, options: Parameters<typeof startBenchSandbox>[2]): Promise<BenchSandbox> {
	const started = await startBenchSandbox(name, processName, options);
	onShutdown(`sandbox ${name}`, async () => await started.sandbox.close());
	return started;
}

async function main(): Promise<BenchResults> {
	const { settings, only, withN8n } = settingsFromFlags(FLAGS);
	await mkdir(LOGS_DIR, { recursive: true });
	const loadAverageAtStart = loadavg();
	const tables: Table[] = [];
	const goals: Goal[] = [];
	const errors: string[] = [];
	const step = async (name: string, work: () => Promise<{ tables: Table[]; goals: Goal[] }>) => {
		log(`${name}: start`);
		try {
			const result = await work();
			tables.push(...result.tables);
			goals.push(...result.goals);
			log(`${name}: done`);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			errors.push(`${name}: ${message}`);
			log(`${name}: FAILED ${message}`);
		}
	};

	log('packing this package, fetching the community package, installing runtimes (cached after the first run)');
	const [packed, community, runtime] = await Promise.all([
		packOurs(LOGS_DIR),
		ensureCommunityPackage(join(LOGS_DIR, 'community.log')).catch((error: Error) => {
			errors.push(`community package: ${error.message}`);
			return undefined as CommunityPackage | undefined;
		}),
		withN8n
			? ensureN8nRuntime(LOGS_DIR, log).then(
					() => true,
					(error: Error) => {
						errors.push(`n8n runtime: ${error.message}`);
						return false;
					},
				)
			: Promise.resolve(false),
	]);

	if (only.has(5)) {
		const oursDir = await extractOurs(packed.tarball);
		const ours = {
			key: 'ours',
			label: `${packed.name} ${packed.version} (this package)`,
			tarball: packed.tarball,
			dir: oursDir,
			nodeModule: join(oursDir, 'dist', 'nodes', 'UiPathOrchestrator', 'UiPathOrchestrator.node.js'),
		};
		await step('scenario 5 (package)', async () => await packageScenario(ours, community, settings.repetitions, log));
	}

	log(`seeding sandboxes (${settings.listed.toLocaleString('en-US')} releases and jobs for scenario 3)`);
	const sandboxes = {
		starts: await sandbox('starts', PROCESSES.quick, { latencyMs: settings.latencyMs }),
		expiry: await sandbox('expiry', PROCESSES.quick, { latencyMs: settings.latencyMs, accessTokenTtlSeconds: settings.expiryTtlSeconds }),
		listing: await sandbox('listing', PROCESSES.quick, { latencyMs: settings.latencyMs, seed: { releases: settings.listed, jobs: settings.listed } }),
		waiting: await sandbox('waiting', PROCESSES.slow, { latencyMs: settings.latencyMs, timeScale: settings.timeScale }),
		// Its own tenant store (the trigger of scenario 4 must not get scenario 6's jobs), in real time.
		release: await sandbox('release', PROCESSES.slow, { latencyMs: settings.latencyMs }),
	};
	const targets = Object.values(sandboxes).map((entry) => entry.target);
	const [undici, embedded] = await Promise.all([startUndiciContender(targets), startEmbeddedContender(targets)]);
	const context: BenchContext = { settings, log, undici, embedded, sandboxes };

	if (runtime && community) {
		try {
			log('starting n8n with both packages installed');
			const server = await startBenchN8n(packed, community, LOGS_DIR);
			context.n8n = {
				server,
				node: new N8nContender(server, 'node', targets),
				httpRequest: new N8nContender(server, 'httpRequest', targets),
				community: new N8nContender(server, 'community', targets),
			};
			if (server.hasTrigger) context.trigger = new TriggerContender(server, sandboxes.waiting.target, sandboxes.waiting.sandbox, undici);
			log(`n8n ready at ${server.server.baseUrl}`);
		} catch (error) {
			errors.push(`real n8n: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	if (only.has(1) || only.has(2)) await step('scenarios 1 and 2 (job starts)', async () => await jobStarts(context));
	if (only.has(3)) await step('scenario 3 (Return All)', async () => await listing(context));
	if (only.has(4)) await step('scenario 4 (waiting)', async () => await waiting(context));
	if (only.has(6)) await step('scenario 6 (release the execution vs polling)', async () => await releaseWait(context));

	const finishedAt = Date.now();
	const byScenario = (a: { scenario: number }, b: { scenario: number }) => a.scenario - b.scenario;
	return {
		startedAt: new Date(startedAt).toISOString(),
		finishedAt: new Date(finishedAt).toISOString(),
		durationSeconds: (finishedAt - startedAt) / 1000,
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, n8n: `${N8N_VERSION} on Node ${NODE_VERSION}`, loadAverageAtStart },
		settings: { ...settings },
		tables: [...tables].sort(byScenario),
		goals: [...goals].sort(byScenario),
		errors,
	};
}

/** Scenarios 1 and 2 come from one step: asking for either re-measures both. */
function scenariosRun(): Set<number> {
	const { only } = settingsFromFlags(FLAGS);
	return new Set([...only].flatMap((scenario) => (scenario === 1 || scenario === 2 ? [1, 2] : [scenario])));
}

function withBefore(row: Row, earlier: Row | undefined): Row {
	if (!earlier || earlier.unsupported) return row;
	const metrics = Object.fromEntries(Object.entries(earlier.metrics).map(([metric, summary]) => [metric, summary.median]));
	return { ...row, before: { metrics, ratios: earlier.ratios } };
}

/** A run with --only updates the committed results: the scenarios it did not run stay, the ones it ran keep their earlier values as "before". */
async function mergeWithEarlier(results: BenchResults): Promise<BenchResults> {
	const ran = scenariosRun();
	if ([1, 2, 3, 4, 5, 6].every((scenario) => ran.has(scenario)) || !existsSync(RESULTS_JSON)) return results;
	const earlier = JSON.parse(await readFile(RESULTS_JSON, 'utf8')) as BenchResults;
	const kept = <T extends { scenario: number }>(entries: T[]) => entries.filter((entry) => !ran.has(entry.scenario));
	const tables = results.tables.map((table) => {
		const before = earlier.tables.find((candidate) => candidate.id === table.id);
		return { ...table, rows: table.rows.map((row) => withBefore(row, before?.rows.find((candidate) => candidate.key === row.key))) };
	});
	const goals = results.goals.map((goal) => {
		const before = earlier.goals.find((candidate) => candidate.scenario === goal.scenario && candidate.goal === goal.goal);
		return before ? { ...goal, before: `${before.met === undefined ? 'not measured' : before.met ? 'met' : 'missed'}, ${before.measured}` } : goal;
	});
	const byScenario = (a: { scenario: number }, b: { scenario: number }) => a.scenario - b.scenario;
	const keptScenarios = [...new Set(kept(earlier.tables).map((table) => table.scenario))].sort();
	// The kept scenarios come from the earlier run itself, or all from the run it had kept them from.
	const source =
		earlier.carriedOver && keptScenarios.every((scenario) => earlier.carriedOver?.scenarios.includes(scenario))
			? earlier.carriedOver
			: { startedAt: earlier.startedAt, durationSeconds: earlier.durationSeconds, loadAverageAtStart: earlier.machine.loadAverageAtStart };
	return {
		...results,
		flags: process.argv.slice(2).join(' '),
		tables: [...tables, ...kept(earlier.tables)].sort(byScenario),
		goals: [...goals, ...kept(earlier.goals)].sort(byScenario),
		carriedOver: {
			scenarios: keptScenarios,
			startedAt: source.startedAt,
			durationSeconds: source.durationSeconds,
			loadAverageAtStart: source.loadAverageAtStart,
			sameSettings: JSON.stringify(results.settings) === JSON.stringify(earlier.settings),
		},
	};
}

/** The flags, checked before anything starts: a typo must not cost a full run. */
function readFlags(): Map<string, string | true> {
	try {
		const flags = parseFlags(process.argv.slice(2));
		settingsFromFlags(flags);
		return flags;
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
}

const FLAGS = readFlags();
if (FLAGS.has('help')) {
	console.log(USAGE);
	process.exit(0);
}

main()
	.then(mergeWithEarlier)
	.then(async (results) => {
		await writeFile(RESULTS_JSON, `${JSON.stringify(results, null, '\t')}\n`);
		await writeFile(RESULTS_MD, resultsMarkdown(results));
		await writeFile(CHART_SVG, renderChart(results));
		log(`wrote ${RESULTS_JSON}, ${RESULTS_MD}, ${CHART_SVG}; ${results.errors.length} errors; total ${Math.round(results.durationSeconds)} s`);
		return results.errors.length === 0 ? 0 : 1;
	})
	.catch((error: unknown) => {
		console.error(error);
		return 1;
	})
	.then(async (code) => {
		await stopAll();
		process.exit(code);
	});
