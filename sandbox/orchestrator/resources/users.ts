import { createHash } from 'crypto';
import { USER_EMAIL, USER_NAME } from '../../fixtures';
import type { Route } from '../context';
import { ok } from '../reply';
import { readScopes } from '../scopes';

/** A stable uuid-shaped key derived from a name, so the same user keeps the same key across starts. */
function stableKey(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const userRoutes: Route[] = [
	{
		method: 'GET',
		pattern: /^\/odata\/Users\/UiPath\.Server\.Configuration\.OData\.GetCurrentUser$/,
		scopes: readScopes('Users'),
		folderScoped: false,
		handle(context) {
			const { token, store } = context;
			const application = token.kind === 'client';
			const userName = application ? (token.clientId ?? token.subject) : token.subject === USER_EMAIL ? USER_NAME : token.subject;
			return ok({
				'@odata.context': `${context.serviceRoot}/odata/$metadata#Users/$entity`,
				Name: application ? userName : 'Robin',
				Surname: application ? null : 'Ops',
				UserName: userName,
				Domain: null,
				DirectoryIdentifier: null,
				FullName: application ? userName : 'Robin Ops',
				EmailAddress: application ? null : token.subject,
				IsActive: true,
				CreationTime: '2026-01-05T09:00:00Z',
				AuthenticationSource: null,
				TenantId: store.tenantId,
				TenancyName: store.name,
				TenantDisplayName: store.name,
				TenantKey: store.tenantKey,
				Type: application ? 'DirectoryExternalApplication' : 'DirectoryUser',
				ProvisionType: 'Automatic',
				Key: stableKey(token.subject),
				MayHaveUserSession: !application,
				MayHaveRobotSession: false,
				MayHaveUnattendedSession: false,
				MayHavePersonalWorkspace: !application,
				RestrictToPersonalWorkspace: false,
				AccountId: stableKey(`account:${token.subject}`),
				Id: application ? 9 : 7,
			});
		},
	},
];
