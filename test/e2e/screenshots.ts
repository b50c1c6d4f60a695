import { mkdir } from 'fs/promises';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { PROCESSES } from '../../sandbox/fixtures';
import type { N8nClient } from './n8n';
import { IMAGES_DIR } from './paths';
import { onShutdown } from './processes';
import { expect } from './report';

/** The flags of .library/env/machines/node.md: without the background-networking ones Chromium dials out and is refused. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export const IMAGES = {
	nodePanel: join(IMAGES_DIR, 'node-panel-process-picker.png'),
	execution: join(IMAGES_DIR, 'chained-workflow-execution.png'),
	credential: join(IMAGES_DIR, 'oauth2-credential-connected.png'),
};

/** Headless Chromium or Chrome signed in to n8n through its own sign-in form. */
export class Editor {
	private constructor(
		private readonly browser: Browser,
		readonly page: Page,
		private readonly baseUrl: string,
	) {}

	static async open(client: N8nClient, executablePath: string): Promise<Editor> {
		// launch() without a user-data-dir gives a new empty profile each time.
		const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
		onShutdown('chromium', async () => await browser.close());
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		// The editor's first load compiles a large bundle: on a loaded 2-core machine that took more than 30 s.
		page.setDefaultNavigationTimeout(120_000);
		const editor = new Editor(browser, page, client.server.baseUrl);
		await page.goto(`${client.server.baseUrl}/signin`);
		await page.fill('input[type="email"]', client.owner.email);
		await page.fill('input[type="password"]', client.owner.password);
		await page.click('button:has-text("Sign in")');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
		await mkdir(IMAGES_DIR, { recursive: true });
		return editor;
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	/** The UiPath node's panel with the process picker open: fails unless it lists the sandbox's processes. */
	async nodePanelWithProcessPicker(workflowId: string, nodeName: string): Promise<string> {
		const { page } = this;
		await page.goto(`${this.baseUrl}/workflow/${workflowId}`);
		await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).dblclick({ timeout: 30_000 });
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor({ state: 'visible', timeout: 15_000 });
		for (const parameter of ['resource', 'operation', 'folder', 'release', 'inputArguments']) {
			await panel.locator(`[data-test-id="parameter-input-${parameter}"]`).first().waitFor({ state: 'visible', timeout: 10_000 });
		}
		await panel.locator('[data-test-id="resource-locator-release"] [data-test-id="rlc-input"]').click();
		// The list first shows the saved choice, then what the node's list search returned from the sandbox.
		const items = page.locator('[data-test-id="rlc-item"]');
		const expected = Object.values(PROCESSES);
		let listed: string[] = [];
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			listed = (await items.allInnerTexts()).map((text) => text.trim());
			if (expected.every((process) => listed.includes(process))) break;
			await page.waitForTimeout(250);
		}
		const missing = expected.filter((process) => !listed.includes(process));
		expect(missing.length === 0, `the process picker lists ${JSON.stringify(listed)}, without ${missing.join(', ')}`);
		await page.waitForTimeout(300);
		await page.screenshot({ path: IMAGES.nodePanel });
		await page.keyboard.press('Escape');
		return `panel rendered; picker lists ${listed.join(', ')}`;
	}

	/** A finished execution on the canvas: every node marked successful. */
	async finishedExecution(workflowId: string, executionId: string, nodeCount: number): Promise<string> {
		const { page } = this;
		await page.goto(`${this.baseUrl}/workflow/${workflowId}/executions/${executionId}`);
		// n8n 2.41 draws the execution on the page; older versions in an iframe.
		const succeeded = async () => {
			const counts = await Promise.all(
				page.frames().map(async (frame) => await frame.locator('[data-test-id="canvas-node-status-success"]').count()),
			);
			return Math.max(0, ...counts);
		};
		const deadline = Date.now() + 30_000;
		while ((await succeeded()) < nodeCount && Date.now() < deadline) await page.waitForTimeout(250);
		const count = await succeeded();
		expect(count >= nodeCount, `${count} of ${nodeCount} nodes are shown as succeeded`);
		const checklist = page.locator('[data-test-id="suggested-actions-close"]');
		if (await checklist.isVisible()) await checklist.click();
		await page.waitForTimeout(500);
		await page.screenshot({ path: IMAGES.execution });
		return `${count} nodes succeeded`;
	}

	/** The OAuth2 credential's form after Connect: n8n shows it connected. */
	async connectedCredential(credentialId: string): Promise<string> {
		const { page } = this;
		await page.goto(`${this.baseUrl}/home/credentials/${credentialId}`);
		await page.locator('[data-test-id="oauth-connect-success-banner"]').waitFor({ state: 'visible', timeout: 20_000 });
		await page.waitForTimeout(300);
		// Only the dialog: the overview behind it says nothing about the credential.
		await page.locator('.el-dialog:has([data-test-id="oauth-connect-success-banner"])').screenshot({ path: IMAGES.credential });
		return '"Account connected" shown';
	}
}
