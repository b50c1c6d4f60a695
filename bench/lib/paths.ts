import { join, resolve } from 'path';

export const BENCH_DIR = resolve(__dirname, '..');
/** Scratch space: n8n user folder, logs, the community package; ignored by git. */
export const BENCH_WORK_DIR = join(BENCH_DIR, '.work');
export const LOGS_DIR = join(BENCH_WORK_DIR, 'logs');
/** The CPU profiles of scenario 2b's runs. */
export const PROFILES_DIR = join(BENCH_WORK_DIR, 'profiles');
export const RESULTS_JSON = join(BENCH_DIR, 'results.json');
export const RESULTS_MD = join(BENCH_DIR, 'results.md');
export const CHART_SVG = join(BENCH_DIR, 'chart.svg');
