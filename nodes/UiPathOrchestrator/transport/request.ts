import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UiPathEndpoints } from '../../../credentials/auth/endpoints';
import { resolveUiPathEndpoints } from '../../../credentials/auth/endpoints';
import { looksLikeHtml } from '../../../credentials/auth/authHttp';
import { secretsIn } from '../../../credentials/auth/redact';
import type { FolderRef, UiPathCredentialType } from '../helpers/interfaces';
import { cancelSignalOf, type UiPathContext } from './callerContext';
import { credentialData, reusedCredential } from './credentialData';
import { toUiPathApiError, UiPathApiError, type ErrorHints } from './errors';
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
	/** What the operation says about a status it knows more about (e.g. 409 on StartJobs). */
	hints?: ErrorHints;
}

const DEFAULT_TIMEOUT_MS = 60_000;

async function resolveEndpoints(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	organization: string | undefined,
): Promise<UiPathEndpoints> {
	const data = await credentialData(context, credentialType);
	try {
		return resolveUiPathEndpoints(credentialType, organization ? { ...data, organization } : data);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `The UiPath credential is not usable: ${(error as Error).message}`, {
			description: 'Open the credential and fix the field named above.',
		});
	}
}

/** n8n makes one context per node execution (and per poll, hook or list call): its endpoints, by credential type and organization. */
const endpointsByContext = new WeakMap<UiPathContext, Map<string, Promise<UiPathEndpoints>>>();

/**
 * Turns the credential into URLs through the package's one resolver, once per context, from the read the
 * requests share (credentialData.ts). A bad field becomes an error naming it.
 */
export async function getEndpoints(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	organization?: string,
): Promise<UiPathEndpoints> {
	let known = endpointsByContext.get(context);
	if (!known) {
		known = new Map();
		endpointsByContext.set(context, known);
	}
	const key = organization === undefined ? credentialType : `${credentialType}\n${organization}`;
	let endpoints = known.get(key);
	if (!endpoints) {
		endpoints = resolveEndpoints(context, credentialType, organization);
		known.set(key, endpoints);
	}
	return await endpoints;
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

/** What a failure names about its request; built only when one happens. */
function failedRequest(request: UiPathRequest, baseUrl: string) {
	return {
		method: request.method ?? 'GET',
		path: request.path,
		baseUrl,
		folderDescription: request.folder && describeFolder(request.folder),
		hints: request.hints,
	};
}

/** A failure as a UiPathApiError; a NodeOperationError means nothing was sent (the credential is unusable) and stays as it is. */
async function asRequestError(
	context: UiPathContext,
	credentialType: UiPathCredentialType,
	request: UiPathRequest,
	baseUrl: string,
	error: unknown,
): Promise<Error> {
	if (error instanceof NodeOperationError || error instanceof UiPathApiError) return error;
	// Read only on failure: the credential's secrets and the body's (a webhook's Secret), for redaction.
	const secrets = [...secretsIn(await context.getCredentials(credentialType)), ...secretsIn(request.body)];
	return toUiPathApiError(context.getNode(), error, { ...failedRequest(request, baseUrl), secrets });
}

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
	// Authentication headers (the token, and the 2019 preset's tenant header) are the credential's `authenticate`'s alone.
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${request.path}`,
		headers: { Accept: 'application/json', ...folderHeaders(request.folder) },
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		// n8n would put the Authorization header back on a redirect to another origin.
		sendCredentialsOnCrossOriginRedirect: false,
	};
	// n8n authenticates with the credential read these requests share instead of reading it for each one.
	const sendOnce = async () =>
		(await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options, await reusedCredential(context, credentialType))) as unknown;
	const send = async (): Promise<T> => {
		let response: unknown;
		try {
			// Recovery reads n8n's own failure (its cause chain holds a refused refresh), so it runs before the error is rebuilt.
			response = await withRefreshRaceRecovery(context, credentialType, sendOnce);
		} catch (error) {
			throw await asRequestError(context, credentialType, request, baseUrl, error);
		}
		// A wrong organization or tenant lands on the site's HTML pages, which still answer 200.
		if (looksLikeHtml(response)) throw new UiPathApiError(context.getNode(), { status: 200, body: response }, failedRequest(request, baseUrl));
		return response as T;
	};
	try {
		return await withRetries(send, {
			idempotent: request.idempotent ?? method === 'GET',
			signal: cancelSignalOf(context),
		});
	} catch (error) {
		// Besides the failures `send` threw, only a cancelled wait between two attempts arrives here.
		throw await asRequestError(context, credentialType, request, baseUrl, error);
	}
}
