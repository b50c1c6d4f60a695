/**
 * UiPath's API descriptions as uipathcli publishes them (MIT licence), pinned to one commit and checked by SHA-256.
 * They are downloaded into `.cache/uipath/` by `npm run fetch:uipath-spec` and never copied into this repository.
 */
export const UIPATHCLI_COMMIT = 'd16b8f937d5c2cda92aa639329e40140fdfc56be';

/** Where the raw files of a GitHub repository are served; `<base>/<commit>/<path>`. */
export const UIPATHCLI_RAW_BASE = 'https://raw.githubusercontent.com/UiPath/uipathcli';

export interface PinnedFile {
	/** The name in the local folder, e.g. `orchestrator.yaml`. */
	name: string;
	/** The path in uipathcli at the pinned commit. */
	path: string;
	sha256: string;
}

export const PINNED_FILES: readonly PinnedFile[] = [
	{ name: 'orchestrator.yaml', path: 'definitions/orchestrator.yaml', sha256: '4aba03b563d2cd876afd3e20aba52aaca6a9a5890c7c75e81fc8d2e9c2a87795' },
	{ name: 'identity.yaml', path: 'definitions/identity.yaml', sha256: '4f8e75729a0a65fec8d595e739fcc3cb0fde0343a3fa1c44345b51d359437a3f' },
	{ name: 'identity.token.yaml', path: 'definitions/identity.token.yaml', sha256: 'bf7cab560faee17fa79fb7181365b574a479b3f12267479294f0d65b93347a2d' },
];
