import { ODATA, TASK_STATUSES } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { parameterError } from '../../helpers/parameters';
import { describeFolder, findTaskUser, resolveFolderId } from '../../transport';
import { anyOf, listOperation, textEquals, type FilterScope, type ListFilter } from '../listing';

/** Tasks carry their assignee's user Id: the e-mail is looked up among the people tasks in the folder can go to. */
const assignee: ListFilter = {
	option: {
		displayName: 'Assignee',
		name: 'assignee',
		type: 'string',
		default: '',
		placeholder: 'e.g. name@example.com',
		description: 'Only tasks assigned to the person with this e-mail address or user name',
	},
	condition: async (value, { context, credentialType, folder, itemIndex }: FilterScope) => {
		const text = String(value ?? '').trim();
		if (!text) return undefined;
		// Folder-scoped listing: the builder always sets the folder.
		const folderId = await resolveFolderId(context, credentialType, folder!);
		const user = await findTaskUser(context, credentialType, folderId, text);
		if (!user) {
			throw parameterError(context, itemIndex, { label: 'Assignee', name: 'filters.assignee' }, `"${text}" is not someone tasks in ${describeFolder(folder)} can go to`);
		}
		return `AssignedToUserId eq ${user.id}`;
	},
};

export const { description, execute } = listOperation({
	resource: 'task',
	path: ODATA.tasksAcrossFolders,
	inFolder: true,
	orderBy: 'Id desc',
	folderCondition: (folderId) => `OrganizationUnitId eq ${folderId}`,
	filters: [
		anyOf('Statuses', 'statuses', 'Status', TASK_STATUSES, 'Only tasks in one of these statuses'),
		assignee,
		textEquals('Catalog', 'catalog', 'TaskCatalogName', 'Only tasks of this action catalog'),
	],
	toOutput: withoutODataAnnotations,
});
