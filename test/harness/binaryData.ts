import './userFolder';

import { dirname } from 'node:path';

import type { Container as ContainerType } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

// n8n-core ships its own copy of @n8n/di: services must come from that copy's container, the one its helpers use.
const { Container } = require(require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] })) as { Container: typeof ContainerType };

/**
 * Switches this process to n8n's filesystem binary-data mode, as a server started with
 * N8N_DEFAULT_BINARY_DATA_MODE=filesystem runs: binary data is written under `storagePath` and items carry
 * only its id. Without it n8n-core keeps binary data in memory (base64 in the item), n8n's "default" mode.
 * Call once per process, before the first run that handles binary data.
 */
export async function useFilesystemBinaryData(storagePath: string): Promise<BinaryDataService> {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storagePath;
	const service = Container.get(BinaryDataService);
	await service.init();
	return service;
}
