import { createHash } from 'crypto';
import { ORGANIZATION, ORGANIZATION_ID, TENANTS, USER_EMAIL } from '../fixtures';

/** The seeded person's id (UiPath user ids are GUIDs; `sub` of their tokens). */
export const USER_ID = stableGuid(`user:${USER_EMAIL}`);

/** A GUID derived from a name, so ids stay the same across starts. */
export function stableGuid(name: string): string {
	const hex = createHash('sha1').update(`n8n-nodes-uipath sandbox ${name}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function tenantId(tenant: string): string {
	return stableGuid(`tenant:${ORGANIZATION}/${tenant}`);
}

/** True when the path segment names the seeded organization, by name (any case) or id. */
export function isOrganization(segment: string): boolean {
	return (
		segment.toLowerCase() === ORGANIZATION.toLowerCase() ||
		segment.toLowerCase() === ORGANIZATION_ID
	);
}

export const USER_PROFILE = {
	id: USER_ID,
	email: USER_EMAIL,
	name: 'Robin',
	surname: 'Ops',
};

export const SEEDED_TENANTS = TENANTS.map((name) => ({ id: tenantId(name), name }));
