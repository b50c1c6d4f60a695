import { join } from 'path';

import { FOLDERS, TASK_CATALOGS } from '../../sandbox/fixtures';
import type { E2eContext } from './context';
import { ORCHESTRATOR_NODE } from './loadedTypes';
import { IMAGES_DIR } from './paths';
import { expect } from './report';
import type { Editor } from './screenshots';
import type { CredentialRef } from './workflows';

export const TASK_PANEL_IMAGE = join(IMAGES_DIR, 'node-panel-task-create.png');

const NODE_NAME = 'Ask for approval';

/** Task → Create's panel on a saved workflow: fails unless the editor shows the task's parameters as the node declares them. */
export async function taskCreatePanel(editor: Editor, context: E2eContext, credential: CredentialRef): Promise<string> {
	const { id } = await context.client.api<{ id: string }>('POST', '/workflows', {
		name: 'Invoice approval (Action Center)',
		settings: {},
		connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		nodes: [
			{ id: 'trigger', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'task',
				name: NODE_NAME,
				type: ORCHESTRATOR_NODE,
				typeVersion: 1.1,
				position: [240, 0],
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				parameters: {
					authentication: credential.type,
					resource: 'task',
					operation: 'create',
					folder: { __rl: true, mode: 'path', value: FOLDERS.invoices },
					title: '=Approve invoice {{ $json.invoice ?? "INV-1" }}',
					priority: 'High',
					data: '={{ JSON.stringify({ InvoiceId: "INV-1", Amount: 1200 }) }}',
					options: { catalog: TASK_CATALOGS.approvals.name, externalTag: 'erp-INV-1' },
				},
			},
		],
	});
	const { page } = editor;
	await page.goto(`${context.client.server.baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: NODE_NAME }).dblclick({ timeout: 30_000 });
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ state: 'visible', timeout: 15_000 });
	const parameters = ['resource', 'operation', 'folder', 'taskType', 'title', 'priority', 'dataMode', 'data'];
	for (const parameter of parameters) {
		await panel.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor({ state: 'visible', timeout: 10_000 });
	}
	expect(await panel.getByText('Catalog').first().isVisible(), 'the Catalog option is not shown');
	await page.waitForTimeout(300);
	await page.screenshot({ path: TASK_PANEL_IMAGE });
	await page.keyboard.press('Escape');
	return `panel shows ${parameters.join(', ')} and the Catalog option`;
}
