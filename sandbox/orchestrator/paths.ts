import { ORGANIZATION, ORGANIZATION_ID, TENANTS } from '../fixtures';

/** How a request addressed Orchestrator. */
export interface OrchestratorAddress {
	/** `cloud`: /{organization}/{tenant}/orchestrator_/…; `legacy`: the 2019 /{account}/{tenant}/odata/…; `onPremises`: /odata/… at the root. */
	kind: 'cloud' | 'legacy' | 'onPremises';
	/** Canonical tenant name from the URL; on-premises requests take it from the token. */
	tenant?: string;
	/** The path before `/odata` or `/api`, e.g. `/acme/DefaultTenant/orchestrator_`. */
	prefix: string;
	/** From `/odata`, `/api`, `/forms` or `/tasks` (Action Center) on, e.g. `/odata/Jobs(42)`. */
	rest: string;
}

const CLOUD = /^\/([^/]+)\/([^/]+)\/orchestrator_(\/(?:odata|api|forms|tasks)(?:\/.*)?)$/i;
const LEGACY = /^\/([^/]+)\/([^/]+)(\/(?:odata|api|forms|tasks)(?:\/.*)?)$/i;
const ON_PREMISES = /^(\/(?:odata|api|forms|tasks)(?:\/.*)?)$/i;

const isOrganization = (name: string) =>
	name.toLowerCase() === ORGANIZATION.toLowerCase() || name.toLowerCase() === ORGANIZATION_ID;

const tenantNamed = (name: string) => TENANTS.find((tenant) => tenant.toLowerCase() === name.toLowerCase());

/** undefined when the path is not an Orchestrator path of this sandbox (the caller answers the HTML 404 page). */
export function parseOrchestratorPath(pathname: string): OrchestratorAddress | undefined {
	let match = CLOUD.exec(pathname);
	if (match) {
		const tenant = tenantNamed(decodeURIComponent(match[2]));
		if (!isOrganization(decodeURIComponent(match[1])) || !tenant) return undefined;
		return { kind: 'cloud', tenant, prefix: pathname.slice(0, pathname.length - match[3].length), rest: match[3] };
	}
	match = LEGACY.exec(pathname);
	if (match) {
		const tenant = tenantNamed(decodeURIComponent(match[2]));
		if (!isOrganization(decodeURIComponent(match[1])) || !tenant) return undefined;
		return { kind: 'legacy', tenant, prefix: pathname.slice(0, pathname.length - match[3].length), rest: match[3] };
	}
	match = ON_PREMISES.exec(pathname);
	if (match) return { kind: 'onPremises', prefix: '', rest: match[1] };
	return undefined;
}
