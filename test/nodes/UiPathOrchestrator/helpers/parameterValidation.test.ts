import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { UiPathOrchestrator } from '../../../../nodes/UiPathOrchestrator/UiPathOrchestrator.node';

/** Every property, those inside collections and fixed collections included. */
function allProperties(properties: Array<INodeProperties | INodePropertyCollection>): Array<INodeProperties | INodePropertyCollection> {
	return properties.flatMap((property) => {
		const nested = 'options' in property && Array.isArray(property.options) ? property.options : 'values' in property ? property.values : [];
		const children = (nested as unknown[]).filter((entry): entry is INodeProperties | INodePropertyCollection => typeof entry === 'object' && entry !== null && ('values' in entry || 'type' in entry));
		return [property, ...allProperties(children)];
	});
}

describe('itemParameter reads without n8n\'s schema check', () => {
	it('is sound: no parameter of the node declares validateType, what the check acts on (besides a resource mapper\'s .value, which no read asks for)', () => {
		const properties = allProperties(new UiPathOrchestrator().description.properties);
		expect(properties.length).toBeGreaterThan(99);
		expect(properties.filter((property) => 'validateType' in property).map((property) => property.name)).toEqual([]);
	});
});
