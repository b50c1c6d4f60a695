import type { ProcessBehaviourName } from '../store/types';

/** The input argument Month End Report reads to run longer or shorter than its usual 30 s (sandbox time, before `timeScale`). */
export const RUN_SECONDS_ARGUMENT = 'RunSeconds';
/** A robot run the sandbox accepts: up to a day. */
const MAX_RUN_SECONDS = 24 * 60 * 60;

/**
 * How long a Month End Report job runs when its caller asked with `RunSeconds` (a positive number of seconds), as a
 * process whose workflow waits for its input would; undefined for other processes and for a missing or unusable value.
 */
export function requestedRunMs(behaviour: ProcessBehaviourName, inputArguments: string | null): number | undefined {
	if (behaviour !== 'slow' || !inputArguments) return undefined;
	let inputs: unknown;
	try {
		inputs = JSON.parse(inputArguments);
	} catch {
		return undefined;
	}
	const seconds = inputs && typeof inputs === 'object' ? (inputs as Record<string, unknown>)[RUN_SECONDS_ARGUMENT] : undefined;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_RUN_SECONDS) return undefined;
	return seconds * 1000;
}
