const { src, dest, task } = require('gulp');

// n8n loads node icons from next to the compiled node file.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist')),
);
