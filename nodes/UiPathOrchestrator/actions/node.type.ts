import type { AllEntities } from 'n8n-workflow';

/** Resource → operations: values stored in users' workflows, so never renamed. */
type NodeMap = {
	account: 'getAll' | 'getTenants';
	folder: 'getAll';
	release: 'getAll' | 'get';
	job: 'start' | 'get' | 'getAll' | 'getLogs' | 'stop' | 'wait';
	asset: 'get' | 'getAll' | 'update';
	queueItem: 'add' | 'addMany' | 'delete' | 'get' | 'getAll';
	robot: 'getAll';
	storageBucket: 'getAll';
	bucketFile: 'getAll' | 'upload' | 'download' | 'delete';
	task: 'create' | 'get' | 'getAll' | 'assign' | 'complete' | 'delete';
};

export type UiPathOrchestratorType = AllEntities<NodeMap>;
