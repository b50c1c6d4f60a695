import { createHash } from 'crypto';

import { startSandbox, type RecordedRequest, type Sandbox, type SandboxOptions } from '../../sandbox';
import { FOLDERS } from '../../sandbox/fixtures';
import type { Target } from '../contenders/tasks';

export interface BenchSandbox {
	sandbox: Sandbox;
	target: Target;
}

/** A sandbox for one scenario, and the target (URLs, client credentials, process) contenders use against it. */
export async function startBenchSandbox(name: string, processName: string, options: SandboxOptions): Promise<BenchSandbox> {
	const sandbox = await startSandbox(options);
	const { store, credentials } = sandbox.state;
	const folder = store.folderByPath(FOLDERS.shared);
	if (!folder) throw new Error(`the sandbox has no ${FOLDERS.shared} folder`);
	const release = store.releasesIn(folder.Id).find((candidate) => candidate.Name === processName);
	if (!release) throw new Error(`the sandbox has no process ${processName} in ${FOLDERS.shared}`);
	return {
		sandbox,
		target: {
			name,
			baseUrl: sandbox.url,
			orchestratorUrl: credentials.orchestratorUrl,
			tokenUrl: credentials.clientCredentials.tokenUrl,
			organization: credentials.organization,
			tenant: credentials.tenant,
			clientId: credentials.clientCredentials.clientId,
			clientSecret: credentials.clientCredentials.clientSecret,
			scope: credentials.clientCredentials.scope,
			folderPath: FOLDERS.shared,
			folderId: folder.Id,
			releaseKey: release.Key,
			releaseName: release.Name,
		},
	};
}

/** What the sandbox received during one run. */
export interface RequestTally {
	/** Orchestrator API calls (everything under /orchestrator_/), 401 resends included. */
	orchestrator: number;
	/** POSTs to the identity token endpoint. */
	token: number;
	/** Orchestrator calls answered 401. */
	unauthorized: number;
	/** Distinct bearer tokens that were answered 401 (each an expiry the client ran into). */
	expiredTokens: number;
	/** Job starts (StartJobs POSTs). */
	starts: number;
	/** GET Jobs(<id>) per job id. */
	jobReads: Map<number, number>;
}

const isToken = (request: RecordedRequest) => request.method === 'POST' && request.path.endsWith('/connect/token');
const isOrchestrator = (request: RecordedRequest) => request.path.includes('/orchestrator_/');
const JOB_READ = /\/odata\/Jobs\((\d+)\)$/;

/** Counts the requests recorded since the last `clearRequests()`; tokens are hashed in memory, never kept. */
export function tallyRequests(sandbox: Sandbox): RequestTally {
	const tally: RequestTally = { orchestrator: 0, token: 0, unauthorized: 0, expiredTokens: 0, starts: 0, jobReads: new Map() };
	const expired = new Set<string>();
	for (const request of sandbox.state.requests) {
		if (isToken(request)) tally.token++;
		if (!isOrchestrator(request)) continue;
		tally.orchestrator++;
		if (request.status === 401) {
			tally.unauthorized++;
			expired.add(createHash('sha256').update(String(request.headers.authorization ?? '')).digest('hex'));
		}
		if (request.method === 'POST' && request.path.endsWith('/UiPath.Server.Configuration.OData.StartJobs')) tally.starts++;
		const read = request.method === 'GET' ? JOB_READ.exec(request.path) : null;
		if (read) tally.jobReads.set(Number(read[1]), (tally.jobReads.get(Number(read[1])) ?? 0) + 1);
	}
	tally.expiredTokens = expired.size;
	return tally;
}
