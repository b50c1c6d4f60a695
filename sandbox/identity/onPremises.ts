import type { IncomingMessage, ServerResponse } from 'http';
import { ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME, ORCHESTRATOR_SCOPES } from '../fixtures';
import type { BearerTokens } from './bearerTokens';
import { readJsonObject, sendJson } from './http';

/** On-premises Orchestrator's `/api/Account/Authenticate` tokens last 30 minutes. */
export const ON_PREMISES_TOKEN_TTL_SECONDS = 30 * 60;

const REQUIRED_FIELDS = ['tenancyName', 'usernameOrEmailAddress', 'password'] as const;

/** ASP.NET model binding matches JSON property names without regard to case. */
function field(body: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	const value = key === undefined ? undefined : body[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** ABP's error envelope, which on-premises Orchestrator answers with. */
function abpError(
	res: ServerResponse,
	message: string,
	details: string,
	validationErrors: unknown = null,
): void {
	sendJson(res, 400, {
		result: null,
		targetUrl: null,
		success: false,
		error: { code: 0, message, details, validationErrors },
		unAuthorizedRequest: false,
		__abp: true,
	});
}

export async function authenticate(
	req: IncomingMessage,
	res: ServerResponse,
	password: string,
	bearerTokens: BearerTokens,
): Promise<void> {
	const body = (await readJsonObject(req)) ?? {};
	const missing = REQUIRED_FIELDS.filter((name) => field(body, name) === undefined);
	if (missing.length > 0) {
		const errors = missing.map((name) => ({
			message: `The ${name} field is required.`,
			members: [name],
		}));
		abpError(
			res,
			'Your request is not valid!',
			`The following errors were detected during validation.\r\n${errors.map((e) => ` - ${e.message}\r\n`).join('')}`,
			errors,
		);
		return;
	}
	const tenancyName = field(body, 'tenancyName') as string;
	if (tenancyName.toLowerCase() !== ON_PREMISES_TENANCY_NAME.toLowerCase()) {
		abpError(res, 'Login failed!', `There is no tenant defined with name ${tenancyName}`);
		return;
	}
	if (
		field(body, 'usernameOrEmailAddress')?.toLowerCase() !== ON_PREMISES_USERNAME.toLowerCase() ||
		field(body, 'password') !== password
	) {
		abpError(res, 'Login failed!', 'Invalid user name or password');
		return;
	}
	const token = bearerTokens.issue(
		{
			kind: 'onPremises',
			subject: ON_PREMISES_USERNAME,
			scopes: [...ORCHESTRATOR_SCOPES],
			tenant: ON_PREMISES_TENANCY_NAME,
		},
		ON_PREMISES_TOKEN_TTL_SECONDS,
	);
	sendJson(res, 200, {
		result: token,
		targetUrl: null,
		success: true,
		error: null,
		unAuthorizedRequest: false,
		__abp: true,
	});
}
