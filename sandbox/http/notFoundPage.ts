/** What UiPath's site answers for a path it does not know: an HTML page, not JSON (users hit this when a URL is wrong). */
export function notFoundPage(path: string): string {
	const shown = path.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>UiPath - Page not found</title></head>
<body>
<h1>404</h1>
<p>The page you are looking for does not exist: <code>${shown}</code></p>
<p>Check the organization and tenant names in the URL, and that Orchestrator URLs end in <code>/orchestrator_/odata/...</code>.</p>
</body>
</html>
`;
}
