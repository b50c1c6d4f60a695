import { spawn, type ChildProcess } from 'child_process';
import { createWriteStream } from 'fs';

/**
 * Every process and server the run starts, so that all of them stop on success, failure, Ctrl-C or a kill.
 * Children run in their own process group (detached) so that n8n's task-runner children stop with it.
 */
interface Tracked {
	name: string;
	child: ChildProcess;
	exited: Promise<void>;
}

const tracked = new Set<Tracked>();
const closers: Array<{ name: string; close: () => Promise<void> }> = [];
let handlersInstalled = false;

export interface StartOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** stdout and stderr go to this file (the run prints its path when something fails). */
	logFile: string;
}

export function startProcess(name: string, command: string, args: string[], options: StartOptions): ChildProcess {
	installExitHandlers();
	const logStream = createWriteStream(options.logFile, { flags: 'a' });
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.pipe(logStream);
	child.stderr?.pipe(logStream);
	return track(name, child);
}

/** Adds a child started elsewhere (detached, in its own group) to what stopAll stops. */
export function track(name: string, child: ChildProcess): ChildProcess {
	installExitHandlers();
	const entry: Tracked = {
		name,
		child,
		exited: new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) resolve();
			else child.once('exit', () => resolve());
		}),
	};
	tracked.add(entry);
	void entry.exited.then(() => tracked.delete(entry));
	return child;
}

/** Runs a command to completion; rejects with the tail of its output when it exits non-zero. */
export async function runCommand(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string } = {},
): Promise<string> {
	installExitHandlers();
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
		const entry: Tracked = { name: `${command} ${args[0] ?? ''}`, child, exited: Promise.resolve() };
		tracked.add(entry);
		const logStream = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			logStream?.write(chunk);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.once('error', (error) => {
			tracked.delete(entry);
			reject(error);
		});
		child.once('close', (code, signal) => {
			tracked.delete(entry);
			logStream?.end();
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}: ${output.slice(-1500)}`));
		});
	});
}

/** Something in this process that must be closed at the end (the sandbox, the browser). */
export function onShutdown(name: string, close: () => Promise<void>): void {
	installExitHandlers();
	closers.push({ name, close });
}

/** Stops everything: closers in reverse order, then SIGTERM to each process group, SIGKILL after 10 s. */
export async function stopAll(): Promise<void> {
	for (const closer of closers.splice(0).reverse()) {
		await closer.close().catch((error: unknown) => console.error(`could not close ${closer.name}: ${String(error)}`));
	}
	const running = [...tracked];
	for (const entry of running) signalGroup(entry.child, 'SIGTERM');
	const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
	const all = Promise.all(running.map((entry) => entry.exited)).then(() => 'done' as const);
	if ((await Promise.race([all, deadline])) === 'timeout') {
		for (const entry of tracked) signalGroup(entry.child, 'SIGKILL');
	}
}

/** Stops one started process and its group as a deploy would: SIGTERM, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 30_000): Promise<'exited' | 'killed'> {
	if (child.exitCode !== null || child.signalCode !== null) return 'exited';
	const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
	signalGroup(child, 'SIGTERM');
	const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
	if ((await Promise.race([exited, deadline])) === 'exited') return 'exited';
	signalGroup(child, 'SIGKILL');
	await exited;
	return 'killed';
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		// Kept for repeats: Ctrl-C reaches npm, tsx and this process, and a relayed second signal must not cut the stop short.
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			console.error(`received ${signal}: stopping every process the run started`);
			void stopAll().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
		});
	}
	// Last resort when the run dies without reaching stopAll (uncaught error, process.exit).
	process.once('exit', () => {
		for (const entry of tracked) signalGroup(entry.child, 'SIGKILL');
	});
}
