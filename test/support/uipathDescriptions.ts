import { existsSync } from 'fs';
import { dirname, join } from 'path';

const PROJECT_ROOT = join(__dirname, '..', '..');

/** Where `npm run fetch:uipath-spec` puts the descriptions it downloaded and checked. */
export const DESCRIPTIONS_CACHE = join(PROJECT_ROOT, '.cache', 'uipath');

/** What the conformance tests need; the lookup takes the first folder that holds all of them. */
export const DESCRIPTION_FILES = ['orchestrator.yaml', 'identity.token.yaml'] as const;
export type DescriptionFile = (typeof DESCRIPTION_FILES)[number];

/** The one line a run prints when the descriptions are missing. */
export const DESCRIPTIONS_MISSING =
	"UiPath's API descriptions were not found, so the OpenAPI conformance tests skip: run `npm run fetch:uipath-spec` " +
	'(or set UIPATH_DESCRIPTIONS to a folder holding orchestrator.yaml and identity.token.yaml).';

/**
 * Folders that may hold UiPath's descriptions, in order: `UIPATH_DESCRIPTIONS`, a `shared/uipath` folder beside the
 * checkout or in an ancestor folder, then `.cache/uipath/` of this checkout.
 */
export function descriptionFolders(root = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): string[] {
	const found: string[] = [];
	if (env.UIPATH_DESCRIPTIONS) found.push(env.UIPATH_DESCRIPTIONS);
	for (let dir = dirname(root); ; dir = dirname(dir)) {
		found.push(join(dir, 'shared', 'uipath'));
		if (dirname(dir) === dir) break;
	}
	found.push(join(root, '.cache', 'uipath'));
	return found;
}

/** The first folder holding every description the tests read, or undefined. */
export function findDescriptionFolder(root = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): string | undefined {
	return descriptionFolders(root, env).find((dir) => DESCRIPTION_FILES.every((file) => existsSync(join(dir, file))));
}

const folder = findDescriptionFolder();

/** Whether this run can check requests and responses against UiPath's own descriptions. */
export const descriptionsAvailable = folder !== undefined;

/** The path of one of UiPath's official API descriptions (never a copy in this repository), or undefined when none was found. */
export function uipathDescription(file: DescriptionFile): string | undefined {
	return folder && join(folder, file);
}

/** `describe` for a conformance suite: skipped, with the reason in its title, when the descriptions are missing. */
export const describeConformance = (name: string, body: () => void) =>
	descriptionsAvailable ? describe(name, body) : describe.skip(`${name} (skipped: ${DESCRIPTIONS_MISSING})`, body);

/** `it` for one conformance test inside a suite that otherwise runs. */
export const itConforms = (name: string, body: () => Promise<void>) =>
	descriptionsAvailable ? it(name, body) : it.skip(`${name} (skipped: ${DESCRIPTIONS_MISSING})`, body);
