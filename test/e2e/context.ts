import type { Sandbox } from '../../sandbox';
import type { N8nClient } from './n8n';
import type { CredentialRef } from './workflows';

/** What every scenario works with: the owner's n8n session and the sandbox in this process. */
export interface E2eContext {
	client: N8nClient;
	sandbox: Sandbox;
	/** Filled in as scenarios pass, for the scenarios and screenshots that build on them. */
	oauth2Credential?: CredentialRef;
	chainedWorkflow?: { workflowId: string; executionId: string };
	argumentFieldsWorkflow?: string;
}
