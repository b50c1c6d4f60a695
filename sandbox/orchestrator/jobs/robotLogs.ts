import type { TenantStore } from '../store/tenantStore';
import type { Job, LogLevel } from '../store/types';

/** Appends one line a robot logged for a job, as Orchestrator stores it for /odata/RobotLogs. */
export function logLine(store: TenantStore, job: Job, level: LogLevel, message: string): void {
	const robot = job.robotId === null ? undefined : store.robots.get(job.robotId);
	const machine = robot ? store.machines.get(robot.MachineId) : undefined;
	const id = store.nextId('robotLog');
	const timeStamp = new Date().toISOString();
	const fields = {
		Level: level,
		WindowsIdentity: robot?.Username ?? '',
		ProcessName: job.ReleaseName,
		TimeStamp: timeStamp,
		Message: message,
		JobKey: job.Key,
		RobotName: robot?.Name ?? '',
		HostMachineName: robot?.MachineName ?? '',
		MachineId: machine?.Id ?? 0,
		MachineKey: machine?.Key ?? '',
		RuntimeType: job.RuntimeType,
	};
	store.robotLogs.set(id, {
		Id: id,
		...fields,
		RawMessage: JSON.stringify({ message, level, logType: 'User', timeStamp, processName: job.ReleaseName, jobId: job.Key }),
		folderId: job.OrganizationUnitId,
	});
}

/** The lines a robot writes when a job ends, by how it ended: a faulted job leaves its error lines. */
export function logEnd(store: TenantStore, job: Job, state: 'Successful' | 'Faulted' | 'Stopped', info: string): void {
	if (state === 'Faulted') {
		logLine(store, job, 'Info', 'Posting invoice to the ERP');
		logLine(store, job, 'Warn', 'The ERP answered 422 Unprocessable Entity; retrying once');
		logLine(store, job, 'Error', 'Post Invoice: the ERP answered 422 Unprocessable Entity (field VendorId is missing)');
		logLine(store, job, 'Error', `${job.ReleaseName} ended with an error: ${info}`);
	}
	if (state === 'Stopped') logLine(store, job, 'Warn', info);
	logLine(store, job, 'Info', `${job.ReleaseName} execution ended`);
}
