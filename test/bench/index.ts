/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- benchmark tooling runs outside n8n: reads the machine, process and heap counters and prints a report */
/**
 * `npm run bench`: what the package costs its users, measured against the simulator for companies of
 * 1,000, 10,000 and 50,000 employees, printed as one Markdown table (BENCHMARKS.md explains it).
 *
 *   node --expose-gc .cache/bench/test/bench/index.js [--sizes 1000,10000,50000] [--runs 7] [--ci]
 *
 * `--ci` is the small run for CI (1,000 employees, 3 runs, a few seconds): it checks that everything
 * still runs and that the quiet poll stays within its targets' shape, not the timing.
 */
import { cpus } from 'node:os';

import { forceGc, measure, summarise } from './stats';
import type { Summary } from './stats';
import { buildTriggerScenario, poll, snapshotOf } from './triggerCore';
import type { TriggerScenario } from './triggerCore';

interface Options {
	sizes: number[];
	runs: number;
	ci: boolean;
}

function parseOptions(argv: readonly string[]): Options {
	const value = (name: string) => {
		const at = argv.indexOf(name);
		return at >= 0 ? argv[at + 1] : undefined;
	};
	const ci = argv.includes('--ci');
	const sizes = (value('--sizes') ?? (ci ? '1000' : '1000,10000,50000'))
		.split(',')
		.map((size) => Number(size.trim()))
		.filter((size) => Number.isInteger(size) && size > 0);
	const runs = Number(value('--runs') ?? (ci ? 3 : 7));
	if (sizes.length === 0 || !Number.isInteger(runs) || runs < 1)
		throw new Error('usage: --sizes 1000,10000 --runs 7 [--ci]');
	return { sizes, runs, ci };
}

interface TriggerFigures {
	size: number;
	bodyMb: number;
	changed: number;
	parse: Summary;
	quiet: Summary;
	busy: Summary;
	/** Per-run poll ÷ parse, paired within a run. */
	quietRatio: Summary;
	busyRatio: Summary;
	quietHeapMb: Summary;
	busyHeapMb: Summary;
	busyEvents: number;
	snapshotBytesPerEmployee: number;
	baselineCpu: Summary;
}

const MB = 1024 * 1024;

function measureTrigger(scenario: TriggerScenario, runs: number): TriggerFigures {
	const parse: number[] = [];
	const quiet: number[] = [];
	const busy: number[] = [];
	const quietRatio: number[] = [];
	const busyRatio: number[] = [];
	const quietHeap: number[] = [];
	const busyHeap: number[] = [];
	const baselineCpu: number[] = [];
	let busyEvents = 0;
	let snapshotBytes = 0;
	// One warm-up round (JIT), not counted.
	for (let run = -1; run < runs; run++) {
		const parsed = measure(() => JSON.parse(scenario.quietBody) as unknown);
		const quietPrevious = snapshotOf(scenario.snapshotJson);
		const quietRun = measure((probe) => poll(scenario.quietBody, quietPrevious, probe));
		const busyPrevious = snapshotOf(scenario.snapshotJson);
		const busyRun = measure((probe) => poll(scenario.busyBody, busyPrevious, probe));
		const baselineRun = measure((probe) => poll(scenario.quietBody, undefined, probe));
		if (quietRun.result.status !== 'diffed' || quietRun.result.events !== 0)
			throw new Error(`quiet poll: ${quietRun.result.status}, ${quietRun.result.events} events`);
		if (busyRun.result.status !== 'diffed' || busyRun.result.events === 0)
			throw new Error(`busy poll: ${busyRun.result.status}, ${busyRun.result.events} events`);
		if (run < 0) continue;
		parse.push(parsed.sample.cpuMs);
		quiet.push(quietRun.sample.cpuMs);
		busy.push(busyRun.sample.cpuMs);
		quietRatio.push(quietRun.sample.cpuMs / parsed.sample.cpuMs);
		busyRatio.push(busyRun.sample.cpuMs / parsed.sample.cpuMs);
		quietHeap.push(quietRun.sample.heapGrowth / MB);
		busyHeap.push(busyRun.sample.heapGrowth / MB);
		baselineCpu.push(baselineRun.sample.cpuMs);
		busyEvents = busyRun.result.events;
		// Size as stored: after a JSON round trip.
		const stored = JSON.stringify(JSON.parse(quietRun.result.snapshotJson ?? 'null'));
		snapshotBytes = Buffer.byteLength(stored) / scenario.size;
	}
	return {
		size: scenario.size,
		bodyMb: scenario.bodyBytes / MB,
		changed: scenario.changed,
		parse: summarise(parse),
		quiet: summarise(quiet),
		busy: summarise(busy),
		quietRatio: summarise(quietRatio),
		busyRatio: summarise(busyRatio),
		quietHeapMb: summarise(quietHeap),
		busyHeapMb: summarise(busyHeap),
		busyEvents,
		snapshotBytesPerEmployee: snapshotBytes,
		baselineCpu: summarise(baselineCpu),
	};
}

