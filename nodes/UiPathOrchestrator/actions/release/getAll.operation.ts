import { ODATA } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { listOperation, nameContains } from '../listing';

export const { description, execute } = listOperation({
	resource: 'release',
	path: ODATA.releases,
	inFolder: true,
	orderBy: 'Id asc',
	filters: [nameContains('processes')],
	toOutput: withoutODataAnnotations,
});
