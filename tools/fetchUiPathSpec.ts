import { join } from 'path';

import { downloadDescriptions } from './uipathSpec/download';
import { UIPATHCLI_COMMIT } from './uipathSpec/pins';

/** `npm run fetch:uipath-spec`: UiPath's API descriptions into `.cache/uipath/`, where the conformance tests find them. */
async function main(): Promise<void> {
	const targetDir = join(__dirname, '..', '.cache', 'uipath');
	process.stderr.write(`UiPath API descriptions from uipathcli at ${UIPATHCLI_COMMIT} into ${targetDir}\n`);
	await downloadDescriptions({ targetDir, progress: (line) => process.stderr.write(`  ${line}\n`) });
}

main().catch((error: unknown) => {
	process.stderr.write(`fetch:uipath-spec failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
