import type { ILoadOptionsFunctions, INodeParameterResourceLocator, ResourceMapperFields } from 'n8n-workflow';

import { planArguments, toResourceMapperField } from '../helpers/inputArguments';
import { getRelease } from '../transport';
import { chosenFolder, credentialTypeOf } from './editorContext';

const JSON_INSTEAD = 'Choose JSON under Input Arguments Mode and give the arguments as a JSON object; in this mode the node sends that JSON.';

/** Job Start's Input Arguments as fields: one per argument the chosen process declares (Release.Arguments.Input). */
export async function getInputArgumentFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const raw = this.getNodeParameter('release', '') as INodeParameterResourceLocator | string;
	const mode = typeof raw === 'object' && raw ? raw.mode : 'key';
	const value = String((typeof raw === 'object' && raw ? raw.value : raw) ?? '').trim();
	if (!value) return { fields: [], emptyFieldsNotice: 'Choose a process first: its input arguments appear here.' };
	const folder = chosenFolder(this);
	const release = await getRelease(this, credentialTypeOf(this), folder, mode === 'name' ? { name: value } : { key: value }, { select: 'Name,Arguments' });
	const plan = planArguments((release.Arguments as { Input?: unknown } | undefined)?.Input);
	if (plan.kind === 'json') return { fields: [], emptyFieldsNotice: `${plan.reason}. ${JSON_INSTEAD}` };
	if (plan.arguments.length === 0) return { fields: [], emptyFieldsNotice: `${release.Name} declares no input arguments.` };
	return { fields: plan.arguments.map(toResourceMapperField) };
}
