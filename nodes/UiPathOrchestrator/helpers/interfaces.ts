import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { UiPathCredentialType } from '../../../credentials/auth/endpoints';
import type { JobState, StartStrategy } from './constants';

export type { UiPathCredentialType };

/** Which folder a folder-scoped request runs in: its numeric Id or its full path (`Finance/Invoices`). */
export type FolderRef = { id: number } | { path: string };

/** Orchestrator's objects keep UiPath's PascalCase field names. */
export interface Job extends IDataObject {
	Id: number;
	Key: string;
	State: JobState;
	Info?: string | null;
	ReleaseName?: string;
	Reference?: string | null;
	InputArguments?: string | IDataObject | null;
	OutputArguments?: string | IDataObject | null;
}

/** One line a robot logged (`LogDto`), as a faulted job's item carries it. */
export interface LogLine extends IDataObject {
	TimeStamp: string;
	Level: string;
	Message: string;
}

/** A process (release) by key or name, as the Process locator names it. */
export interface ReleaseRef {
	key?: string;
	name?: string;
}

export interface Release extends IDataObject {
	Id: number;
	Key: string;
	Name: string;
}

export interface Folder extends IDataObject {
	Id: number;
	Key?: string;
	DisplayName: string;
	FullyQualifiedName: string;
}

export interface Robot extends IDataObject {
	Id: number;
	Name: string;
}

export interface QueueDefinition extends IDataObject {
	Id: number;
	Name: string;
}

export interface ODataPage<T> {
	value: T[];
	'@odata.count'?: number;
}

/** `startInfo` of StartJobs; `Reference` is always set so an ambiguous start can be looked up. */
export interface StartInfo extends IDataObject {
	ReleaseKey?: string;
	ReleaseName?: string;
	Strategy: StartStrategy;
	JobsCount?: number;
	RobotIds?: number[];
	InputArguments?: string;
	/** The attachment holding input arguments too large for InputArguments; never sent with them. */
	InputFile?: string;
	Reference: string;
	JobPriority?: 'Low' | 'Normal' | 'High';
	RuntimeType?: string;
	/** The start options of actions/job/startOptions.ts, each sent only when set. */
	EntryPointPath?: string;
	MachineSessionIds?: number[];
	RunAsMe?: boolean;
	TargetFramework?: string;
	EnvironmentVariables?: string;
	SpecificPriorityValue?: number;
	ResumeOnSameContext?: boolean;
	/** Seconds, as text. */
	StopProcessExpression?: string;
	KillProcessExpression?: string;
}

/** What every operation exports: runs one item and returns UiPath's objects; the router pairs them with the item. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	credentialType: UiPathCredentialType,
) => Promise<IDataObject[]>;

/** One input item's outcome in an operation that sends many items in one request. */
export type BatchResult = { itemIndex: number; json: IDataObject } | { itemIndex: number; error: Error };

/**
 * What an operation exports instead of `execute` when it sends items together (Queue Item > Add Many):
 * runs every input item and returns one result per item, in input order.
 */
export type BatchOperationExecute = (
	this: IExecuteFunctions,
	itemCount: number,
	credentialType: UiPathCredentialType,
) => Promise<BatchResult[]>;
