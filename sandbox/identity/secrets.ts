import { randomBytes } from 'crypto';
import type { SandboxSecrets } from '../contract';

/** Fresh secrets per start, so no test can pass by knowing them in advance. */
export function generateSecrets(): SandboxSecrets {
	return {
		clientSecret: randomBytes(24).toString('base64url'),
		// UiPath personal access tokens start with `rt_`; the prefix helps users recognise the value.
		personalAccessToken: `rt_${randomBytes(32).toString('hex')}`,
		password: randomBytes(12).toString('base64url'),
		folderUserPersonalAccessToken: `rt_${randomBytes(32).toString('hex')}`,
	};
}
