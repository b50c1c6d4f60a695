import type { IDataObject } from 'n8n-workflow';

import type { FolderRef, UiPathCredentialType } from '../../helpers/interfaces';
import type { UiPathContext } from '../../transport';

/**
 * What a released wait needs to know about the UiPath entities it waits for (jobs; Action Center tasks can plug in
 * the same way): which events can end one, which entities an event names, how to read one, when it is final.
 */
export interface WaitedEntityKind {
	/** Stored in the execution and in the UiPath record; never renamed. */
	name: string;
	/** What an entity is called in messages ("Job", "Task"). */
	label: string;
	/** UiPath webhook event types after which an entity may be final. */
	endEvents: string[];
	/** The Ids of the entities an event's body names. */
	idsIn(event: IDataObject): number[];
	/** A body naming these entities as their end event does: the relay's call to a wait when n8n started. */
	eventNaming(ids: number[]): IDataObject;
	/** The entity as Orchestrator has it now. */
	read(context: UiPathContext, credentialType: UiPathCredentialType, folder: FolderRef, id: number): Promise<IDataObject>;
	isFinal(entity: IDataObject): boolean;
}
