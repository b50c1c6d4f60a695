import { RoutingNode, UnrecognizedNodeTypeError } from 'n8n-core';
import {
	NodeHelpers,
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

/** Community package node types are named `<package name>.<description.name>` by n8n's loader. */
export const PACKAGE_NAME = 'n8n-nodes-uipath';

export type AnyNodeType = INodeType | IVersionedNodeType;

/** A node type and the full type name workflows use for it (default `n8n-nodes-uipath.<name>`). */
export interface NodeTypeEntry {
	type: AnyNodeType;
	name?: string;
}

function toEntry(entry: AnyNodeType | NodeTypeEntry): Required<NodeTypeEntry> {
	const type = 'description' in entry ? entry : entry.type;
	const name = 'description' in entry ? undefined : entry.name;
	return { type, name: name ?? `${PACKAGE_NAME}.${type.description.name}` };
}

/** Declarative nodes (routing only) get n8n's RoutingNode as `execute`, as n8n's own NodeTypes does. */
function assignRoutingExecute(nodeType: INodeType) {
	const isDeclarative = nodeType.description.requestDefaults !== undefined;
	const needsExecute =
		!nodeType.execute &&
		!nodeType.supplyData &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarative) &&
		(!nodeType.methods || isDeclarative);
	if (!needsExecute) return;
	nodeType.execute = async function () {
		// At run time `this` is n8n-core's ExecuteContext, which RoutingNode's type names.
		return (await new RoutingNode(this as unknown as ConstructorParameters<typeof RoutingNode>[0], nodeType).runNode()) ?? [];
	};
}

/** The `INodeTypes` n8n-core asks for node types, holding what the harness registered. */
export class NodeTypeRegistry implements INodeTypes {
	private readonly types = new Map<string, AnyNodeType>();

	constructor(entries: Array<AnyNodeType | NodeTypeEntry> = []) {
		for (const entry of entries) this.register(entry);
	}

	register(entry: AnyNodeType | NodeTypeEntry): string {
		const { type, name } = toEntry(entry);
		this.types.set(name, type);
		return name;
	}

	names(): string[] {
		return [...this.types.keys()];
	}

	/** Every (name, type) pair, so a run can copy the defaults and add its own. */
	entries(): NodeTypeEntry[] {
		return [...this.types].map(([name, type]) => ({ name, type }));
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types.get(nodeType);
		if (!type) {
			const [packageName, name] = nodeType.split('.');
			throw new UnrecognizedNodeTypeError(packageName, name ?? '');
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const versioned = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		assignRoutingExecute(versioned);
		return versioned;
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(this.names().map((name) => [name, { className: name, sourcePath: '' }]));
	}

	/** Full type names of the nodes whose description lists this credential type (n8n's `supportedNodes`). */
	nodesUsingCredential(credentialType: string): string[] {
		return [...this.types]
			.filter(([, type]) => {
				const versions = 'nodeVersions' in type ? Object.values(type.nodeVersions) : [type];
				return versions.some((v) => v.description.credentials?.some((c) => c.name === credentialType));
			})
			.map(([name]) => name);
	}
}
