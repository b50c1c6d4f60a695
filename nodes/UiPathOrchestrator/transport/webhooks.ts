import type { IDataObject } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { UiPathCredentialType } from '../helpers/interfaces';
import type { UiPathContext } from './callerContext';
import { failureStatus } from './failures';
import { uiPathApiRequestAllItems } from './paging';
import { uiPathApiRequest } from './request';

/** Orchestrator's WebhookDto (tenant-wide, no folder), as far as the package reads it. */
export interface WebhookSubscription extends IDataObject {
	Id: number;
	Name?: string;
	Description?: string;
	Url: string;
	Enabled?: boolean;
	SubscribeToAllEvents?: boolean;
	Events?: Array<{ EventType?: string }>;
}

export interface NewWebhookSubscription {
	Name: string;
	Description: string;
	Url: string;
	Enabled: boolean;
	Events: string[];
	Secret?: string;
}

/** Orchestrator's limits on WebhookDto.Name and Description. */
export const WEBHOOK_NAME_MAX = 128;
export const WEBHOOK_DESCRIPTION_MAX = 256;

export async function listWebhookSubscriptions(context: UiPathContext, credentialType: UiPathCredentialType): Promise<WebhookSubscription[]> {
	return await uiPathApiRequestAllItems<WebhookSubscription>(context, credentialType, { path: ODATA.webhooks });
}

export async function createWebhookSubscription(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	subscription: NewWebhookSubscription,
): Promise<WebhookSubscription> {
	const { Events, Secret, ...rest } = subscription;
	return await uiPathApiRequest<WebhookSubscription>(context, credentialType, {
		method: 'POST',
		path: ODATA.webhooks,
		body: {
			...rest,
			Name: rest.Name.slice(0, WEBHOOK_NAME_MAX),
			Description: rest.Description.slice(0, WEBHOOK_DESCRIPTION_MAX),
			SubscribeToAllEvents: false,
			AllowInsecureSsl: false,
			Events: Events.map((EventType) => ({ EventType })),
			...(Secret ? { Secret } : {}),
		},
	});
}

/** Deletes a subscription; one that is already gone counts as deleted. */
export async function deleteWebhookSubscription(context: UiPathContext, credentialType: UiPathCredentialType, id: number): Promise<void> {
	await uiPathApiRequest(context, credentialType, { method: 'DELETE', path: ODATA.webhook(id), idempotent: true }).catch((error: unknown) => {
		if (failureStatus(error) !== 404) throw error;
	});
}
