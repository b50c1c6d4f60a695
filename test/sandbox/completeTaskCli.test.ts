import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
import { FOLDERS, USER_EMAIL } from '../../sandbox/fixtures';
import { sandboxSuite } from './client';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** `npm run sandbox -- complete-task …` as a person types it, against a sandbox that is running (here, in this process). */
const completeTask = (...args: string[]) =>
	run(process.execPath, ['--import', 'tsx', join(ROOT, 'sandbox', 'cli.ts'), 'complete-task', ...args], { cwd: ROOT });

describe('npm run sandbox -- complete-task', () => {
	const suite = sandboxSuite();

	test('signs in, takes the unassigned task and completes it with the action and data', async () => {
		const folder = String(suite.sandbox.state.store.folderByPath(FOLDERS.invoices)?.Id);
		const created = await suite.call('POST', '/tasks/GenericTasks/CreateTask', {
			headers: { 'X-UIPATH-OrganizationUnitId': folder },
			body: { title: 'Approve INV-9', data: { InvoiceId: 'INV-9' } },
		});
		const id = created.json.id as number;
		const { stdout } = await completeTask(String(id), '--action', 'approve', '--data', '{"Approved":true}', '--url', suite.sandbox.url);
		expect(stdout).toContain(`Task ${id} ("Approve INV-9") completed with action approve by ${USER_EMAIL}`);
		const task = suite.sandbox.state.store.tasks.get(id);
		// Taken by the person before completing, as Action Center does: the assignee is the one who completed it.
		expect(task).toMatchObject({ Status: 'Completed', Action: 'approve', data: { Approved: true }, AssignedToUserId: 7, completedByUserId: 7 });
		expect(suite.sandbox.state.requests.filter((request) => request.path.endsWith('.AssignTasks'))).toHaveLength(1);
	});

	test('a task that is already completed or does not exist fails with a message and a non-zero exit', async () => {
		await expect(completeTask('999999', '--action', 'approve', '--url', suite.sandbox.url)).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('Task 999999 does not exist'),
		});
		await expect(completeTask('12', '--url', suite.sandbox.url)).rejects.toMatchObject({ stderr: expect.stringContaining('needs --action') });
	});
});
