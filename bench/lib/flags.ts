import { DEFAULT_SETTINGS } from '../scenarios/context';

/** The flags `npm run bench` takes; `--help` prints them, any other flag stops the run before it starts. */
const FLAGS: Array<{ name: string; value?: string; says: string }> = [
	{ name: 'only', value: '1,2,…', says: 'run only these scenarios (1 and 2 always run together); the others are kept from bench/results.json and the re-measured ones show the earlier values as "before"' },
	{ name: 'reps', value: 'N', says: `repetitions per contender (default ${DEFAULT_SETTINGS.repetitions})` },
	{ name: 'jobs', value: 'N', says: `jobs per run in scenario 1, and the most any run of scenarios 1 and 2 starts (default ${DEFAULT_SETTINGS.jobs})` },
	{ name: 'listed', value: 'N', says: `releases and jobs seeded for scenario 3 (default ${DEFAULT_SETTINGS.listed})` },
	{ name: 'wait-jobs', value: 'N', says: `jobs waited for in scenario 4 (default ${DEFAULT_SETTINGS.waitJobs})` },
	{ name: 'release-jobs', value: 'N', says: `jobs of scenario 6 (default ${DEFAULT_SETTINGS.releaseJobs})` },
	{ name: 'no-n8n', says: 'leave out the real n8n (and the contenders that need it)' },
	{ name: 'help', says: 'print this and exit' },
];

export const USAGE = [
	'npm run bench [-- flags]: this node against raw undici, the HTTP Request node and n8n-nodes-uipath-orchestrator;',
	'writes bench/results.json, bench/results.md and bench/chart.svg (CPU profiles of scenario 2b in bench/.work/profiles/).',
	'',
	...FLAGS.map((flag) => `  --${flag.name}${flag.value ? ` ${flag.value}` : ''}`.padEnd(22) + flag.says),
	'',
	'Example: npm run bench -- --only 2 --reps 1',
].join('\n');

/** The flags given, by name; throws on an unknown flag or a missing value, so a typo does not start a full run. */
export function parseFlags(argv: string[]): Map<string, string | true> {
	const given = new Map<string, string | true>();
	for (let index = 0; index < argv.length; index++) {
		const flag = FLAGS.find((candidate) => `--${candidate.name}` === argv[index]);
		if (!flag) throw new Error(`unknown argument "${argv[index]}"`);
		if (!flag.value) {
			given.set(flag.name, true);
			continue;
		}
		const value = argv[++index];
		if (value === undefined || value.startsWith('--')) throw new Error(`--${flag.name} needs a value (${flag.value})`);
		given.set(flag.name, value);
	}
	return given;
}
