/** A fault the sandbox injects into matching requests; tests add, change and remove them through `sandbox.state.faults`. */
export interface FaultRule {
	/** Any method when absent. */
	method?: string;
	/** A string matches when the request path contains it; a RegExp is tested against the path. */
	path: string | RegExp;
	/** Added before the request is served. */
	latencyMs?: number;
	/** Share (0..1) of matching requests answered with a 5xx before they are served. */
	status5xxRate?: number;
	/** The 5xx status to answer; 503 by default. */
	status5xx?: 500 | 502 | 503 | 504;
	/** Destroys the connection before the request is served. */
	reset?: boolean;
	/**
	 * Serves the request (the job or queue item is created), then drops the answer: `true`/`'reset'` destroys the
	 * connection, `'hang'` never answers. Only successful Orchestrator answers are dropped.
	 */
	dropAfterCreate?: boolean | 'reset' | 'hang';
	/**
	 * Receives the request and never answers it (the connection stays open until the client goes away), so the
	 * client is frozen at a known point: e.g. a start-and-wait's first poll is the request right after StartJobs
	 * was answered. Held requests are recorded with outcome `held`.
	 */
	hold?: boolean;
	/** Answers with this redirect instead of serving the request (to test what a client carries to another origin). */
	redirect?: { status: 301 | 302 | 303 | 307 | 308; location: string };
	/** How many more matching requests the rule affects; forever when absent. Counts down to 0. */
	times?: number;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
	if (rule.times !== undefined && rule.times <= 0) return false;
	if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
	return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

/** The rules that affect this request; each one's `times` is counted down. */
export function takeFaults(rules: FaultRule[], method: string, path: string): FaultRule[] {
	const matched = rules.filter((rule) => matches(rule, method, path));
	for (const rule of matched) if (rule.times !== undefined) rule.times -= 1;
	return matched;
}
