export * from './credentials/auth/pkce';
export * from './credentials/auth/endpoints';
export { UiPathApi } from './credentials/UiPathApi.credentials';
export { UiPathOAuth2Api } from './credentials/UiPathOAuth2Api.credentials';
export { UiPathOrchestrator } from './nodes/UiPathOrchestrator/UiPathOrchestrator.node';
export { UiPathOrchestratorTrigger } from './nodes/UiPathOrchestrator/UiPathOrchestratorTrigger.node';
export { UiPathOrchestratorPollingTrigger } from './nodes/UiPathOrchestrator/UiPathOrchestratorPollingTrigger.node';
