const { src, dest, task } = require('gulp');

// n8n loads icons and codex files from next to the compiled node file; tsc copies neither.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);
