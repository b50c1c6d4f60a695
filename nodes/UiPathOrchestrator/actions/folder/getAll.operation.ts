import { ODATA } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { listOperation, nameContains } from '../listing';

export const { description, execute } = listOperation({
	resource: 'folder',
	path: ODATA.folders,
	inFolder: false,
	orderBy: 'Id asc',
	filters: [nameContains('folders', 'FullyQualifiedName', 'full path')],
	toOutput: withoutODataAnnotations,
});
