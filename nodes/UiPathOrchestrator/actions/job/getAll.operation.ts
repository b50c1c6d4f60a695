import { JOB_EXPAND, JOB_STATES, ODATA } from '../../helpers/constants';
import { toJob } from '../../helpers/outputItems';
import { withOutputFile } from '../../transport';
import { anyOf, createdBound, listOperation, textEquals } from '../listing';

export const { description, execute } = listOperation({
	resource: 'job',
	path: ODATA.jobs,
	inFolder: true,
	orderBy: 'Id desc',
	filters: [
		anyOf('States', 'states', 'State', JOB_STATES, 'Only jobs in one of these states'),
		textEquals('Process Name', 'releaseName', 'ReleaseName', 'Only jobs of the process with this name'),
		textEquals('Reference', 'reference', 'Reference', 'Only jobs started with this reference'),
		createdBound('Created After', 'createdAfter', 'ge'),
		createdBound('Created Before', 'createdBefore', 'lt'),
	],
	toOutput: toJob,
	expand: JOB_EXPAND,
	complete: { fields: ['InputArguments', 'OutputArguments'], entity: ODATA.job },
	// Jobs are listed in a folder, so the folder is always set here.
	readKept: async (context, credentialType, folder, job) => (folder ? await withOutputFile(context, credentialType, folder, job) : job),
});
