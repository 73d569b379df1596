// `npm run build` = gulp clean → tsc → gulp build:icons. tsc compiles TypeScript only, so the node and
// credential icons (light and dark SVG) are copied here, beside the compiled files that reference them.
const { src, dest } = require('gulp');
const { rm } = require('node:fs/promises');

function clean() {
	return rm('dist', { recursive: true, force: true });
}

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports.clean = clean;
exports['build:icons'] = copyIcons;
