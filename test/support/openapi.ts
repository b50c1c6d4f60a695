import type { OpenAPIBackend as Backend, Operation, ValidationContext } from 'openapi-backend';
import { readFileSync } from 'fs';
import { nodeRequire } from '../../sandbox/identity/nodeRequire';
import { DESCRIPTIONS_MISSING, uipathDescription } from './uipathDescriptions';

/** openapi-backend's reference parser is ESM only: Node's own require loads it (Node 20.19+), jest's cannot. */
const { OpenAPIBackend } = nodeRequire(__filename)('openapi-backend') as { OpenAPIBackend: typeof Backend };

const yaml = nodeRequire(__filename)('js-yaml') as { load(text: string): unknown };

/** UiPath's official description of Orchestrator, found outside the repository (test/support/uipathDescriptions.ts). */
function orchestratorDescription(): string {
	const path = uipathDescription('orchestrator.yaml');
	if (!path) throw new Error(DESCRIPTIONS_MISSING);
	return path;
}

/** The parts of a recorded request the validator reads (`sandbox.state.requests` entries fit). */
export interface RecordedExchange {
	method: string;
	/** Full path as sent, e.g. `/acme/DefaultTenant/orchestrator_/odata/Jobs(4)`. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Raw request body ('' when none). */
	body: string;
	status: number;
	responseBody: string;
}

export interface Conformance {
	valid: boolean;
	/** undefined when the description has no operation for this method and path. */
	operationId?: string;
	/** One line per problem, with the JSON path of the offending value. */
	errors: string[];
	/** Why nothing was checked (an undescribed error status, an unknown path). */
	skipped?: string;
}

export interface DescribedOperation {
	operationId: string;
	/** From "OAuth required scopes: OR.Jobs or OR.Jobs.Read." in the operation's description. */
	scopes: string[];
}

export interface OpenApiValidator {
	/** The operation UiPath describes for this method and Orchestrator path (prefix allowed). */
	describeOperation(method: string, path: string): DescribedOperation | undefined;
	/** The request against the operation's parameters and request body. */
	validateRequest(recorded: RecordedExchange): Conformance;
	/** The response body against the schema the operation declares for that status. */
	validateResponse(recorded: RecordedExchange, options?: { keepNulls?: boolean }): Conformance;
	/** A webhook delivery's body against the schema tagged `x-webhook-event: <its Type>` (nulls dropped, as for responses). */
	validateWebhookEvent(body: string): Conformance;
}

/** Headers that name the folder; UiPath accepts any one of them where the description requires the first. */
const FOLDER_HEADERS = ['x-uipath-organizationunitid', 'x-uipath-folderpath', 'x-uipath-folderpath-encoded', 'x-uipath-folderkey'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The path of an Orchestrator request as the description writes it: without `/{org}/{tenant}/orchestrator_`
 * (today's cloud) or `/{account}/{tenant}` (the 2019 flow); on-premises paths start with `/odata` already.
 */
export function orchestratorPath(path: string): string | undefined {
	const match = /^(?:\/[^/]+\/[^/]+\/orchestrator_|\/[^/]+\/[^/]+)?(\/(?:odata|api|forms|tasks)(?:\/.*)?)$/.exec(path);
	return match?.[1];
}

const PUNCTUATION: Record<string, string> = { '(': '%28', ')': '%29', '[': '%5B', ']': '%5D' };

/**
 * OData paths such as `/odata/Jobs({key})` carry parentheses, which the path-parameter parser of openapi-backend
 * reads as regular-expression groups; both the description's paths and the requests' are given them escaped.
 */
const escapePunctuation = (path: string) => path.replace(/[()[\]]/g, (char) => PUNCTUATION[char]);

/**
 * C# `Dictionary<string, object>` properties (SpecificContent, Output, Analytics…) come out of UiPath's generator as
 * maps whose values must be objects; the service takes any JSON value there (`{"InvoiceId": "INV-1"}`).
 */
function acceptAnyMapValue(node: unknown): void {
	if (!node || typeof node !== 'object') return;
	const schema = node as Record<string, unknown>;
	const values = schema.additionalProperties as Record<string, unknown> | undefined;
	if (values && typeof values === 'object' && values.type === 'object' && Object.keys(values).length === 1) schema.additionalProperties = {};
	for (const child of Object.values(schema)) acceptAnyMapValue(child);
}

function loadDescription(): object {
	const document = yaml.load(readFileSync(orchestratorDescription(), 'utf8')) as { paths: Record<string, unknown> };
	document.paths = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [escapePunctuation(path), item]));
	acceptAnyMapValue(document);
	return document;
}

function withoutNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, item]) => item !== null)
				.map(([key, item]) => [key, withoutNulls(item)]),
		);
	}
	return value;
}

