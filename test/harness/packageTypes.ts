import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

import type { AnyNodeType } from './nodeTypes';

const root = join(__dirname, '..', '..');

interface PackageManifest {
	n8n: { nodes: string[]; credentials: string[] };
}

/** `dist/credentials/X.credentials.js` → `<root>/credentials/X.credentials.ts`: the harness runs the sources. */
function sourceOf(distPath: string): string {
	return join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** Instantiates the class a file exports under its base name, as n8n's package loader does. */
function instantiate<T>(file: string, suffix: string): T {
	const className = basename(file).replace(new RegExp(`\\.${suffix}\\.ts$`), '');
	// Loading by path from package.json, as n8n does, so new nodes and credentials need no harness edit.
	const exported = (require(file) as Record<string, new () => T>)[className];
	if (typeof exported !== 'function') throw new Error(`${file} does not export a class named ${className}`);
	return new exported();
}

/**
 * The node and credential types package.json's `n8n` field lists, loaded from their TypeScript sources.
 * Listed files that do not exist yet are skipped and reported in `missing`.
 */
export function loadPackageTypes(): { nodeTypes: AnyNodeType[]; credentialTypes: ICredentialType[]; missing: string[] } {
	const manifest = require(join(root, 'package.json')) as PackageManifest;
	const missing: string[] = [];
	const load = <T>(paths: string[], suffix: string) =>
		paths.map(sourceOf).flatMap((file) => {
			if (existsSync(file)) return [instantiate<T>(file, suffix)];
			missing.push(file);
			return [];
		});
	return {
		nodeTypes: load<AnyNodeType>(manifest.n8n.nodes, 'node'),
		credentialTypes: load<ICredentialType>(manifest.n8n.credentials, 'credentials'),
		missing,
	};
}
