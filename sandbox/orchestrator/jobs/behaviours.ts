import { FAULT_INFO, JOB_TIMINGS_MS } from '../../fixtures';
import type { ProcessBehaviourName } from '../store/types';

export interface JobOutcome {
	state: 'Successful' | 'Faulted';
	info: string;
	outputArguments: string | null;
}

/** Adds every finite number found anywhere in the input arguments. */
function numericTotal(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + numericTotal(item), 0);
	if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + numericTotal(item), 0);
	return 0;
}

function parseInputs(inputArguments: string | null): Record<string, unknown> {
	if (!inputArguments) return {};
	const parsed: unknown = JSON.parse(inputArguments);
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** How long a job of this process runs once a robot picked it up (real time, before `timeScale`). */
export function runDurationMs(behaviour: ProcessBehaviourName): number {
	return JOB_TIMINGS_MS[behaviour];
}

/** What the robot reports at the end of a run that nobody stopped. */
export function outcomeOf(behaviour: ProcessBehaviourName, inputArguments: string | null, endedAt: Date): JobOutcome {
	switch (behaviour) {
		case 'quick': {
			const inputs = parseInputs(inputArguments);
			const total = Math.round(numericTotal(inputs) * 100) / 100;
			return { state: 'Successful', info: 'Job completed', outputArguments: JSON.stringify({ ...inputs, Total: total }) };
		}
		case 'faulting':
			return { state: 'Faulted', info: FAULT_INFO, outputArguments: null };
		case 'slow': {
			const month = parseInputs(inputArguments).Month;
			const period = typeof month === 'string' && month !== '' ? month : endedAt.toISOString().slice(0, 7);
			return {
				state: 'Successful',
				info: 'Job completed',
				outputArguments: JSON.stringify({ ReportUrl: `https://erp.acme.test/reports/month-end/${encodeURIComponent(period)}.pdf` }),
			};
		}
	}
}
