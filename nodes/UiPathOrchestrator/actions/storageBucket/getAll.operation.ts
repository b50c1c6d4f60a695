import { ODATA } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/outputItems';
import { listOperation, nameContains } from '../listing';

export const { description, execute } = listOperation({
	resource: 'storageBucket',
	path: ODATA.buckets,
	inFolder: true,
	orderBy: 'Id asc',
	filters: [nameContains('buckets')],
	toOutput: withoutODataAnnotations,
});
