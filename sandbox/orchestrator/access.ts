import type { TokenInfo } from '../contract';
import { FOLDER_USER_EMAIL, FOLDER_USER_FOLDERS } from '../fixtures';
import { OrchestratorError } from './reply';
import type { TenantStore } from './store/tenantStore';
import type { Folder } from './store/types';

/** What a caller may see in a tenant: everything (tenant-level roles), or only the folders it has roles in. */
export type Access = { tenantWide: true } | { tenantWide: false; folderIds: ReadonlySet<number> };

/** Every seeded identity has tenant-wide roles, except the folder user. */
export function accessOf(store: TenantStore, token: TokenInfo): Access {
	if (token.subject !== FOLDER_USER_EMAIL) return { tenantWide: true };
	const folderIds = FOLDER_USER_FOLDERS.map((path) => store.folderByPath(path)?.Id).filter((id): id is number => id !== undefined);
	return { tenantWide: false, folderIds: new Set(folderIds) };
}

export function canSeeFolder(access: Access, folder: Folder): boolean {
	return access.tenantWide || access.folderIds.has(folder.Id);
}

/** Orchestrator's answer when a tenant-level permission is missing (e.g. Units.View on GET /odata/Folders). */
export function requireTenantPermission(access: Access): void {
	if (!access.tenantWide) throw new OrchestratorError(403, 'You are not authorized!');
}
