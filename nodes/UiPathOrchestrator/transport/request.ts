import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UiPathEndpoints } from '../../../credentials/auth/endpoints';
import { resolveUiPathEndpoints } from '../../../credentials/auth/endpoints';
import { secretsIn } from '../../../credentials/auth/redact';
import type { FolderRef, UiPathCredentialType } from '../helpers/interfaces';
import { cancelSignalOf, type UiPathContext } from './context';
import { looksLikeHtml, toUiPathApiError } from './errors';
import { describeFolder, folderHeaders } from './folder';
import { withRefreshRaceRecovery } from './refreshRace';
import { withRetries } from './retry';

/** Which UiPath service a path is relative to. */
export type UiPathService = 'orchestrator' | 'portal' | 'cloudRpa';

export interface UiPathRequest {
	method?: IHttpRequestMethods;
	/** Default `orchestrator`. */
	service?: UiPathService;
	/** Relative to the service's base URL, e.g. `/odata/Releases`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Required by Orchestrator's folder-scoped routes. */
	folder?: FolderRef;
	/** Resend after 5xx and network errors; default: only GET. 429 is always retried. */
	idempotent?: boolean;
	timeoutMs?: number;
	/** Another organization than the credential's, for the portal and the 2019 account service. */
	organization?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Turns the credential into URLs through the package's one resolver; a bad field becomes an error naming it. */
export async function getEndpoints(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	organization?: string,
): Promise<UiPathEndpoints> {
	const data = await context.getCredentials(credentialType);
	try {
		return resolveUiPathEndpoints(credentialType, organization ? { ...data, organization } : data);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `The UiPath credential is not usable: ${(error as Error).message}`, {
			description: 'Open the credential and fix the field named above.',
		});
	}
}

function baseUrlOf(endpoints: UiPathEndpoints, service: UiPathService): string | undefined {
	if (service === 'portal') return endpoints.portalUrl;
	if (service === 'cloudRpa') return endpoints.legacyCloudRpaUrl;
	return endpoints.orchestratorUrl;
}

const SERVICE_HINT: Record<UiPathService, string> = {
	orchestrator: '',
	portal: 'Listing organizations and tenants this way needs an Automation Cloud or Automation Suite credential.',
	cloudRpa: 'This listing needs the 2019 (legacy2019) identity preset.',
};

/** The only function in the package that sends a request to UiPath. */
export async function uiPathApiRequest<T = IDataObject>(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
): Promise<T> {
	const method = request.method ?? 'GET';
	const service = request.service ?? 'orchestrator';
	const endpoints = await getEndpoints(context, credentialType, request.organization);
	const baseUrl = baseUrlOf(endpoints, service);
	if (!baseUrl) {
		throw new NodeOperationError(context.getNode(), 'The UiPath credential has no address for this request', {
			description: SERVICE_HINT[service],
		});
	}
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${request.path}`,
		headers: {
			Accept: 'application/json',
			...(service === 'orchestrator' ? endpoints.tenantHeader : {}),
			...folderHeaders(request.folder),
		},
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		// n8n would put the Authorization header back on a redirect to another origin.
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const failed = { method, path: request.path, baseUrl, folderDescription: request.folder && describeFolder(request.folder) };
	const send = async (): Promise<T> => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options)) as unknown;
		// A wrong organization or tenant lands on the site's HTML pages, which still answer 200.
		if (looksLikeHtml(response)) throw Object.assign(new Error('HTML answer'), { response: { status: 200, data: response } });
		return response as T;
	};
	try {
		return await withRetries(async () => await withRefreshRaceRecovery(context, credentialType, send), {
			idempotent: request.idempotent ?? method === 'GET',
			signal: cancelSignalOf(context),
		});
	} catch (error) {
		// Read only on failure: the credential's secrets and the body's (a webhook's Secret), for redaction.
		const secrets = [...secretsIn(await context.getCredentials(credentialType)), ...secretsIn(request.body)];
		throw error instanceof NodeOperationError ? error : toUiPathApiError(context.getNode(), error, { ...failed, secrets });
	}
}
