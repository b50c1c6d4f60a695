/**
 * Answer shapes UiPath's services send besides the usual ones, as UiPath's own clients tolerate them
 * (docs/large-arguments.md lists where each was seen). Tests switch them on through `sandbox.state.variants`.
 */
export interface AnswerVariants {
	/** BlobFileAccess answers without `Verb` (uipath-python's attachment mocks): the client infers GET or PUT. */
	blobAccessWithoutVerb?: boolean;
	/** Header lists of unequal length, `Keys` longer than `Values` (uipath-python zips them with strict=False). */
	blobHeadersUneven?: boolean;
	/** StartJobs answered 200 instead of 201 (uipath-python and UiPathOrch accept any 2xx). */
	startJobsStatus?: 200 | 201;
	/**
	 * Error bodies in another envelope UiPath's services answer (UiPathOrch's TestData/ErrorMessageExtraction.tsv):
	 * `legacy` ASP.NET Boilerplate `{ message, errorCode, result, targetUrl, success, error: { message, details } }`,
	 * `pascalCase` `{ StatusCode, StatusDescription, Message }`, `problemDetails` `{ type, title, status, errors, traceId }`,
	 * `errorMessage` `{ errorMessage }` (identity's scope errors).
	 */
	errorEnvelope?: 'current' | 'legacy' | 'pascalCase' | 'problemDetails' | 'errorMessage';
	/** Retry-After of 429 answers as an HTTP date instead of seconds. */
	retryAfter?: 'seconds' | 'httpDate';
	/** Job fields without a value sent as "" instead of null (OutputArguments, OutputFile, InputFile, Info). */
	blankForNull?: boolean;
}
