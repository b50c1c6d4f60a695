import { join } from 'path';

import { IMAGES_DIR } from './paths';
import { expect } from './report';
import type { Editor } from './screenshots';

export const ARGUMENT_FIELDS_IMAGE = join(IMAGES_DIR, 'node-panel-input-argument-fields.png');

/** Job → Start's panel with Input Arguments as fields: fails unless the editor shows the process's arguments, typed. */
export async function argumentFieldsPanel(editor: Editor, baseUrl: string, workflowId: string, nodeName: string): Promise<string> {
	const { page } = editor;
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).dblclick({ timeout: 30_000 });
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ state: 'visible', timeout: 15_000 });
	const labels = ['InvoiceId (String)', 'Amount (Decimal)', 'Quantity (Int32)', 'Approved (Boolean)', 'DueDate (DateTime)', 'Tags (String[])'];
	for (const label of labels) await panel.getByText(label, { exact: false }).first().waitFor({ state: 'visible', timeout: 20_000 });
	await panel.getByText('Quantity (Int32)').first().scrollIntoViewIfNeeded();
	expect(await panel.getByText('Input Arguments Mode').first().isVisible(), 'Input Arguments Mode is not shown');
	await page.waitForTimeout(300);
	await page.screenshot({ path: ARGUMENT_FIELDS_IMAGE });
	await page.keyboard.press('Escape');
	return `panel shows ${labels.join(', ')}`;
}
