import type { LoginResult } from './runLogin';

const LABELS: Array<[keyof LoginResult['values'], string]> = [
	['authType', 'Authentication (authType)'],
	['identityPreset', 'Identity Preset (identityPreset)'],
	['baseUrl', 'Base URL (baseUrl)'],
	['identityUrl', 'Identity URL (identityUrl)'],
	['organization', 'Organization (organization)'],
	['tenant', 'Tenant (tenant)'],
	['clientId', 'App ID (clientId)'],
	['refreshToken', 'Refresh Token (refreshToken)'],
];

/** Only the fields to paste (unset ones keep the credential's defaults), then what else the person can reach. */
export function formatCredentialValues(result: LoginResult): string {
	const rows = LABELS.filter(([name]) => result.values[name] !== undefined && result.values[name] !== '');
	const width = Math.max(...rows.map(([, label]) => label.length));
	const lines = [
		'Paste these into the "UiPath Orchestrator API" credential in n8n:',
		...rows.map(([name, label]) => `  ${label.padEnd(width)}  ${String(result.values[name])}`),
	];
	const others = result.reachable.flatMap((entry) =>
		entry.tenants.map((tenant) => `${entry.organization}/${tenant}`),
	);
	if (others.length > 1) lines.push('', `Reachable organization/tenant pairs: ${others.join(', ')}`);
	if (result.discoveryProblem) {
		lines.push('', `Could not list organizations and tenants (${result.discoveryProblem}): fill in Organization and Tenant yourself.`);
	}
	if (result.values.identityPreset !== 'legacy2019') {
		lines.push('', 'The refresh token works once: n8n stores the new one UiPath returns at each refresh.');
	}
	return lines.join('\n');
}

export function credentialValuesJson(result: LoginResult): string {
	const values = Object.fromEntries(Object.entries(result.values).filter(([, value]) => value !== undefined && value !== ''));
	return JSON.stringify({ values, reachable: result.reachable, discoveryProblem: result.discoveryProblem }, null, 2);
}
