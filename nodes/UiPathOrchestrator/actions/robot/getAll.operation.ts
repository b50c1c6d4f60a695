import { ODATA } from '../../helpers/constants';
import { withoutODataAnnotations } from '../../helpers/output';
import { listOperation, nameContains } from '../listing';

export const { description, execute } = listOperation({
	resource: 'robot',
	path: ODATA.robots,
	inFolder: true,
	orderBy: 'Id asc',
	filters: [nameContains('robots')],
	toOutput: withoutODataAnnotations,
	// GET /odata/Robots needs the tenant-level Robots.View; GetRobotsFromFolder needs only a folder role such as Jobs.Create.
	whenForbidden: ODATA.robotsFromFolder,
});
