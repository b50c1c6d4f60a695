import type { IDataObject, ILoadOptionsFunctions, INodeParameterResourceLocator, INodePropertyOptions } from 'n8n-workflow';

import { ODATA } from '../helpers/constants';
import type { ODataPage } from '../helpers/interfaces';
import { getRelease, isForbidden, odataString, rethrown, uiPathApiRequest } from '../transport';
import { chosenFolder, credentialTypeOf } from './editorContext';

/** The entry points of the chosen process: its package's (`ProcessDto.EntryPoints`), or its own when the feed cannot be read. */
export async function getEntryPoints(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const raw = this.getNodeParameter('release', '') as INodeParameterResourceLocator | string;
	const mode = typeof raw === 'object' && raw ? raw.mode : 'key';
	const value = String((typeof raw === 'object' && raw ? raw.value : raw) ?? '').trim();
	if (!value) return [];
	const credentialType = credentialTypeOf(this);
	const release = await getRelease(this, credentialType, chosenFolder(this), mode === 'name' ? { name: value } : { key: value }, {
		select: 'Name,ProcessKey,ProcessVersion,EntryPointPath',
	});
	const own: INodePropertyOptions[] = release.EntryPointPath ? [{ name: String(release.EntryPointPath), value: String(release.EntryPointPath) }] : [];
	let packages: ODataPage<IDataObject>;
	try {
		packages = await uiPathApiRequest<ODataPage<IDataObject>>(this, credentialType, {
			path: ODATA.processes,
			qs: { $filter: `Key eq ${odataString(`${String(release.ProcessKey)}:${String(release.ProcessVersion)}`)}`, $select: 'Key,EntryPoints', $top: 1 },
		});
	} catch (error) {
		// Reading the feed needs the tenant-level Packages.View, which folder-scoped identities lack.
		if (isForbidden(error)) return own;
		throw rethrown(error);
	}
	const entryPoints = (packages.value?.[0]?.EntryPoints ?? []) as IDataObject[];
	const paths = entryPoints.map((entryPoint) => entryPoint.Path).filter((path): path is string => typeof path === 'string' && path !== '');
	return paths.length > 0 ? paths.map((path) => ({ name: path, value: path })) : own;
}

/** The machine sessions of the chosen folder (`/odata/Sessions`), by machine and state. */
export async function getMachineSessions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sessions = await uiPathApiRequest<ODataPage<IDataObject>>(this, credentialTypeOf(this), {
		path: ODATA.sessions,
		folder: chosenFolder(this),
		qs: { $orderby: 'MachineName asc', $top: 1000 },
	});
	return (sessions.value ?? []).map((session) => ({
		name: `${String(session.MachineName ?? session.HostMachineName ?? 'Machine')} (${String(session.State ?? 'unknown')})`,
		value: Number(session.Id),
		description: session.HostMachineName ? `Host ${String(session.HostMachineName)}, session ${String(session.Id)}` : `Session ${String(session.Id)}`,
	}));
}
