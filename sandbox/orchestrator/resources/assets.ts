import { jsonBody, keyParam, type Route, type RouteContext } from '../context';
import { badRequest, notFound, type Reply } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import type { Asset } from '../store/types';
import { byIdRoute, listRoute } from './generic';

const ACTION = 'UiPath.Server.Configuration.OData';

const assets = {
	scopes: readScopes('Assets'),
	folderScoped: true,
	set: (context: RouteContext) => context.sets.assets,
	items: (context: RouteContext) => [...context.store.assets.values()].filter((asset) => asset.folderIds.includes(context.folder.Id)),
};

/** The typed property each value type is written through, and how its textual Value reads. */
function readValue(asset: Asset, body: Record<string, unknown>): Partial<Asset> {
	switch (asset.ValueType) {
		case 'Text':
			if (typeof body.StringValue !== 'string') throw badRequest('StringValue must be a string for a Text asset.');
			return { StringValue: body.StringValue, Value: body.StringValue };
		case 'Integer':
			if (!Number.isInteger(body.IntValue) || Math.abs(body.IntValue as number) > 2_147_483_647) {
				throw badRequest('IntValue must be a 32-bit integer for an Integer asset.');
			}
			return { IntValue: body.IntValue as number, Value: String(body.IntValue) };
		case 'Bool':
			if (typeof body.BoolValue !== 'boolean') throw badRequest('BoolValue must be true or false for a Bool asset.');
			return { BoolValue: body.BoolValue, Value: String(body.BoolValue) };
		case 'Credential': {
			if (typeof body.CredentialUsername !== 'string') throw badRequest('CredentialUsername must be a string for a Credential asset.');
			const password = typeof body.CredentialPassword === 'string' && body.CredentialPassword ? body.CredentialPassword : asset.credentialPassword;
			return { CredentialUsername: body.CredentialUsername, credentialPassword: password, Value: `username: ${body.CredentialUsername}` };
		}
	}
}

/** PUT replaces the asset's editable properties; its value type cannot change. */
function updateAsset(context: RouteContext): Reply {
	const asset = assets.items(context).find((candidate) => candidate.Id === keyParam(context));
	if (!asset) throw notFound(`Asset ${keyParam(context)} does not exist.`);
	const body = jsonBody(context, 'an AssetDto with Name, ValueScope, ValueType and the value');
	if (typeof body.Name !== 'string' || !body.Name.trim()) throw badRequest('Name is required.');
	if (body.ValueScope !== 'Global' && body.ValueScope !== 'PerRobot') throw badRequest('ValueScope must be Global or PerRobot.');
	if (body.ValueType !== undefined && body.ValueType !== asset.ValueType) {
		throw badRequest(`The value type of asset ${asset.Name} is ${asset.ValueType} and cannot be changed to ${String(body.ValueType)}.`);
	}
	const value = readValue(asset, body);
	Object.assign(asset, value, {
		Name: body.Name,
		Description: typeof body.Description === 'string' ? body.Description : null,
		LastModificationTime: new Date().toISOString(),
	});
	return { status: 200 };
}

export const assetRoutes: Route[] = [
	listRoute('Assets', assets),
	listRoute(`Assets/${ACTION}.GetFiltered`, assets),
	byIdRoute('Assets', 'Asset', assets),
	{
		method: 'PUT',
		pattern: /^\/odata\/Assets\((\d+)\)$/,
		scopes: writeScopes('Assets'),
		folderScoped: true,
		handle: updateAsset,
	},
];
