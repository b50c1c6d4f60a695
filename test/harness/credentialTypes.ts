import { UnrecognizedCredentialTypeError } from 'n8n-core';
import type { ICredentialType, ICredentialTypes } from 'n8n-workflow';

import type { NodeTypeRegistry } from './nodeTypes';

/** n8n's CredentialTypes over the types the harness registered; supported nodes come from the node registry. */
export class CredentialTypeRegistry implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		types: ICredentialType[],
		private readonly nodeTypes: NodeTypeRegistry,
	) {
		for (const type of types) this.register(type);
	}

	register(type: ICredentialType) {
		this.types.set(type.name, type);
	}

	list(): ICredentialType[] {
		return [...this.types.values()];
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (!type) throw new UnrecognizedCredentialTypeError(credentialType);
		return type;
	}

	getSupportedNodes(type: string): string[] {
		return this.nodeTypes.nodesUsingCredential(type);
	}

	/** Every ancestor named by `extends`, nearest first, as n8n computes it. */
	getParentTypes(typeName: string): string[] {
		const parents = [...(this.types.get(typeName)?.extends ?? [])];
		for (const parent of [...parents]) parents.push(...this.getParentTypes(parent));
		return parents;
	}
}
