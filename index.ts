export * from './credentials/auth/pkce';
