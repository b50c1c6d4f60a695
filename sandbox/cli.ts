import { parseArgs } from 'util';
import { FOLDERS, PROCESSES, QUEUE } from './fixtures';
import { startSandbox, type Sandbox } from './index';
import { completeTaskAsPerson } from './commands/completeTask';

const USAGE = `npm run sandbox -- [--port 8787] [--time-scale 1] [--latency-ms 0] [--rate-limit 100] [--seed-releases 0] [--seed-jobs 0] [--on-premises-limits]

  --port           port on 127.0.0.1 (0 picks a free one); default 8787
  --time-scale     how many times faster than real time jobs run; default 1
  --latency-ms     delay added to every request; default 0
  --rate-limit     GET Jobs / GET QueueItems requests allowed per 60 s (UiPath allows 100); default off
  --seed-releases  extra processes in Shared, for paging
  --seed-jobs      extra finished jobs in Shared
  --on-premises-limits  $top up to 1000 on QueueItems too, as on-premises (Automation Cloud allows 100)

npm run sandbox -- complete-task <task id> --action approve [--data '{"Approved":true}'] [--url http://127.0.0.1:8787] [--tenant DefaultTenant]

  Completes an Action Center task in a running sandbox as a person would: signs in, takes the task, completes it.`;

/** `complete-task <id> --action <action>`: the person's side of an approval, against a sandbox that is already running. */
async function completeTaskCommand(args: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { action: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' }, tenant: { type: 'string' } },
	});
	const id = Number(positionals[0]);
	if (!Number.isSafeInteger(id) || id < 1) throw new Error(`complete-task needs the numeric Id of a task, got '${String(positionals[0])}'`);
	if (!values.action) throw new Error('complete-task needs --action, e.g. --action approve');
	let data: Record<string, unknown> | undefined;
	if (values.data !== undefined) {
		const parsed: unknown = JSON.parse(values.data);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('--data must be a JSON object');
		data = parsed as Record<string, unknown>;
	}
	const done = await completeTaskAsPerson({ baseUrl: values.url ?? 'http://127.0.0.1:8787', taskId: id, action: values.action, data, tenant: values.tenant });
	console.log(`Task ${done.id} ("${done.title}") completed with action ${done.action} by ${done.by}.`);
}

function numberOption(values: Record<string, string | boolean | undefined>, name: string, fallback: number): number {
	const raw = values[name];
	if (raw === undefined) return fallback;
	const parsed = Number(raw);
	if (typeof raw !== 'string' || !Number.isFinite(parsed) || parsed < 0) {
		throw new Error(`--${name} must be a non-negative number, got '${String(raw)}'`);
	}
	return parsed;
}

/** The banner: every value a person pastes into n8n or curl, for every sign-in method. */
export function banner(sandbox: Sandbox): string {
	const c = sandbox.state.credentials;
	const sharedEncoded = Buffer.from(FOLDERS.shared, 'utf16le').toString('base64');
	return `UiPath sandbox running at ${sandbox.url}

Organization      ${c.organization}  (id ${c.organizationId})
Tenant            ${c.tenant}  (also: ${c.tenants.filter((tenant) => tenant !== c.tenant).join(', ')})
Orchestrator URL  ${c.orchestratorUrl}
Folders           ${Object.values(FOLDERS).join(', ')}
Processes         ${Object.values(PROCESSES).join(', ')}    Queue: ${QUEUE}

Client credentials (confidential External Application)
  Token URL       ${c.clientCredentials.tokenUrl}
  Client ID       ${c.clientCredentials.clientId}
  Client secret   ${c.clientCredentials.clientSecret}
  Scopes          ${c.clientCredentials.scope}

Personal access token
  ${c.personalAccessToken}

Folder roles only (${c.folderUser.email}: roles in ${c.folderUser.folders.join(', ')}; 403 on /odata/Folders and /odata/Robots)
  ${c.folderUser.personalAccessToken}

Refresh token (PKCE sign-in of ${c.user.email}, consent is automatic)
  npm run login -- --sandbox --baseUrl ${sandbox.url}
  Authorize URL   ${c.pkce.authorizeUrl}
  Client ID       ${c.pkce.clientId}

2019 community flow
  Token URL       ${c.legacy.tokenUrl}   Client ID ${c.legacy.clientId}
  Orchestrator    ${c.legacy.orchestratorUrl}/odata/...   header X-UIPATH-TenantName: ${c.legacy.tenantName}

On-premises
  Orchestrator    ${c.onPremises.url}/odata/...
  Authenticate    POST ${c.onPremises.authenticateUrl}
  Tenancy name    ${c.onPremises.tenancyName}   User ${c.onPremises.username}   Password ${c.onPremises.password}

Try it:
  TOKEN=$(curl -s -X POST '${c.clientCredentials.tokenUrl}' \\
    -d grant_type=client_credentials -d client_id='${c.clientCredentials.clientId}' \\
    --data-urlencode client_secret='${c.clientCredentials.clientSecret}' -d scope='OR.Execution.Read OR.Folders.Read' \\
    | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
  curl -s '${c.orchestratorUrl}/odata/Releases?$select=Name,Key' \\
    -H "Authorization: Bearer $TOKEN" -H 'X-UIPATH-FolderPath-Encoded: ${sharedEncoded}'

Press Ctrl+C to stop.`;
}

async function main(): Promise<void> {
	if (process.argv[2] === 'complete-task') {
		await completeTaskCommand(process.argv.slice(3));
		return;
	}
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			'time-scale': { type: 'string' },
			'latency-ms': { type: 'string' },
			'rate-limit': { type: 'string' },
			'seed-releases': { type: 'string' },
			'seed-jobs': { type: 'string' },
			'on-premises-limits': { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const rateLimit = numberOption(values, 'rate-limit', 0);
	const sandbox = await startSandbox({
		port: numberOption(values, 'port', 8787),
		timeScale: numberOption(values, 'time-scale', 1) || 1,
		latencyMs: numberOption(values, 'latency-ms', 0),
		rateLimit: rateLimit > 0 ? { requests: rateLimit, perSeconds: 60 } : undefined,
		seed: { releases: numberOption(values, 'seed-releases', 0), jobs: numberOption(values, 'seed-jobs', 0) },
		...(values['on-premises-limits'] ? { maxTop: { QueueItems: 1000 } } : {}),
	});
	console.log(banner(sandbox));
	const stop = () => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		console.error(USAGE);
		process.exit(1);
	});
}
