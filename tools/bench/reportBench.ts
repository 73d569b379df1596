/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling runs outside n8n: reads process and heap counters, fetches an answer once */
/**
 * Report → Download at company scale, through n8n-core's real ExecuteContext and HTTP stack against the
 * simulator in a child process: the "All people" report (one row per employee) as JSON rows, as an XLSX
 * file, and as an XLSX file through the asynchronous download (two "not ready" answers, waits skipped).
 * Memory is sampled every millisecond the event loop is free: V8's heap, and heap plus Buffers
 * (`process.memoryUsage().arrayBuffers`, where received bytes live), each above its level after a
 * forced collection. Targets: a file held at most once (peak heap growth ≤ 2 × its size), JSON rows
 * without a second copy of the answer (heap growth near `JSON.parse` of the answer alone).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { transportSettings } from '../../nodes/HiBob/transport';
import { basicAuth } from '../../test/simulator';
import { credentialsFor, prepareExecute } from './n8nContext';
import { SimChild } from './nodeBench';
import type { Summary } from './stats';
import { forceGc, heapUsed, summarise } from './stats';

const MB = 1024 * 1024;
const REPORT_ID = '3100002';

export interface ReportCase {
	label: string;
	wall: Summary;
	heapMb: Summary;
	heapAndBuffersMb: Summary;
	requests: number;
	rows: number;
	/** The answer's size: the file, or the JSON text. */
	bytes: number;
}

export interface ReportFigures {
	size: number;
	cases: ReportCase[];
	/** Heap growth of `JSON.parse` of the JSON answer alone (MB), the floor for JSON rows. */
	parseHeapMb: Summary;
}

const external = () => process.memoryUsage().arrayBuffers;

async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; heap: number; both: number }> {
	forceGc();
	const heapStart = heapUsed();
	const bufStart = external();
	let heapPeak = heapStart;
	let bothPeak = heapStart + bufStart;
	const sample = () => {
		const heap = heapUsed();
		heapPeak = Math.max(heapPeak, heap);
		bothPeak = Math.max(bothPeak, heap + external());
	};
	const sampler = setInterval(sample, 1);
	const started = performance.now();
	let result: T;
	try {
		result = await work();
		sample();
	} finally {
		clearInterval(sampler);
	}
	return { result, wallMs: performance.now() - started, heap: heapPeak - heapStart, both: bothPeak - heapStart - bufStart };
} // prettier-ignore

export async function measureReports(size: number, runs: number): Promise<ReportFigures> {
	const original = transportSettings.clock;
	// The asynchronous download's waits (1 s, 2 s) are skipped; its requests are still made.
	transportSettings.clock = { ...original, sleep: async () => {} };
	const sim = await SimChild.start(size);
	try {
		const credentials = credentialsFor(sim.url, sim.user.id, sim.user.token);
		const jsonText = await (
			await fetch(`${sim.url}/v1/company/reports/${REPORT_ID}/download?format=json&humanReadable=REPLACE`, { headers: { Authorization: basicAuth(sim.user.id, sim.user.token) } })
		).text(); // prettier-ignore
		const parseHeap: number[] = [];
		const scenarios: Array<{ label: string; parameters: IDataObject }> = [
			{ label: 'JSON rows (direct)', parameters: {} },
			{ label: 'XLSX file (direct)', parameters: { output: 'file', fileFormat: 'xlsx' } },
			{
				label: 'XLSX file (asynchronous)',
				parameters: { output: 'file', fileFormat: 'xlsx', generation: 'async' },
			},
		];
		const cases: ReportCase[] = [];
		for (const scenario of scenarios) {
			const wall: number[] = [];
			const heap: number[] = [];
			const both: number[] = [];
			let requests = 0;
			let rows = 0;
			let bytes = 0;
			for (let run = -1; run < runs; run++) {
				const execute = prepareExecute(new HiBob(), { resource: 'report', operation: 'download', report: { __rl: true, mode: 'id', value: REPORT_ID }, ...scenario.parameters }, credentials, [{ json: {} }]); // prettier-ignore
				await sim.ask({ type: 'clearLog' });
				const timed = await sampled(async () => await execute());
				const output = (timed.result as INodeExecutionData[][])[0];
				requests = (await sim.requests()).length;
				const file = output[0]?.json.fileSize;
				rows = typeof file === 'number' ? 0 : output.length;
				bytes = typeof file === 'number' ? file : Buffer.byteLength(jsonText);
				if (scenario.label.startsWith('JSON') && rows !== size)
					throw new Error(`the JSON report gave ${rows} rows for ${size} employees`);
				if (typeof file === 'number' && file < 1000)
					throw new Error(`the XLSX report has ${file} bytes`);
				if (run < 0) continue;
				wall.push(timed.wallMs);
				heap.push(timed.heap / MB);
				both.push(timed.both / MB);
				if (scenario.label.startsWith('JSON')) parseHeap.push((await sampled(async () => JSON.parse(jsonText) as unknown)).heap / MB); // prettier-ignore
			}
			cases.push({ label: scenario.label, wall: summarise(wall), heapMb: summarise(heap), heapAndBuffersMb: summarise(both), requests, rows, bytes }); // prettier-ignore
		}
		return { size, cases, parseHeapMb: summarise(parseHeap) };
	} finally {
		transportSettings.clock = original;
		await sim.stop();
	}
}
