import { LEGACY_PUBLIC_CLIENT_ID, resolveIdentityEndpoints, type IdentityPreset } from '../../credentials/auth/endpoints';
import type { AuthHttp } from '../../credentials/auth/authHttp';
import { createPkcePair, createState } from '../../credentials/auth/pkce';
import { DEFAULT_USER_SCOPE } from '../../credentials/auth/scopes';
import { requestToken, type TokenSet } from '../../credentials/auth/tokenRequests';
import { LEGACY_SCOPE, authorizeUrl } from './authorizeUrl';
import { discoverLegacyAccounts, discoverOrganization, organizationIdOf, type Reachable } from './discovery';
import { listenForCode } from './loopback';
import { codeFromRedirect, isLoopback } from './redirect';

/** Where to sign in, in the uiPathApi credential's own property names: the login reads them and pastes them back. */
export interface SignInTarget {
	identityPreset: IdentityPreset;
	baseUrl?: string;
	identityUrl?: string;
	organization?: string;
	tenant?: string;
	clientId?: string;
}

export interface LoginOptions extends SignInTarget {
	scope?: string;
	redirectUri: string;
	timeoutMs: number;
}

/** How the login talks to the person; tests play the person (and the browser) through it. */
export interface LoginIo {
	/** Progress and instructions, never a secret. */
	progress(line: string): void;
	/** Opens the authorize URL; the CLI starts a browser, a test follows the redirects with fetch. */
	openBrowser(url: string): Promise<void> | void;
	/** For redirect URIs that are not on this machine: the address the browser landed on, pasted back. */
	readRedirect(): Promise<string>;
}

/** The uiPathApi fields the person pastes. */
export interface CredentialValues extends SignInTarget {
	authType: 'refreshToken';
	refreshToken: string;
}

export interface LoginResult {
	values: CredentialValues;
	/** Everything the person can reach, for choosing another organization or tenant. */
	reachable: Reachable[];
	/** Why the organization or tenant could not be listed, if it could not. */
	discoveryProblem?: string;
}

function clientIdFor(options: LoginOptions): string {
	if (options.clientId) return options.clientId;
	if (options.identityPreset === 'legacy2019') return LEGACY_PUBLIC_CLIENT_ID;
	throw new Error('App ID (--clientId) is required: the App ID of a non-confidential External Application');
}

async function receiveCode(io: LoginIo, options: LoginOptions, state: string, open: (redirectUri: string) => Promise<void>): Promise<{ code: string; redirectUri: string }> {
	if (!isLoopback(options.redirectUri)) {
		await open(options.redirectUri);
		io.progress('After signing in, paste the address the browser was sent to (it contains ?code=...):');
		return { code: codeFromRedirect(await io.readRedirect(), state), redirectUri: options.redirectUri };
	}
	const receiver = await listenForCode(options.redirectUri, state, options.timeoutMs);
	try {
		await open(receiver.redirectUri);
		io.progress(`Waiting for the sign-in at ${receiver.redirectUri} ...`);
		return { code: await receiver.code, redirectUri: receiver.redirectUri };
	} finally {
		await receiver.close();
	}
}

async function discover(http: AuthHttp, options: LoginOptions, baseUrl: string, tokens: TokenSet, cloudRpaUrl?: string): Promise<Reachable[]> {
	if (options.identityPreset === 'legacy2019') {
		if (!tokens.idToken || !cloudRpaUrl) throw new Error('the 2019 sign-in returned no id_token');
		return await discoverLegacyAccounts(http, cloudRpaUrl, tokens.idToken);
	}
	if (options.identityPreset === 'onPremises') return [];
	const organization = options.organization ?? organizationIdOf(tokens.accessToken);
	if (!organization) throw new Error('the access token names no organization: pass --organization');
	return [await discoverOrganization(http, baseUrl, organization, tokens.accessToken)];
}

function choose(options: LoginOptions, reachable: Reachable[]): { organization?: string; tenant?: string } {
	const organization =
		reachable.find((entry) => entry.organization.toLowerCase() === options.organization?.toLowerCase()) ?? reachable[0];
	const tenant = options.tenant ?? organization?.tenants[0];
	return { organization: organization?.organization ?? options.organization, tenant };
}

/** The 2019 guide end to end: PKCE pair and state, sign-in, code for tokens, organizations and tenants. */
export async function runLogin(options: LoginOptions, io: LoginIo, http: AuthHttp): Promise<LoginResult> {
	const preset = options.identityPreset;
	const endpoints = resolveIdentityEndpoints({
		identityPreset: preset,
		baseUrl: options.baseUrl ?? '',
		identityUrl: options.identityUrl ?? '',
	});
	const clientId = clientIdFor(options);
	const scope = options.scope ?? (preset === 'legacy2019' ? LEGACY_SCOPE : DEFAULT_USER_SCOPE);
	const pkce = createPkcePair();
	const state = createState();

	const open = async (redirectUri: string) => {
		const url = authorizeUrl(preset, endpoints, { clientId, redirectUri, scope, state, codeChallenge: pkce.codeChallenge });
		io.progress(`Sign in to UiPath in your browser:\n  ${url}`);
		await io.openBrowser(url);
	};
	const { code, redirectUri } = await receiveCode(io, options, state, open);
	const tokens = await requestToken(http, endpoints, {
		grantType: 'authorization_code',
		clientId,
		code,
		redirectUri,
		codeVerifier: pkce.codeVerifier,
	});
	if (!tokens.refreshToken) {
		throw new Error('UiPath signed you in but issued no refresh token: add offline_access to the scopes (--scope) and to the External Application');
	}

	let reachable: Reachable[] = [];
	let discoveryProblem: string | undefined;
	try {
		reachable = await discover(http, options, endpoints.baseUrl, tokens, endpoints.legacyCloudRpaUrl);
	} catch (error) {
		discoveryProblem = (error as Error).message;
	}
	const chosen = choose(options, reachable);
	return {
		values: {
			authType: 'refreshToken',
			identityPreset: preset,
			baseUrl: options.baseUrl,
			identityUrl: options.identityUrl,
			organization: preset === 'onPremises' ? undefined : chosen.organization,
			tenant: preset === 'onPremises' ? undefined : chosen.tenant,
			clientId: options.clientId,
			refreshToken: tokens.refreshToken,
		},
		reachable,
		discoveryProblem,
	};
}
