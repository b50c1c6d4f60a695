import { DESCRIPTIONS_MISSING, descriptionsAvailable } from './uipathDescriptions';

/** jest's globalSetup: one line per run, before any test, when the conformance tests will skip. */
export default function descriptionsNotice(): void {
	if (!descriptionsAvailable) process.stderr.write(`\n${DESCRIPTIONS_MISSING}\n`);
}
