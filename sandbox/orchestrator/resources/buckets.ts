import { blobFileAccess } from '../buckets/access';
import type { Route, RouteContext } from '../context';
import { collectionResponse, parseQuery, type EntitySet } from '../odata/query';
import { badRequest, noContent, notFound, ok } from '../reply';
import { readScopes, writeScopes } from '../scopes';
import type { BlobFile, Bucket } from '../store/types';
import { listRoute } from './generic';

const ACTION = 'UiPath\\.Server\\.Configuration\\.OData';
/** Lifetime of a URI when the caller asks for 0 (the default). */
const DEFAULT_EXPIRY_MINUTES = 60;

const BUCKET_FIELDS = [
	'Name', 'Description', 'Identifier', 'StorageProvider', 'StorageParameters', 'StorageContainer', 'Options',
	'CredentialStoreId', 'ExternalName', 'Password', 'FoldersCount', 'Tags', 'Id',
] as const satisfies readonly (keyof Bucket)[];

const bucketSet: EntitySet<Bucket> = { name: 'Buckets', typeName: 'BucketDto', fields: BUCKET_FIELDS };

type BlobFileEntry = Omit<BlobFile, 'diskPath'> & { IsDirectory: boolean; Id: string };
const blobFileSet: EntitySet<BlobFileEntry> = {
	name: 'Collection(UiPath.Server.Configuration.OData.BlobFileDto)',
	typeName: 'BlobFileDto',
	fields: ['FullPath', 'ContentType', 'Size', 'IsDirectory', 'Id'],
};

const visibleBuckets = (context: RouteContext) =>
	[...context.store.buckets.values()].filter((bucket) => bucket.folderIds.includes(context.folder.Id));

function bucketOf(context: RouteContext): Bucket {
	const id = Number(context.params[0]);
	const bucket = visibleBuckets(context).find((candidate) => candidate.Id === id);
	if (!bucket) throw notFound(`Bucket ${id} does not exist.`);
	return bucket;
}

/** Orchestrator stores paths without a leading slash; `\` and `/` both separate folders. */
function normalizePath(raw: string | null): string {
	return (raw ?? '').replace(/\\/g, '/').replace(/^\/+/, '');
}

function requiredPath(context: RouteContext): string {
	const path = normalizePath(context.query.get('path'));
	if (!path || path.endsWith('/')) throw badRequest('The path query parameter must name a file, e.g. invoices/2026/INV-1.pdf.');
	return path;
}

function expiryOf(context: RouteContext): number {
	const raw = context.query.get('expiryInMinutes') ?? '0';
	if (!/^\d+$/.test(raw)) throw badRequest(`expiryInMinutes must be a whole number of minutes, not '${raw}'.`);
	return Date.now() + (Number(raw) || DEFAULT_EXPIRY_MINUTES) * 60_000;
}

/** `*` and `?` of fileNameGlob, matched against the file name. */
function globMatcher(glob: string | null): (name: string) => boolean {
	if (!glob) return () => true;
	const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
	const regex = new RegExp(`^${pattern}$`, 'i');
	return (name) => regex.test(name);
}

function filesIn(context: RouteContext, bucket: Bucket): BlobFileEntry[] {
	const directory = normalizePath(context.query.get('directory')).replace(/\/+$/, '');
	const prefix = directory ? `${directory}/` : '';
	const recursive = context.query.get('recursive') === 'true';
	const matches = globMatcher(context.query.get('fileNameGlob'));
	return [...bucket.files.values()]
		.filter((file) => file.FullPath.startsWith(prefix) && (recursive || !file.FullPath.slice(prefix.length).includes('/')))
		.filter((file) => matches(file.FullPath.slice(file.FullPath.lastIndexOf('/') + 1)))
		.map(({ FullPath, ContentType, Size }) => ({ FullPath, ContentType, Size, IsDirectory: false, Id: FullPath }));
}

function accessRoute(action: 'GetReadUri' | 'GetWriteUri'): Route {
	const verb = action === 'GetReadUri' ? 'GET' : 'PUT';
	return {
		method: 'GET',
		pattern: new RegExp(`^/odata/Buckets\\((\\d+)\\)/${ACTION}\\.${action}$`),
		scopes: readScopes('Administration'),
		folderScoped: true,
		handle(context) {
			const bucket = bucketOf(context);
			const path = requiredPath(context);
			if (verb === 'GET' && !bucket.files.has(path)) throw notFound(`File '${path}' does not exist in bucket '${bucket.Name}'.`);
			const contentType = context.query.get('contentType') ?? undefined;
			return ok({
				'@odata.context': `${context.serviceRoot}/odata/$metadata#UiPath.Server.Configuration.OData.BlobFileAccessDto`,
				...blobFileAccess(context, { bucket, path, verb, contentType, expiresAt: expiryOf(context) }),
			});
		},
	};
}

export const bucketRoutes: Route[] = [
	listRoute('Buckets', { scopes: readScopes('Administration'), folderScoped: true, set: () => bucketSet, items: visibleBuckets }),
	{
		method: 'GET',
		pattern: new RegExp(`^/odata/Buckets\\((\\d+)\\)/${ACTION}\\.GetFiles$`),
		scopes: readScopes('Administration'),
		folderScoped: true,
		handle(context) {
			const bucket = bucketOf(context);
			const query = parseQuery(blobFileSet, context.query);
			return ok(collectionResponse(blobFileSet, filesIn(context, bucket), query, { serviceRoot: context.serviceRoot }));
		},
	},
	accessRoute('GetReadUri'),
	accessRoute('GetWriteUri'),
	{
		method: 'DELETE',
		pattern: new RegExp(`^/odata/Buckets\\((\\d+)\\)/${ACTION}\\.DeleteFile$`),
		scopes: writeScopes('Administration'),
		folderScoped: true,
		async handle(context) {
			const bucket = bucketOf(context);
			const path = requiredPath(context);
			if (!(await context.blobs.remove(bucket, path))) throw notFound(`File '${path}' does not exist in bucket '${bucket.Name}'.`);
			return noContent();
		},
	},
];
