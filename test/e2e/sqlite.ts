import { join } from 'path';

import { runCommand } from './processes';
import { PINNED_NODE } from './runtime';

/** Reads n8n's own database file, read-only, with the pin's Node and its built-in node:sqlite (no sqlite tool or package). */
const QUERY_SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const [file, sql, ...parameters] = process.argv.slice(1);
const database = new DatabaseSync(file, { readOnly: true });
process.stdout.write(JSON.stringify(database.prepare(sql).all(...parameters)));
`;

/** n8n keeps its sqlite database in <N8N_USER_FOLDER>/.n8n/database.sqlite. */
export function n8nDatabaseFile(userFolder: string): string {
	return join(userFolder, '.n8n', 'database.sqlite');
}

export async function querySqlite<T = Record<string, unknown>>(userFolder: string, sql: string, parameters: string[] = []): Promise<T[]> {
	// Only the JSON on stdout: runCommand returns stdout and stderr together.
	const env = { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1' };
	const output = await runCommand(PINNED_NODE, ['-e', QUERY_SCRIPT, n8nDatabaseFile(userFolder), sql, ...parameters], { env });
	return JSON.parse(output) as T[];
}

export interface StoredExecution {
	id: string;
	status: string;
	waitTill: string | null;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** One execution's row of execution_entity, as n8n stored it. */
export async function storedExecution(userFolder: string, executionId: string): Promise<StoredExecution | undefined> {
	const rows = await querySqlite<StoredExecution>(
		userFolder,
		'select cast(id as text) as id, status, waitTill, startedAt, stoppedAt from execution_entity where id = ?',
		[executionId],
	);
	return rows[0];
}
