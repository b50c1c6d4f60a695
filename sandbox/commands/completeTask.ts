import { createPkcePair, createState } from '../../credentials/auth/pkce';
import { ORGANIZATION, PUBLIC_CLIENT_ID, TENANT, USER_EMAIL } from '../fixtures';

/**
 * `npm run sandbox -- complete-task <id> --action approve`: what a person does in Action Center, against a running
 * sandbox. They sign in (PKCE, consent is automatic for the seeded person), find the task, take it when nobody has
 * it, and complete it with the action and data, through the same routes UiPath's Action Center calls.
 */

const ACTION = 'UiPath.Server.Configuration.OData';
const REDIRECT_URI = 'http://127.0.0.1/callback';

export interface CompleteTaskOptions {
	/** The sandbox's base URL, e.g. http://127.0.0.1:8787. */
	baseUrl: string;
	taskId: number;
	action: string;
	data?: Record<string, unknown>;
	tenant?: string;
}

export interface CompletedTask {
	id: number;
	title: string;
	folderId: number;
	action: string;
	by: string;
}

async function expectOk(response: Response, what: string): Promise<Response> {
	if (!response.ok) throw new Error(`${what} failed: HTTP ${response.status} ${await response.text()}`);
	return response;
}

/** Signs the seeded person in as n8n or the login tool would (authorization code with PKCE) and returns an access token. */
async function signIn(baseUrl: string): Promise<string> {
	const pkce = createPkcePair();
	const authorize = new URL('/identity_/connect/authorize', baseUrl);
	authorize.search = new URLSearchParams({
		response_type: 'code',
		client_id: PUBLIC_CLIENT_ID,
		redirect_uri: REDIRECT_URI,
		scope: 'openid OR.Tasks',
		state: createState(),
		code_challenge: pkce.codeChallenge,
		code_challenge_method: pkce.codeChallengeMethod,
	}).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const location = redirect.headers.get('location');
	const code = location ? new URL(location).searchParams.get('code') : null;
	if (!code) throw new Error(`Signing in failed: the sandbox answered ${redirect.status} without a code. Is it running at ${baseUrl}?`);
	const token = await expectOk(
		await fetch(new URL('/identity_/connect/token', baseUrl), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: pkce.codeVerifier, client_id: PUBLIC_CLIENT_ID, redirect_uri: REDIRECT_URI }),
		}),
		'Signing in',
	);
	return ((await token.json()) as { access_token: string }).access_token;
}

export async function completeTaskAsPerson(options: CompleteTaskOptions): Promise<CompletedTask> {
	const token = await signIn(options.baseUrl);
	const orchestrator = `${options.baseUrl}/${ORGANIZATION}/${options.tenant ?? TENANT}/orchestrator_`;
	const send = (method: string, path: string, folderId?: number, body?: unknown) =>
		fetch(`${orchestrator}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${token}`,
				Accept: 'application/json',
				...(folderId === undefined ? {} : { 'X-UIPATH-OrganizationUnitId': String(folderId) }),
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	const found = await expectOk(await send('GET', `/odata/Tasks/${ACTION}.GetTasksAcrossFolders?$filter=Id eq ${options.taskId}`), 'Finding the task');
	const task = ((await found.json()) as { value: Array<{ Id: number; Title: string; Type: string; Status: string; OrganizationUnitId: number }> }).value[0];
	if (!task) throw new Error(`Task ${options.taskId} does not exist in tenant ${options.tenant ?? TENANT} (or was deleted).`);
	if (task.Status === 'Completed') throw new Error(`Task ${task.Id} ("${task.Title}") is already completed.`);
	if (task.Status === 'Unassigned') {
		const taken = await expectOk(
			await send('POST', `/odata/Tasks/${ACTION}.AssignTasks`, task.OrganizationUnitId, { taskAssignments: [{ TaskId: task.Id, UserNameOrEmail: USER_EMAIL }] }),
			'Taking the task',
		);
		const errors = ((await taken.json()) as { value: Array<{ ErrorMessage: string }> }).value;
		if (errors.length > 0) throw new Error(`Taking task ${task.Id} failed: ${errors[0].ErrorMessage}`);
	}
	const route = task.Type === 'FormTask' ? '/forms/TaskForms/CompleteTask' : '/tasks/GenericTasks/CompleteTask';
	await expectOk(await send('POST', route, task.OrganizationUnitId, { taskId: task.Id, action: options.action, data: options.data }), 'Completing the task');
	return { id: task.Id, title: task.Title, folderId: task.OrganizationUnitId, action: options.action, by: USER_EMAIL };
}
