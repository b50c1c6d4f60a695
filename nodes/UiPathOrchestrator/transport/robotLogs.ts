import { MAX_FAULT_LOG_LINES, ODATA } from '../helpers/constants';
import type { FolderRef, LogLine, ODataPage, UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './context';
import { uiPathApiRequest } from './request';

/** A job's last Error and Fatal log lines (at most MAX_FAULT_LOG_LINES), oldest first. */
export async function lastErrorLogs(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	folder: FolderRef,
	jobKey: string,
): Promise<LogLine[]> {
	const response = await uiPathApiRequest<ODataPage<LogLine>>(context, credentialType, {
		path: ODATA.robotLogs,
		folder,
		qs: {
			// JobKey is an Edm.Guid, compared unquoted.
			$filter: `JobKey eq ${jobKey} and (Level eq 'Error' or Level eq 'Fatal')`,
			$orderby: 'TimeStamp desc,Id desc',
			$top: MAX_FAULT_LOG_LINES,
			$select: 'TimeStamp,Level,Message',
		},
	});
	return (response.value ?? []).map(({ TimeStamp, Level, Message }) => ({ TimeStamp, Level, Message })).reverse();
}
