import type { BenchResults, Table } from './model';

/** One horizontal bar: the median, with a whisker from min to max when there are several samples. */
interface Bar {
	label: string;
	/** Undefined for a contender that cannot do the task: the row shows why instead of a bar. */
	value?: number;
	min?: number;
	max?: number;
	text: string;
	/** The node's own rows are drawn in the accent colour. */
	highlight: boolean;
}

interface Panel {
	title: string;
	bars: Bar[];
}

const WIDTH = 1100;
const LABEL_WIDTH = 420;
const BAR_AREA = 380;
const ROW = 22;
const PANEL_GAP = 18;
const TITLE = 24;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panelFrom(
	table: Table | undefined,
	title: string,
	metric: string,
	format: (value: number) => string,
	annotate: (row: Table['rows'][number]) => string = () => '',
): Panel | undefined {
	if (!table) return undefined;
	const bars: Bar[] = [];
	for (const row of table.rows) {
		const label = row.variant ? `${row.label} · ${row.variant}` : row.label;
		const highlight = row.contender.startsWith('node-') || row.contender.startsWith('trigger') || row.contender === 'ours';
		if (row.unsupported) {
			bars.push({ label, text: `not available: ${row.unsupported}`, highlight });
			continue;
		}
		const summary = row.metrics[metric];
		if (!summary || !Number.isFinite(summary.median)) continue;
		const ratio = row.ratios[metric];
		const extra = [ratio !== undefined ? `${ratio.toFixed(2)}×` : '', annotate(row)].filter(Boolean).join(', ');
		bars.push({
			label,
			value: summary.median,
			...(summary.samples.length > 1 ? { min: summary.min, max: summary.max } : {}),
			text: `${format(summary.median)}${extra ? `  (${extra})` : ''}`,
			highlight,
		});
	}
	return bars.some((bar) => bar.value !== undefined) ? { title, bars } : undefined;
}

function renderPanel(panel: Panel, top: number): string {
	const scaleMax = Math.max(...panel.bars.map((bar) => bar.max ?? bar.value ?? 0)) || 1;
	const x = (value: number) => LABEL_WIDTH + (value / scaleMax) * BAR_AREA;
	const parts = [`<text x="8" y="${top + 16}" class="title">${esc(panel.title)}</text>`];
	panel.bars.forEach((bar, index) => {
		const y = top + TITLE + index * ROW;
		const label = bar.label.length > 68 ? `${bar.label.slice(0, 67)}…` : bar.label;
		parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 14}" class="label" text-anchor="end">${esc(label)}</text>`);
		if (bar.value === undefined) {
			parts.push(`<text x="${LABEL_WIDTH + 4}" y="${y + 14}" class="missing">${esc(bar.text)}</text>`);
			return;
		}
		parts.push(`<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${Math.max(1, x(bar.value) - LABEL_WIDTH).toFixed(1)}" height="${ROW - 8}" class="${bar.highlight ? 'node' : 'other'}"/>`);
		if (bar.min !== undefined && bar.max !== undefined) {
			parts.push(`<line x1="${x(bar.min).toFixed(1)}" x2="${x(bar.max).toFixed(1)}" y1="${y + ROW / 2}" y2="${y + ROW / 2}" class="whisker"/>`);
		}
		parts.push(`<text x="${(Math.max(x(bar.value), x(bar.max ?? 0)) + 6).toFixed(1)}" y="${y + 14}" class="value">${esc(bar.text)}</text>`);
	});
	return parts.join('\n');
}

const panelHeight = (panel: Panel) => TITLE + panel.bars.length * ROW;

export function renderChart(results: BenchResults): string {
	const byId = (id: string) => results.tables.find((table) => table.id === id);
	const latency = results.settings.latencyMs as number;
	const seconds = (value: number) => `${value.toFixed(2)} s`;
	const perJob = (value: number) => `${value.toFixed(2)} ms`;
	const panels = [
		panelFrom(byId(`s1-${latency}ms`), `1 · Start jobs at concurrency 16 (the community node: 1), ${latency} ms latency: ms per job, ratio to undici at the same concurrency`, 'msPerJob', perJob, (row) => `${row.metrics.requestsPerJob?.median.toFixed(2)} req/job`),
		panelFrom(byId(`s2-${latency}ms`), `2 · Concurrency 1 / 4 / 16, ${latency} ms latency: ms per job`, 'msPerJob', perJob),
		panelFrom(byId(`s3-${latency}ms`), `3 · Return All over 25,000 releases / jobs, ${latency} ms latency: wall time`, 'wallS', seconds, (row) => `${row.metrics.requests?.median} requests, +${row.metrics.peakGrowthMb?.median.toFixed(0)} MiB`),
		panelFrom(byId('s4'), '4 · 200 jobs of 1–30 s: median delay from job end to item output', 'delayMedianMs', (value) => `${value.toFixed(0)} ms`, (row) => `${row.metrics.pollsPerJob?.median.toFixed(1)} polls/job`),
		panelFrom(byId('s5'), '5 · Package: cold require of the node module', 'requireMs', (value) => `${value.toFixed(1)} ms`, (row) => `${row.metrics.tarballKiB?.median.toFixed(0)} KiB tarball, ${row.metrics.directDependencies?.median} deps`),
	].filter((panel): panel is Panel => panel !== undefined);
	let top = 8;
	const body: string[] = [];
	for (const panel of panels) {
		body.push(renderPanel(panel, top));
		top += panelHeight(panel) + PANEL_GAP;
	}
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="Helvetica, Arial, sans-serif">`,
		'<style>.title{font-size:13px;font-weight:bold;fill:#222}.label{font-size:11px;fill:#333}.value{font-size:11px;fill:#333}.node{fill:#fa4616}.other{fill:#8a9bb0}.whisker{stroke:#222;stroke-width:1.5}.missing{font-size:11px;font-style:italic;fill:#888}</style>',
		`<rect width="${WIDTH}" height="${top}" fill="#fff"/>`,
		...body,
		'</svg>',
		'',
	].join('\n');
}