function fixed(value: number, digits: number): string {
	return value.toLocaleString('en-US', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	});
}

/** `median (min–max)`. */
function spread(summary: Summary, digits = 0, unit = ''): string {
	return `${fixed(summary.median, digits)}${unit} (${fixed(summary.min, digits)}–${fixed(summary.max, digits)})`;
}

interface Row {
	figure: string;
	cells: string[];
	target: string;
}

function table(sizes: readonly number[], rows: readonly Row[]): string {
	const header = [
		'Figure',
		...sizes.map((size) => `${size.toLocaleString('en-US')} employees`),
		'Target (50,000)',
	];
	const lines = [
		`| ${header.join(' | ')} |`,
		`| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
	];
	for (const row of rows) lines.push(`| ${[row.figure, ...row.cells, row.target].join(' | ')} |`);
	return lines.join('\n');
}

function triggerRows(figures: readonly TriggerFigures[]): Row[] {
	const cells = (cell: (figure: TriggerFigures) => string) => figures.map(cell);
	return [
		{ figure: 'Search answer (MB of JSON)', cells: cells((f) => fixed(f.bodyMb, 1)), target: '' },
		{
			figure: 'Trigger: HiBob requests per poll',
			cells: cells(() => '1 (core path; see note)'),
			target: '1',
		},
		{
			figure: '`JSON.parse` of the answer, CPU ms (floor)',
			cells: cells((f) => spread(f.parse)),
			target: '',
		},
		{ figure: 'Quiet poll, CPU ms', cells: cells((f) => spread(f.quiet)), target: '' },
		{
			figure: 'Quiet poll ÷ parse floor',
			cells: cells((f) => spread(f.quietRatio, 2, '×')),
			target: '≤ 1.5×',
		},
		{ figure: 'Busy poll (1% changed), CPU ms', cells: cells((f) => spread(f.busy)), target: '' },
		{
			figure: 'Busy poll ÷ parse floor',
			cells: cells((f) => spread(f.busyRatio, 2, '×')),
			target: '',
		},
		{
			figure: 'Busy poll: employees changed / events',
			cells: cells((f) => `${f.changed} / ${f.busyEvents}`),
			target: '',
		},
		{
			figure: 'Snapshot bytes per employee (stored JSON)',
			cells: cells((f) => fixed(f.snapshotBytesPerEmployee, 1)),
			target: '≤ 96',
		},
		{
			figure: 'Peak heap growth, quiet poll (MB)',
			cells: cells((f) => spread(f.quietHeapMb, 1)),
			target: '',
		},
		{
			figure: 'Peak heap growth, busy poll (MB)',
			cells: cells((f) => spread(f.busyHeapMb, 1)),
			target: '',
		},
		{
			figure: 'First poll (baseline), CPU ms',
			cells: cells((f) => spread(f.baselineCpu)),
			target: '',
		},
	];
}

function machine(): string {
	const cores = cpus();
	return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function main(): void {
	const options = parseOptions(process.argv.slice(2));
	forceGc();
	console.log(`Machine: ${machine()}`);
	console.log(
		`Runs per figure: ${options.runs} (median, min–max in brackets), after one warm-up run\n`,
	);
	const figures: TriggerFigures[] = [];
	for (const size of options.sizes) {
		const started = performance.now();
		const scenario = buildTriggerScenario(size);
		figures.push(measureTrigger(scenario, options.runs));
		console.error(
			`  ${size} employees measured in ${fixed((performance.now() - started) / 1000, 1)} s`,
		);
	}
	console.log(table(options.sizes, triggerRows(figures)));
}

main();
