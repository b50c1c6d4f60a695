import { parseArgs } from 'util';

import { IDENTITY_PRESETS, LEGACY_PUBLIC_CLIENT_ID, LEGACY_REDIRECT_URI, type IdentityPreset } from '../../credentials/auth/endpoints';
import { PUBLIC_CLIENT_ID } from '../../sandbox/fixtures';
import type { LoginOptions } from './runLogin';

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8104/callback';
/** Where `npm run sandbox` listens by default. */
export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

export const USAGE = `Sign in to UiPath once and print the values for n8n's "UiPath Orchestrator API" credential.

  npm run login -- --organization acme --clientId <App ID>               Automation Cloud
  npm run login -- --identityPreset legacy2019                           the 2019 guide (account.uipath.com)
  npm run login -- --sandbox [--identityPreset legacy2019]               the local sandbox (npm run sandbox)

Options (named after the credential's fields):
  --identityPreset automationCloud | legacy2019 | onPremises   default automationCloud
  --baseUrl URL         default https://cloud.uipath.com (2019: https://platform.uipath.com)
  --identityUrl URL     where to sign in, if not the preset's default
  --organization NAME   organization (2019: account logical name); found after sign-in when omitted
  --tenant NAME         tenant to put in the credential; the first one found when omitted
  --clientId ID         App ID of a non-confidential External Application (2019: the guide's public client)
  --scope "A B"         default: every scope the n8n node needs, plus offline_access
  --redirectUri URL     default ${DEFAULT_REDIRECT_URI} (register it on the External Application);
                        an http://127.0.0.1 or http://[::1] address is received here, any other one (such as the 2019
                        ${LEGACY_REDIRECT_URI}) is pasted back from the browser
  --timeout SECONDS     how long to wait for the browser, default 300
  --sandbox             use the sandbox at --baseUrl (default ${DEFAULT_SANDBOX_URL}) with its seeded apps
  --no-browser          print the sign-in URL without opening a browser
  --json                print the credential values as JSON
`;

export interface CliOptions {
	login: LoginOptions;
	openBrowser: boolean;
	json: boolean;
	help: boolean;
}

export function parseCliOptions(argv: string[]): CliOptions {
	const { values } = parseArgs({
		args: argv,
		strict: true,
		options: {
			identityPreset: { type: 'string' },
			baseUrl: { type: 'string' },
			identityUrl: { type: 'string' },
			organization: { type: 'string' },
			tenant: { type: 'string' },
			clientId: { type: 'string' },
			scope: { type: 'string' },
			redirectUri: { type: 'string' },
			timeout: { type: 'string' },
			sandbox: { type: 'boolean', default: false },
			'no-browser': { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	const preset = (values.identityPreset ?? 'automationCloud') as IdentityPreset;
	if (!IDENTITY_PRESETS.includes(preset)) throw new Error(`--identityPreset must be one of ${IDENTITY_PRESETS.join(', ')}`);
	const timeoutSeconds = Number(values.timeout ?? 300);
	if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error('--timeout must be a number of seconds above 0');
	const legacy = preset === 'legacy2019';

	const login: LoginOptions = {
		identityPreset: preset,
		baseUrl: values.baseUrl,
		identityUrl: values.identityUrl,
		organization: values.organization,
		tenant: values.tenant,
		clientId: values.clientId,
		scope: values.scope,
		redirectUri: values.redirectUri ?? (legacy ? LEGACY_REDIRECT_URI : DEFAULT_REDIRECT_URI),
		timeoutMs: timeoutSeconds * 1000,
	};
	if (values.sandbox) {
		// The sandbox serves every identity route on its own host and accepts any loopback port.
		login.baseUrl ??= DEFAULT_SANDBOX_URL;
		if (legacy) login.identityUrl ??= login.baseUrl;
		login.clientId ??= legacy ? LEGACY_PUBLIC_CLIENT_ID : PUBLIC_CLIENT_ID;
		login.redirectUri = values.redirectUri ?? (legacy ? LEGACY_REDIRECT_URI : 'http://127.0.0.1:0/callback');
	}
	return { login, openBrowser: !values['no-browser'], json: values.json, help: values.help };
}
