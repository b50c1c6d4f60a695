import { ODATA } from '../../helpers/constants';
import { anyOf, listOperation, nameContains } from '../listing';
import { toAsset } from './asset';

/** The value types of AssetDto. */
const VALUE_TYPES = ['Text', 'Integer', 'Bool', 'Credential', 'Secret', 'DBConnectionString', 'HttpConnectionString', 'KeyValueList', 'WindowsCredential'];

export const { description, execute } = listOperation({
	resource: 'asset',
	path: ODATA.assets,
	inFolder: true,
	orderBy: 'Id asc',
	filters: [nameContains('assets'), anyOf('Value Types', 'valueTypes', 'ValueType', VALUE_TYPES, 'Only assets of these value types')],
	toOutput: toAsset,
});
