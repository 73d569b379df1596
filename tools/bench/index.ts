/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- benchmark tooling runs outside n8n: reads the machine, process and heap counters and prints a report */
/**
 * `npm run bench`: what the package costs its users, measured against the simulator for companies of
 * 1,000, 10,000 and 50,000 employees, printed as one Markdown table (BENCHMARKS.md explains it).
 *
 *   node --expose-gc .cache/bench/tools/bench/index.js [--sizes 1000,10000,50000] [--runs 7] [--ci]
 *
 * `--ci` is the small run for CI (1,000 employees, 2 runs, seconds rather than minutes): it checks that everything
 * still runs and that the quiet poll stays within its targets' shape, not the timing: an unchanged answer
 * takes the short path (not parsed), a new day, a busy poll and state without a digest the full path.
 */
import { cpus } from 'node:os';

import { measureNodes } from './nodeBench';
import { measureReports, type ReportFigures } from './reportBench';
import type { NodeFigures } from './nodeBench';
import { forceGc, measure, summarise } from './stats';
import type { PollFigures, Summary } from './stats';
import {
	buildTriggerScenario,
	digestSnapshotBytesPerEmployee,
	poll,
	snapshotOf,
} from './triggerCore';
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
	const runs = Number(value('--runs') ?? (ci ? 2 : 7));
	if (sizes.length === 0 || !Number.isInteger(runs) || runs < 1)
		throw new Error('usage: --sizes 1000,10000 --runs 7 [--ci]');
	return { sizes, runs, ci };
}

