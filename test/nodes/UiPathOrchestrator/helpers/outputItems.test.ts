import type { IDataObject } from 'n8n-workflow';

import { toJob, toOutputItem, withBinary, withoutODataAnnotations } from '../../../../nodes/UiPathOrchestrator/helpers/outputItems';

/** A job as Orchestrator answers GET Jobs(Id): the entity with its OData context, arguments as JSON strings. */
const answered = (): IDataObject => ({
	'@odata.context': 'https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/odata/$metadata#Jobs/$entity',
	Id: 7,
	State: 'Successful',
	InputArguments: '{"InvoiceId":"INV-7"}',
	OutputArguments: '{"Total":12.5}',
	Info: 'Job completed',
});

describe('jobs and items as the node outputs them', () => {
	it('toJob drops annotations and parses the arguments, in a copy that leaves the answer as it was', () => {
		const answer = answered();
		const job = toJob(answer);
		expect(job).toEqual({ Id: 7, State: 'Successful', InputArguments: { InvoiceId: 'INV-7' }, OutputArguments: { Total: 12.5 }, Info: 'Job completed' });
		expect(answer).toEqual(answered());
	});

	it('toJob keeps arguments that are empty, null or not JSON as they came', () => {
		expect(toJob({ Id: 1, InputArguments: '', OutputArguments: null }).OutputArguments).toBeNull();
		expect(toJob({ Id: 1, InputArguments: '' }).InputArguments).toBe('');
		expect(toJob({ Id: 1, OutputArguments: 'not json' }).OutputArguments).toBe('not json');
		expect(toJob({ Id: 1 })).toEqual({ Id: 1 });
	});

	it('withoutODataAnnotations copies only an object that has annotations', () => {
		const plain: IDataObject = { Id: 3, Name: 'Invoice Echo' };
		expect(withoutODataAnnotations(plain)).toBe(plain);
		const annotated = { '@odata.context': 'x', '@odata.count': 2, Id: 3 };
		expect(withoutODataAnnotations(annotated)).toEqual({ Id: 3 });
		expect(Object.keys(annotated)).toContain('@odata.context');
	});

	it('toOutputItem pairs the result as it is, and splits binary data off into the item\'s binary', () => {
		const result: IDataObject = { Id: 7 };
		const item = toOutputItem(result, 4);
		expect(item).toEqual({ json: { Id: 7 }, pairedItem: { item: 4 } });
		expect(item.json).toBe(result);

		const binary = { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'hi.txt' } };
		const withFile = toOutputItem(withBinary({ Path: 'hi.txt' }, binary), 2);
		expect(withFile).toEqual({ json: { Path: 'hi.txt' }, binary, pairedItem: { item: 2 } });
		expect(Object.getOwnPropertySymbols(withFile.json)).toEqual([]);
	});
});
