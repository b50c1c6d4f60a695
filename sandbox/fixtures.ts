/**
 * The names the sandbox seeds: shared by the sandbox, its CLI banner, the tests, the demo and the benchmarks.
 * Secrets (client secret, personal access token, password) are generated per start and read from
 * `sandbox.state.credentials`, so no test can pass by knowing them in advance.
 */
export const ORGANIZATION = 'acme';
export const ORGANIZATION_ID = '5c2c6a8e-1e4a-4d8a-9a53-0b7e3a1d2f10';
export const TENANTS = ['DefaultTenant', 'Staging'] as const;
export const TENANT = TENANTS[0];

/** The seeded person who signs in (auto consent) in the authorization-code flows. */
export const USER_EMAIL = 'robin.ops@acme.test';
export const USER_NAME = 'robin.ops';

/**
 * A second person, with roles only in these folders and no tenant-level permission (no Units.View, Robots.View,
 * Packages.View, Webhooks.View), as most users and External Applications are; they sign in with a personal access token.
 */
export const FOLDER_USER_EMAIL = 'casey.folders@acme.test';
export const FOLDER_USER_FOLDERS = ['Shared', 'Finance/Invoices'] as const;

/** Non-confidential External Application used with PKCE (login tool, n8n's OAuth2 Connect). */
export const PUBLIC_CLIENT_ID = 'sandbox-pkce-app';
/** Confidential External Application used with client credentials. */
export const CONFIDENTIAL_CLIENT_ID = 'sandbox-confidential-app';
/** The public client of the 2019 community guide (account.uipath.com), as the credential and the login tool know it. */
export { LEGACY_PUBLIC_CLIENT_ID as LEGACY_CLIENT_ID, LEGACY_REDIRECT_URI } from '../credentials/auth/endpoints';

/** Every Orchestrator scope the node's operations need. */
export const ORCHESTRATOR_SCOPES = [
	'OR.Folders.Read',
	'OR.Folders.Write',
	'OR.Execution.Read',
	'OR.Jobs',
	'OR.Jobs.Read',
	'OR.Jobs.Write',
	'OR.Robots.Read',
	'OR.Queues',
	'OR.Queues.Read',
	'OR.Queues.Write',
	'OR.Assets',
	'OR.Assets.Read',
	'OR.Assets.Write',
	'OR.Monitoring',
	'OR.Monitoring.Read',
	'OR.Administration',
	'OR.Administration.Read',
	'OR.Administration.Write',
	'OR.Webhooks',
	'OR.Users.Read',
	'OR.Tasks',
	'OR.Tasks.Read',
	'OR.Tasks.Write',
] as const;

/** On-premises `/api/Account/Authenticate`. */
export const ON_PREMISES_TENANCY_NAME = 'Default';
export const ON_PREMISES_USERNAME = 'admin';

export const FOLDERS = { shared: 'Shared', finance: 'Finance', invoices: 'Finance/Invoices' } as const;

/** Seeded processes (releases) and what their robots do. */
export const PROCESSES = {
	/** Succeeds in about 2 s; OutputArguments echo the inputs plus a computed total. */
	quick: 'Invoice Echo',
	/** Faults after about 1 s with an Info message. */
	faulting: 'Always Faults',
	/** Runs about 30 s unless stopped. */
	slow: 'Month End Report',
} as const;

export const QUEUE = 'Invoices';
export const ASSET = 'ErpBaseUrl';
/** Storage buckets in the Shared folder: one kept by Orchestrator, one in external storage (Azure). */
export const BUCKETS = { hosted: 'Invoice Archive', external: 'Scans' } as const;
export const ROBOTS = ['Robot-01', 'Robot-02'] as const;

/** Package ids in the tenant feed (`/odata/Processes`) behind PROCESSES, and their versions. */
export const PACKAGES = {
	quick: { id: 'InvoiceEcho', version: '1.0.3' },
	faulting: { id: 'AlwaysFaults', version: '1.2.0' },
	slow: { id: 'MonthEndReport', version: '2.0.1' },
} as const;

/** How long each step of a job takes in real time; `startSandbox({ timeScale })` divides them. */
export const JOB_TIMINGS_MS = { pending: 500, quick: 2000, faulting: 1000, slow: 30000, stopping: 300 } as const;

/** The `Info` of every job of the faulting process. */
export const FAULT_INFO =
	'Invoice could not be posted: the ERP answered 422 Unprocessable Entity (simulated fault in Always Faults).';

/** Machines the two robots run on (`HostMachineName` of their jobs). */
export const MACHINES = ['ACME-VM-01', 'ACME-VM-02'] as const;

/** Folder holding the seeded queue, its items and the asset. */
export const QUEUE_FOLDER = FOLDERS.shared;
export const ASSET_FOLDER = FOLDERS.shared;
export const ASSET_VALUE = 'https://erp.acme.test/api/v2';
/** One asset of each value type the node reads, all in ASSET_FOLDER. The credential's password is generated per start and never sent. */
export const ASSETS = {
	text: ASSET,
	integer: 'InvoiceBatchSize',
	bool: 'PostingEnabled',
	credential: 'ErpServiceAccount',
} as const;
export const ASSET_VALUES = { integer: 50, bool: true, credentialUsername: 'svc-erp@acme.test' } as const;

/**
 * People who can take Action Center tasks (Tasks.View and Tasks.Edit) and the folders they have that role in;
 * `*` is every folder. The reviewer has it only in Finance, so a task in Shared cannot go to them.
 */
export const TASK_USERS = [
	{ id: 7, userName: USER_NAME, name: 'Robin', surname: 'Ops', email: USER_EMAIL, folders: ['*'] },
	{ id: 11, userName: 'casey.folders', name: 'Casey', surname: 'Folders', email: FOLDER_USER_EMAIL, folders: [...FOLDER_USER_FOLDERS] },
	{ id: 12, userName: 'morgan.reviewer', name: 'Morgan', surname: 'Reviewer', email: 'morgan.reviewer@acme.test', folders: ['Finance', 'Finance/Invoices'] },
] as const;

/** Action catalogs and the folders they are shared with. */
export const TASK_CATALOGS = {
	approvals: { name: 'Invoice Approvals', folders: ['Shared', 'Finance/Invoices'] },
	review: { name: 'Document Review', folders: ['Finance/Invoices'] },
} as const;
