import { readFileSync } from 'fs';
import type OpenAPIBackend from 'openapi-backend';
import { nodeRequire } from '../../../sandbox/identity/nodeRequire';
import { descriptionsAvailable, uipathDescription } from '../../support/uipathDescriptions';

// js-yaml ships no type declarations and none are installed; `load` is all this needs.
const { load } = require('js-yaml') as { load(text: string): unknown };
// openapi-backend pulls in an ESM-only dependency that jest's CommonJS loader cannot parse; Node's own require can.
const { default: Backend } = nodeRequire(__filename)('openapi-backend') as {
	default: typeof OpenAPIBackend;
};


let backend: Promise<OpenAPIBackend> | undefined;

function tokenApi(): Promise<OpenAPIBackend> {
	backend ??= (async () => {
		const api = new Backend({
			definition: load(readFileSync(uipathDescription('identity.token.yaml') as string, 'utf8')) as ConstructorParameters<
				typeof OpenAPIBackend
			>[0]['definition'],
			quick: false,
			validate: true,
		});
		await api.init();
		return api;
	})();
	return backend;
}

/**
 * What UiPath's description (uipathcli `definitions/identity.token.yaml`) finds wrong with a form sent to
 * /connect/token: empty when it conforms, undefined when the descriptions are not on this machine (not checked).
 */
export async function tokenRequestViolations(form: URLSearchParams): Promise<string[] | undefined> {
	if (!descriptionsAvailable) return undefined;
	const api = await tokenApi();
	const result = api.validateRequest({
		method: 'post',
		path: '/connect/token',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: Object.fromEntries(form),
	});
	return (result.errors ?? []).map((error) =>
		`${error.instancePath} ${error.message ?? error.keyword}`.trim(),
	);
}
