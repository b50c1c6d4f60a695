import type { CreateIdentity } from '../contract';
import { ORCHESTRATOR_SCOPES, USER_EMAIL } from '../fixtures';
import { BearerTokens } from './bearerTokens';
import { generateSecrets } from './secrets';

export const createIdentity: CreateIdentity = async () => {
	const secrets = generateSecrets();
	const bearerTokens = new BearerTokens();
	bearerTokens.add(secrets.personalAccessToken, {
		kind: 'pat',
		subject: USER_EMAIL,
		scopes: [...ORCHESTRATOR_SCOPES],
	});

	return {
		secrets,
		async handle() {
			return false;
		},
		async verifyAccessToken(token) {
			return bearerTokens.verify(token);
		},
		async close() {},
	};
};
