/**
 * Asset Get, Get Many and Update through n8n-core against the sandbox: each value type read as its type, a
 * credential asset giving its user name and never its password, updates of Text, Integer and Bool assets.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../../harness';
import { ASSET_VALUE, ASSET_VALUES, ASSETS } from '../../../sandbox/fixtures';
import { credentialFor, expectConformingRequests, locator, NODE_NAME, nodeError, SHARED, startSuite, type Suite } from './sandboxSuite';

describe('assets', () => {
	let suite: Suite;
	beforeAll(async () => {
		suite = await startSuite(['clientCredentials']);
	});
	afterAll(async () => await suite.close());
	afterEach(async () => await expectConformingRequests(suite));

	const run = async (parameters: INodeParameters, options?: Parameters<Suite['run']>[2]) =>
		await suite.run('clientCredentials', { resource: 'asset', folder: SHARED, ...parameters }, options);
	const stored = (name: string) => {
		const asset = [...suite.sandbox.state.store.assets.values()].find((candidate) => candidate.Name === name);
		if (!asset) throw new Error(`no asset ${name}`);
		return asset;
	};

	it('get reads each value type as its type: by name, by ID and from the list', async () => {
		const text = await run({ operation: 'get', asset: locator('name', ASSETS.text) });
		expect(text.json(NODE_NAME)).toEqual([expect.objectContaining({ Name: ASSETS.text, ValueType: 'Text', Value: ASSET_VALUE })]);
		const integer = await run({ operation: 'get', asset: locator('id', String(stored(ASSETS.integer).Id)) });
		expect(integer.json(NODE_NAME)[0]).toMatchObject({ ValueType: 'Integer', Value: ASSET_VALUES.integer });
		const bool = await run({ operation: 'get', asset: locator('list', String(stored(ASSETS.bool).Id)) });
		expect(bool.json(NODE_NAME)[0]).toMatchObject({ ValueType: 'Bool', Value: ASSET_VALUES.bool });
		expect(bool.items(NODE_NAME)[0].pairedItem).toEqual({ item: 0 });
		const byName = suite.apiRequests().find((request) => request.query.$filter === `Name eq '${ASSETS.text}'`);
		expect(byName?.path).toMatch(/\/odata\/Assets\/UiPath\.Server\.Configuration\.OData\.GetFiltered$/);
	});

	it('a credential asset gives its user name and never its password, in get and get many', async () => {
		const password = stored(ASSETS.credential).credentialPassword;
		expect(password?.length).toBeGreaterThanOrEqual(20);
		const one = await run({ operation: 'get', asset: locator('name', ASSETS.credential) });
		expect(one.json(NODE_NAME)[0]).toMatchObject({ ValueType: 'Credential', Value: ASSET_VALUES.credentialUsername, CredentialUsername: ASSET_VALUES.credentialUsername });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json(NODE_NAME).map((asset) => asset.Name).sort()).toEqual(Object.values(ASSETS).sort());
		for (const result of [one, all]) expect(JSON.stringify(result.run)).not.toContain(password);
		expect(suite.sandbox.state.requests.some((request) => request.responseBody.includes(String(password)))).toBe(false);
	});

	it('get many filters by value type and name on the server', async () => {
		const result = await run({ operation: 'getAll', returnAll: true, filters: { valueTypes: ['Integer', 'Bool'], name: 'Posting' } });
		expect(result.json(NODE_NAME).map((asset) => asset.Name)).toEqual([ASSETS.bool]);
		expect(suite.apiRequests()[0].query.$filter).toBe("(contains(Name, 'Posting')) and (ValueType eq 'Integer' or ValueType eq 'Bool')");
	});

	it('update sets the value of Text, Integer and Bool assets, converting the text it is given', async () => {
		const text = await run({ operation: 'update', asset: locator('name', ASSETS.text), value: 'https://erp.acme.test/api/v3' });
		expect(text.json(NODE_NAME)[0]).toMatchObject({ Value: 'https://erp.acme.test/api/v3' });
		await run({ operation: 'update', asset: locator('name', ASSETS.integer), value: '={{ "75" }}' });
		await run({ operation: 'update', asset: locator('id', String(stored(ASSETS.bool).Id)), value: 'false' });
		expect(stored(ASSETS.text)).toMatchObject({ StringValue: 'https://erp.acme.test/api/v3', Value: 'https://erp.acme.test/api/v3' });
		expect(stored(ASSETS.integer)).toMatchObject({ IntValue: 75, Value: '75' });
		expect(stored(ASSETS.bool)).toMatchObject({ BoolValue: false, Value: 'false' });
		const put = suite.apiRequests().filter((request) => request.method === 'PUT').map((request) => JSON.parse(request.body ?? '{}'));
		expect(put[1]).toMatchObject({ Name: ASSETS.integer, ValueScope: 'Global', ValueType: 'Integer', IntValue: 75, Description: 'Invoices a robot posts per run.' });
	});

	it.each([
		['a missing asset', { operation: 'get', asset: locator('name', '={{ "" }}') }, /^Asset \(asset\) in item 0 is required/],
		['an asset ID that is not a number', { operation: 'update', asset: locator('id', '={{ "ErpBaseUrl" }}'), value: 'x' }, /^Asset \(asset\) in item 0 "ErpBaseUrl" is not an asset ID/],
	])('bad input is refused before any request: %s', async (_name, parameters, message) => {
		const error = nodeError(await run(parameters as INodeParameters));
		expect(error.message).toMatch(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(suite.apiRequests()).toEqual([]);
	});

	it('a value of the wrong type, or a credential, is refused before the update is sent', async () => {
		const before = stored(ASSETS.integer).IntValue;
		const notANumber = nodeError(await run({ operation: 'update', asset: locator('name', ASSETS.integer), value: 'many' }));
		expect(notANumber.message).toMatch(/^Value \(value\) in item 0 must be a whole number for the Integer asset "InvoiceBatchSize", not "many"/);
		const credential = nodeError(await run({ operation: 'update', asset: locator('name', ASSETS.credential), value: 'someone' }));
		expect(credential.message).toMatch(/is a Credential asset; only Text, Integer and Bool values can be updated/);
		expect(suite.apiRequests().map((request) => request.method)).toEqual(['GET', 'GET']);
		expect(stored(ASSETS.integer).IntValue).toBe(before);
	});

	it('UiPath errors are explained: an unknown asset, and an update without the write scope', async () => {
		const unknown = nodeError(await run({ operation: 'get', asset: locator('id', '99999') }));
		expect(unknown.httpCode).toBe('404');
		const named = nodeError(await run({ operation: 'get', asset: locator('name', 'NoSuchAsset') }));
		expect(named.message).toBe('No asset named "NoSuchAsset" in folder "Shared"');
		const readOnly = new CredentialStore([await credentialFor(suite.sandbox, 'clientCredentials', { scope: 'OR.Assets.Read' })]);
		const full = suite.stores.get('clientCredentials') as CredentialStore;
		suite.stores.set('clientCredentials', readOnly);
		try {
			const refused = nodeError(await run({ operation: 'update', asset: locator('name', ASSETS.text), value: 'x' }));
			expect(refused.httpCode).toBe('403');
			expect(refused.description).toMatch(/needs the scope OR\.Assets or OR\.Assets\.Write/);
		} finally {
			suite.stores.set('clientCredentials', full);
		}
	});

	it('continue on fail gives a paired error item and goes on with the next item', async () => {
		const result = await run(
			{ operation: 'get', asset: locator('name', '={{ $json.name }}') },
			{ continueOnFail: true, items: [{ name: 'NoSuchAsset' }, { name: ASSETS.integer }] },
		);
		expect(result.items(NODE_NAME).map((item) => [item.pairedItem, item.json.error ?? item.json.Value])).toEqual([
			[{ item: 0 }, 'No asset named "NoSuchAsset" in folder "Shared"'],
			[{ item: 1 }, stored(ASSETS.integer).IntValue],
		]);
	});
});