interface TriggerFigures extends PollFigures {
	bodyMb: number;
	changed: number;
	digestBytesPerEmployee: number;
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
		digestBytesPerEmployee: digestSnapshotBytesPerEmployee(scenario),
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

function section(title: string, width: number): Row {
	return { figure: `**${title}**`, cells: new Array<string>(width).fill(''), target: '' };
}

function rows(core: readonly TriggerFigures[], nodes: readonly NodeFigures[]): Row[] {
	const onCore = (cell: (figure: TriggerFigures) => string) => core.map(cell);
	const onNodes = (cell: (figure: NodeFigures) => string) => nodes.map(cell);
	/** A row with one cell per size, from the node run or the core run. */
	const nodeRow = (figure: string, cell: (f: NodeFigures) => string, target = ''): Row => ({
		figure,
		cells: onNodes(cell),
		target,
	});
	const coreRow = (figure: string, cell: (f: TriggerFigures) => string, target = ''): Row => ({
		figure,
		cells: onCore(cell),
		target,
	});
	const ms = (summary: Summary) => spread(summary);
	return [
		section(
			'Trigger poll (steady state): the node through n8n-core, answer over HTTP from the simulator process',
			core.length,
		),
		nodeRow(
			'HiBob requests per poll (people searches)',
			(f) => `${f.pollRequests} (${f.pollSearches})`,
			'1',
		),
		coreRow('Search answer (MB of JSON)', (f) => fixed(f.bodyMb, 1)),
		nodeRow('`JSON.parse` of the answer, CPU ms (floor)', (f) => ms(f.parse)),
		nodeRow('Quiet poll, same day (short path: same answer digest), CPU ms', (f) => ms(f.quiet)),
		nodeRow('Quiet poll, same day ÷ parse floor', (f) => spread(f.quietRatio, 2, '×'), '≤ 0.6×'),
		nodeRow(
			'Quiet poll, full path (state without a digest, as the previous version stored it), CPU ms',
			(f) => ms(f.quietFull),
		),
		nodeRow('Quiet poll, full path ÷ parse floor', (f) => spread(f.quietFullRatio, 2, '×')),
		nodeRow('First poll of a new day, nothing changed in HiBob (full path), CPU ms', (f) =>
			ms(f.newDay),
		),
		nodeRow(
			'First poll of a new day ÷ parse floor (events emitted: dated ones)',
			(f) => `${spread(f.newDayRatio, 2, '×')} (${f.newDayEvents})`,
			'measured',
		),
		nodeRow('Busy poll (1% changed), CPU ms', (f) => ms(f.busy)),
		nodeRow('Busy poll ÷ parse floor', (f) => spread(f.busyRatio, 2, '×'), '≤ 3.14× (no worse)'),
		{
			figure: 'Busy poll: employees changed / events emitted',
			cells: core.map((f, index) => `${f.changed} / ${nodes[index]?.busyEvents ?? '–'}`),
			target: '',
		},
		nodeRow('Peak heap growth, quiet poll, same day (MB)', (f) => spread(f.quietHeapMb, 1), '≤ 20'),
		nodeRow('Peak heap growth, quiet poll, full path (MB)', (f) => spread(f.quietFullHeapMb, 1)),
		nodeRow('Peak heap growth, busy poll (MB)', (f) => spread(f.busyHeapMb, 1)),
		nodeRow(
			'Quiet poll right after a restart (stored data Proxy-wrapped by n8n; short path), CPU ms',
			(f) => ms(f.restart),
		),
		nodeRow('Quiet poll after a restart ÷ parse floor', (f) => spread(f.restartRatio, 2, '×')),
		nodeRow('Quiet poll, wall ms (includes the simulator answering)', (f) => ms(f.quietWall)),
		nodeRow(
			'Snapshot bytes per employee, trigger defaults',
			(f) => fixed(f.snapshotBytesPerEmployee, 1),
			'≤ 96',
		),
		section(
			'Trigger core path: parse → people → diffLifecycle → stringify, answer prebuilt',
			core.length,
		),
		coreRow('`JSON.parse` of the answer, CPU ms (floor)', (f) => ms(f.parse)),
		coreRow('Quiet poll, CPU ms', (f) => ms(f.quiet)),
		coreRow('Quiet poll ÷ parse floor', (f) => spread(f.quietRatio, 2, '×')),
		coreRow('Busy poll (1% changed), CPU ms', (f) => ms(f.busy)),
		coreRow('Busy poll ÷ parse floor', (f) => spread(f.busyRatio, 2, '×')),
		coreRow(
			'Peak heap growth, quiet / busy poll (MB)',
			(f) => `${fixed(f.quietHeapMb.median, 1)} / ${fixed(f.busyHeapMb.median, 1)}`,
		),
		coreRow('First poll (baseline), CPU ms', (f) => ms(f.baselineCpu)),
		coreRow(
			'Snapshot bytes per employee, every event (all watched fields stored)',
			(f) => fixed(f.snapshotBytesPerEmployee, 1),
			'≤ 96',
		),
		coreRow(
			'Snapshot bytes per employee, every event, Keep Previous Values off (digests)',
			(f) => fixed(f.digestBytesPerEmployee, 1),
			'≤ 96',
		),
		section('Action node: Employee', core.length),
		nodeRow('Get Many, everyone: wall ms', (f) => ms(f.getMany.wall)),
		nodeRow('Get Many, everyone: CPU ms', (f) => ms(f.getMany.cpu)),
		nodeRow('Get Many, everyone: peak heap growth (MB)', (f) => spread(f.getMany.heapMb, 1)),
		nodeRow(
			'Get Many, everyone: HiBob requests / items',
			(f) => `${f.getMany.requests} / ${f.getMany.items.toLocaleString('en-US')}`,
		),
		nodeRow(
			'Get, 1,000 input items: HiBob requests',
			(f) => `${f.get1000.requests} (for ${f.get1000.asked} items)`,
			'≤ 10',
		),
		nodeRow('Get, 1,000 input items: wall ms', (f) => ms(f.get1000.wall)),
		nodeRow(
			'One call per item instead: requests / minutes at 50 per minute',
			(f) => `${f.get1000.asked} / ${fixed(f.get1000.asked / 50, 0)} min`,
		),
	];
}

function machine(): string {
	const cores = cpus();
	return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	forceGc();
	console.log(`Machine: ${machine()}`);
	console.log(
		`Runs per figure: ${options.runs} (median, min–max in brackets), after one warm-up run\n`,
	);
	const core: TriggerFigures[] = [];
	const nodes: NodeFigures[] = [];
	for (const size of options.sizes) {
		const started = performance.now();
		core.push(measureTrigger(buildTriggerScenario(size), options.runs));
		forceGc();
		nodes.push(await measureNodes(size, options.runs));
		forceGc();
		console.error(
			`  ${size} employees measured in ${fixed((performance.now() - started) / 1000, 1)} s`,
		);
	}
	console.log(table(options.sizes, rows(core, nodes)));
	const reports: ReportFigures[] = [];
	for (const size of options.sizes) {
		reports.push(await measureReports(size, options.runs));
		forceGc();
	}
	console.log(`\n${reportTable(reports)}`);
}

/** Report → Download: one line per size and output, the memory figures against the answer's size. */
function reportTable(reports: readonly ReportFigures[]): string {
	const lines = [
		'| Report → Download ("All people") | Rows | Answer (MB) | Wall ms | HiBob requests | Peak heap growth (MB) | × answer | Heap + Buffers growth (MB) | JSON.parse alone (MB) |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const report of reports)
		for (const entry of report.cases)
			lines.push(`| ${entry.label}, ${report.size.toLocaleString('en-US')} employees | ${entry.rows ? entry.rows.toLocaleString('en-US') : '—'} | ${fixed(entry.bytes / 1024 / 1024, 1)} | ${spread(entry.wall)} | ${entry.requests} | ${spread(entry.heapMb, 1)} | ${fixed(entry.heapMb.median / (entry.bytes / 1024 / 1024), 2)} | ${spread(entry.heapAndBuffersMb, 1)} | ${entry.rows ? spread(report.parseHeapMb, 1) : '—'} |`); // prettier-ignore
	return lines.join('\n');
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
