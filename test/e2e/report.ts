/** PASS/FAIL/PENDING/SKIP lines for every check, and the tally that decides the exit code. */
export type Outcome = 'PASS' | 'FAIL' | 'PENDING' | 'SKIP';

export interface CheckResult {
	name: string;
	outcome: Outcome;
	detail: string;
	seconds: number;
}

export class Report {
	readonly results: CheckResult[] = [];
	private readonly startedAt = Date.now();

	/** Runs one check; a thrown error is a FAIL with its message, never a crash of the whole run. */
	async check(name: string, run: () => Promise<string>): Promise<boolean> {
		const started = Date.now();
		try {
			const detail = await run();
			this.record({ name, outcome: 'PASS', detail, seconds: elapsed(started) });
			return true;
		} catch (error) {
			this.record({ name, outcome: 'FAIL', detail: describe(error), seconds: elapsed(started) });
			return false;
		}
	}

	pending(name: string, reason: string): void {
		this.record({ name, outcome: 'PENDING', detail: reason, seconds: 0 });
	}

	/** What this machine cannot do (no browser), said in one line; the rest of the run goes on. */
	skip(name: string, reason: string): void {
		this.record({ name, outcome: 'SKIP', detail: reason, seconds: 0 });
	}

	fail(name: string, detail: string): void {
		this.record({ name, outcome: 'FAIL', detail, seconds: 0 });
	}

	get failed(): boolean {
		return this.results.some((result) => result.outcome === 'FAIL');
	}

	summary(): string {
		const count = (outcome: Outcome) => this.results.filter((result) => result.outcome === outcome).length;
		const skipped = count('SKIP') ? `, ${count('SKIP')} skipped` : '';
		return `e2e: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('PENDING')} pending${skipped} in ${elapsed(this.startedAt)} s`;
	}

	private record(result: CheckResult): void {
		this.results.push(result);
		console.log(`${result.outcome} ${result.name} (${result.seconds} s)${result.detail ? `: ${result.detail}` : ''}`);
	}
}

export function elapsed(since: number): number {
	return Math.round((Date.now() - since) / 100) / 10;
}

export function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function log(message: string): void {
	console.log(`  · ${message}`);
}

/** Throws with the message when the condition is false: the assertions of every scenario. */
export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}
