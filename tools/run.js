/**
 * Entry point of `npm run demo` and `npm run screenshots` (after tools/demo/demo.sh has installed and
 * built everything) and of `npm run docs:errors`: loads the TypeScript sources as they are, transpiled on the fly with the project's
 * own TypeScript (no type check: `npm run typecheck` does that), so the e2e harness finds the repository
 * root from its own location, exactly as under jest.
 *
 *   node tools/run.js demo [--check]     the demo (--check: stop after the first live event)
 *   node tools/run.js screenshots        start the demo, photograph the editor, stop
 *   node tools/run.js docs-errors        write the error list of docs/troubleshooting.md from the code
 */
'use strict';
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
			inlineSourceMap: true,
		},
	});
	module._compile(outputText, filename);
};

const [command = 'demo', ...args] = process.argv.slice(2);
const entry = {
	demo: './demo/demo.ts',
	screenshots: './screenshots/screenshots.ts',
	'docs-errors': './docs/writeTroubleshooting.ts',
}[command];
if (!entry) {
	process.stderr.write(`usage: node tools/run.js demo [--check] | screenshots | docs-errors\n`);
	process.exit(2);
}
require(entry)
	.main(args)
	.then((code) => process.exit(code ?? 0))
	.catch((error) => {
		process.stderr.write(
			`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	});
