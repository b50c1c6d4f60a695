import { existsSync } from 'fs';
import { dirname, join } from 'path';

const PROJECT_ROOT = join(__dirname, '..', '..');
/** Where the workplace keeps UiPath's descriptions when the checkout is not beside them (a clone in /tmp). */
const WORKPLACE_COPY = '/work/shared/uipath';

/** Folders that may hold UiPath's descriptions: `UIPATH_DESCRIPTIONS`, `shared/uipath` beside the project or an ancestor, the workplace copy. */
function candidates(): string[] {
	const found: string[] = [];
	if (process.env.UIPATH_DESCRIPTIONS) found.push(process.env.UIPATH_DESCRIPTIONS);
	for (let dir = dirname(PROJECT_ROOT); ; dir = dirname(dir)) {
		found.push(join(dir, 'shared', 'uipath'));
		if (dirname(dir) === dir) break;
	}
	found.push(WORKPLACE_COPY);
	return found;
}

/** The path of one of UiPath's official API descriptions (`orchestrator.yaml`, `identity.token.yaml`), never a copy in this repository. */
export function uipathDescription(file: string): string {
	const tried = candidates().map((dir) => join(dir, file));
	const path = tried.find((candidate) => existsSync(candidate));
	if (!path) {
		throw new Error(`UiPath's ${file} was not found; set UIPATH_DESCRIPTIONS to its folder. Tried: ${tried.join(', ')}`);
	}
	return path;
}