function lowerCaseHeaders(headers: RecordedExchange['headers']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function describe(errors: { instancePath?: string; message?: string; params?: unknown }[] | null | undefined): string[] {
	return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`.trim());
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

async function build(): Promise<OpenApiValidator> {
	const api = new OpenAPIBackend({
		definition: loadDescription() as Backend['definition'],
		// Compiles each operation's validators on first use: the description has 343 paths.
		quick: true,
		strict: false,
		ajvOpts: { allErrors: true, strict: false },
		// Functions, not RegExp objects: the validator lives in Node's realm, where a RegExp from jest's is not one.
		customizeAjv: (ajv) => {
			ajv.addFormat('uuid', (value: string) => UUID.test(value));
			ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value));
			ajv.addFormat('date', (value: string) => DATE.test(value));
			ajv.addFormat('uri', (value: string) => URL.canParse(value));
			ajv.addFormat('email', (value: string) => /^[^\s@]+@[^\s@]+$/.test(value));
			return ajv;
		},
	});
	await api.init();

	const pathOf = (recorded: Pick<RecordedExchange, 'path'>) => {
		const path = orchestratorPath(recorded.path);
		return path === undefined ? undefined : escapePunctuation(path);
	};
	const operationOf = (recorded: Pick<RecordedExchange, 'method' | 'path'>): Operation | undefined => {
		const path = pathOf(recorded);
		return path ? api.matchOperation({ method: recorded.method.toLowerCase(), path, headers: {} }) : undefined;
	};

	const schemas = (api.definition.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
	const eventSchemas = new Map(
		Object.entries(schemas)
			.filter(([, schema]) => typeof schema['x-webhook-event'] === 'string')
			.map(([name, schema]) => [schema['x-webhook-event'] as string, { name, schema }]),
	);
	const eventAjv = api.validator.getAjv('responseValidator' as ValidationContext);
	const eventValidators = new Map<string, ReturnType<typeof eventAjv.compile>>();

	return {
		validateWebhookEvent(body) {
			const parsed = parseBody(body);
			if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return { valid: false, errors: ['the body is not a JSON object'] };
			const type = (parsed.value as { Type?: unknown }).Type;
			const described = eventSchemas.get(String(type));
			if (!described) return { valid: false, errors: [`no schema has x-webhook-event: ${String(type)}`] };
			const validate = eventValidators.get(described.name) ?? eventAjv.compile(described.schema);
			eventValidators.set(described.name, validate);
			const valid = validate(withoutNulls(parsed.value)) === true;
			return { valid, operationId: described.name, errors: describe(validate.errors) };
		},
		describeOperation(method, path) {
			const operation = operationOf({ method, path });
			if (!operation?.operationId) return undefined;
			const listed = /OAuth required scopes: ([^\n]*?)\.?(\n|$)/.exec(operation.description ?? '');
			return { operationId: operation.operationId, scopes: listed ? listed[1].split(/ or /).map((scope) => scope.trim()) : [] };
		},
		validateRequest(recorded) {
			const operation = operationOf(recorded);
			if (!operation) return { valid: false, errors: [`no operation for ${recorded.method} ${recorded.path}`], skipped: 'unknown path' };
			const body = parseBody(recorded.body);
			if (!body.ok) return { valid: false, operationId: operation.operationId, errors: ['request body is not JSON'] };
			const headers = lowerCaseHeaders(recorded.headers);
			const result = api.validateRequest(
				{ method: recorded.method.toLowerCase(), path: pathOf(recorded) as string, headers, query: recorded.query, body: body.value },
				operation,
			);
			const otherFolderHeader = FOLDER_HEADERS.slice(1).some((name) => headers[name] !== undefined);
			const errors = (result.errors ?? []).filter(
				(error) =>
					!(otherFolderHeader && (error.params as { missingProperty?: string } | undefined)?.missingProperty === FOLDER_HEADERS[0]),
			);
			return { valid: errors.length === 0, operationId: operation.operationId, errors: describe(errors) };
		},
		validateResponse(recorded, options = {}) {
			const operation = operationOf(recorded);
			if (!operation) return { valid: false, errors: [`no operation for ${recorded.method} ${recorded.path}`], skipped: 'unknown path' };
			const declared = operation.responses?.[String(recorded.status)];
			if (!declared) {
				return { valid: true, operationId: operation.operationId, errors: [], skipped: `status ${recorded.status} is not described` };
			}
			const content = 'content' in declared ? declared.content : undefined;
			const body = parseBody(recorded.responseBody);
			if (!body.ok) return { valid: false, operationId: operation.operationId, errors: ['response body is not JSON'] };
			if (!content || Object.keys(content).length === 0) {
				const empty = body.value === undefined;
				return { valid: empty, operationId: operation.operationId, errors: empty ? [] : ['the description declares no body'] };
			}
			const value = options.keepNulls ? body.value : withoutNulls(body.value);
			const result = api.validateResponse(value, operation, recorded.status);
			return { valid: result.valid, operationId: operation.operationId, errors: describe(result.errors) };
		},
	};
}

let shared: Promise<OpenApiValidator> | undefined;

/** The validator, built once per process (parsing the 1.4 MB description takes a moment); only conformance tests call it. */
export function openApiValidator(): Promise<OpenApiValidator> {
	shared ??= build();
	return shared;
}
