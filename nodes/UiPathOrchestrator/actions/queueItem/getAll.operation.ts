import { NodeOperationError } from 'n8n-workflow';

import { ODATA, QUEUE_ITEM_STATUSES } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { queueNameOf } from '../../helpers/parameters';
import { describeFolder, findQueueByName } from '../../transport';
import { queueNameLocator } from '../../descriptions/common';
import { anyOf, listOperation, textEquals, type FilterScope, type ListFilter } from '../listing';

async function queueIdByName({ context, credentialType, folder, itemIndex }: FilterScope, name: string): Promise<number> {
	// Folder-scoped listing: the builder always sets the folder.
	const queue = await findQueueByName(context, credentialType, folder!, name);
	if (!queue) {
		throw new NodeOperationError(context.getNode(), `No queue named "${name}" in ${describeFolder(folder)}`, {
			itemIndex,
			description: 'Check Filters > Queue Name and the folder.',
		});
	}
	return queue.Id;
}

/** Queue items carry their queue's Id, not its name: the name is looked up first. */
const queueName: ListFilter = {
	option: queueNameLocator,
	condition: async (value, scope) => {
		const name = queueNameOf(value);
		return name ? `QueueDefinitionId eq ${await queueIdByName(scope, name)}` : undefined;
	},
};

export const { description, execute } = listOperation({
	resource: 'queueItem',
	path: ODATA.queueItems,
	inFolder: true,
	orderBy: 'Id desc',
	filters: [
		queueName,
		anyOf('Statuses', 'statuses', 'Status', QUEUE_ITEM_STATUSES, 'Only items in one of these statuses'),
		textEquals('Reference', 'reference', 'Reference', 'Only items with this reference'),
	],
	toOutput: withoutODataAnnotations,
	complete: { fields: ['SpecificContent'], entity: ODATA.queueItem },
});
