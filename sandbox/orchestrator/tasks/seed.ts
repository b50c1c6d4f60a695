import { randomUUID } from 'crypto';
import { TASK_CATALOGS, TASK_USERS } from '../../fixtures';
import type { TenantStore } from '../store/tenantStore';

/** The catalogs and the people tasks can go to; runs after the folders exist. */
export function seedTasks(store: TenantStore, now: number): void {
	const folderIds = (paths: readonly string[]) =>
		paths.map((path) => store.folderByPath(path)?.Id).filter((id): id is number => id !== undefined);
	for (const user of TASK_USERS) {
		const folders: readonly string[] = user.folders;
		store.taskUsers.push({
			id: user.id,
			userName: user.userName,
			name: user.name,
			surname: user.surname,
			emailAddress: user.email,
			folderIds: folders.includes('*') ? 'all' : folderIds(folders),
		});
	}
	for (const catalog of Object.values(TASK_CATALOGS)) {
		const id = store.nextId('taskCatalog');
		store.taskCatalogs.set(id, {
			Id: id,
			Key: randomUUID(),
			Name: catalog.name,
			Description: null,
			CreationTime: new Date(now - 30 * 86_400_000).toISOString(),
			LastModificationTime: null,
			Encrypted: false,
			folderIds: folderIds(catalog.folders),
		});
	}
}
