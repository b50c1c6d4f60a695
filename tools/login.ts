import { spawn } from 'child_process';
import { createInterface } from 'readline';

import { fetchHttp } from './login/fetchHttp';
import { USAGE, parseCliOptions } from './login/options';
import { credentialValuesJson, formatCredentialValues } from './login/output';
import { printable } from './login/printable';
import { runLogin, type LoginIo } from './login/runLogin';

/** Best effort: the URL is printed anyway, so a machine without a browser still works. */
function startBrowser(url: string): void {
	const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
	const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
	child.on('error', () => undefined);
	child.unref();
}

async function readLine(): Promise<string> {
	const lines = createInterface({ input: process.stdin });
	try {
		for await (const line of lines) if (line.trim() !== '') return line;
		throw new Error('No address was pasted (standard input ended)');
	} finally {
		lines.close();
	}
}

async function main(): Promise<void> {
	const cli = parseCliOptions(process.argv.slice(2));
	if (cli.help) {
		process.stdout.write(USAGE);
		return;
	}
	// Progress goes to stderr so that stdout carries only the values to paste.
	const io: LoginIo = {
		progress: (line) => process.stderr.write(`${printable(line)}\n`),
		openBrowser: (url) => (cli.openBrowser ? startBrowser(url) : undefined),
		readRedirect: readLine,
	};
	const result = await runLogin(cli.login, io, fetchHttp);
	process.stdout.write(`${printable(cli.json ? credentialValuesJson(result) : formatCredentialValues(result))}\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`Login failed: ${printable(error.message)}\n`);
	process.exitCode = 1;
});
