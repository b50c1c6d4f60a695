import { ON_PREMISES_TENANCY_NAME, ON_PREMISES_USERNAME } from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { orchestratorStatus } from './sandboxClient';
import { postJson } from './oauthClient';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

function credentials(overrides: Record<string, string> = {}) {
	return {
		tenancyName: ON_PREMISES_TENANCY_NAME,
		usernameOrEmailAddress: ON_PREMISES_USERNAME,
		password: sandbox.state.credentials.onPremises.password,
		...overrides,
	};
}

describe('on-premises sign-in: POST /api/Account/Authenticate', () => {
	afterEach(() => jest.restoreAllMocks());

	it("answers ABP's envelope with a token bound to the tenancy", async () => {
		const { status, body } = await postJson(
			sandbox.url,
			'/api/Account/Authenticate',
			credentials(),
		);
		expect(status).toBe(200);
		expect(body).toEqual({
			result: expect.any(String),
			targetUrl: null,
			success: true,
			error: null,
			unAuthorizedRequest: false,
			__abp: true,
		});
		// On-premises Orchestrator lives at the root: /odata/... with the session token.
		expect(await orchestratorStatus(sandbox, body.result, '/odata/Folders')).toBe(200);
		expect(await orchestratorStatus(sandbox, body.result)).toBe(401);
	});

	it('matches the route and the field names without regard to case, as ASP.NET does', async () => {
		const { status } = await postJson(sandbox.url, '/api/account/authenticate', {
			TenancyName: ON_PREMISES_TENANCY_NAME.toUpperCase(),
			UsernameOrEmailAddress: ON_PREMISES_USERNAME,
			Password: sandbox.state.credentials.onPremises.password,
		});
		expect(status).toBe(200);
	});

	it('keeps the token 30 minutes', async () => {
		const { body } = await postJson(sandbox.url, '/api/Account/Authenticate', credentials());
		const token = String(body.result);
		const issuedAt = Date.now();
		// Waiting 30 minutes is not possible in a test: move the clock the sandbox reads instead.
		const now = jest.spyOn(Date, 'now');
		now.mockReturnValue(issuedAt + 29 * 60 * 1000);
		expect(await orchestratorStatus(sandbox, token, '/odata/Folders')).toBe(200);
		now.mockReturnValue(issuedAt + 30 * 60 * 1000 + 1000);
		expect(await orchestratorStatus(sandbox, token, '/odata/Folders')).toBe(401);
	});

	it('answers 400 with an ABP error for a wrong password, never echoing it', async () => {
		const wrong = `${sandbox.state.credentials.onPremises.password}!`;
		const { status, body } = await postJson(
			sandbox.url,
			'/api/Account/Authenticate',
			credentials({ password: wrong }),
		);
		expect(status).toBe(400);
		expect(body).toEqual({
			result: null,
			targetUrl: null,
			success: false,
			error: {
				code: 0,
				message: 'Login failed!',
				details: 'Invalid user name or password',
				validationErrors: null,
			},
			unAuthorizedRequest: false,
			__abp: true,
		});
		expect(JSON.stringify(body)).not.toContain(wrong);
	});

	it('answers 400 for an unknown user or tenancy', async () => {
		for (const overrides of [
			{ usernameOrEmailAddress: 'mallory' },
			{ tenancyName: 'Other' },
		] as Array<Record<string, string>>) {
			const { status, body } = await postJson(
				sandbox.url,
				'/api/Account/Authenticate',
				credentials(overrides),
			);
			expect(status).toBe(400);
			expect(body).toMatchObject({ success: false, error: { message: 'Login failed!' } });
		}
	});

	it('names each missing field in validationErrors', async () => {
		const { status, body } = await postJson(sandbox.url, '/api/Account/Authenticate', {
			tenancyName: ON_PREMISES_TENANCY_NAME,
		});
		expect(status).toBe(400);
		expect(body).toMatchObject({
			success: false,
			error: {
				message: 'Your request is not valid!',
				validationErrors: [
					{
						message: 'The usernameOrEmailAddress field is required.',
						members: ['usernameOrEmailAddress'],
					},
					{ message: 'The password field is required.', members: ['password'] },
				],
			},
		});
	});
});
