/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmark tooling runs outside n8n: reads process and heap counters */
/**
 * Measurement primitives for `npm run bench`: CPU time (process.cpuUsage: user + system of every thread,
 * so garbage-collector helper threads count), wall time, heap growth sampled at stage boundaries, and
 * median with spread.
 */
import { getHeapStatistics } from 'node:v8';

/** `node --expose-gc` provides it; the bench refuses to run without, figures would be noisy. */
export function forceGc(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
	gc();
	gc();
}

export function heapUsed(): number {
	return getHeapStatistics().used_heap_size;
}

/** Tracks the highest heap use seen at the checkpoints of one measured run. */
export class HeapProbe {
	private readonly start: number;
	private peak: number;

	constructor() {
		this.start = heapUsed();
		this.peak = this.start;
	}

	/** Call at every stage boundary: synchronous code cannot be sampled from the inside. */
	sample(): void {
		const used = heapUsed();
		if (used > this.peak) this.peak = used;
	}

	/** Peak heap growth in bytes over the heap after a forced GC before the run. */
	growth(): number {
		this.sample();
		return this.peak - this.start;
	}
}

export interface Sample {
	cpuMs: number;
	wallMs: number;
	heapGrowth: number;
}

/** Runs `work` once after a forced GC and measures it; `work` gets the heap probe to sample inside. */
export function measure<T>(work: (probe: HeapProbe) => T): { sample: Sample; result: T } {
	forceGc();
	const probe = new HeapProbe();
	const cpuStart = process.cpuUsage();
	const wallStart = performance.now();
	const result = work(probe);
	const wallMs = performance.now() - wallStart;
	const cpu = process.cpuUsage(cpuStart);
	return {
		sample: { cpuMs: (cpu.user + cpu.system) / 1000, wallMs, heapGrowth: probe.growth() },
		result,
	};
}

/**
 * Same for asynchronous work (a node run through n8n-core): the heap is also sampled every millisecond
 * the event loop is free (while the HTTP answer streams in), not inside synchronous stretches.
 */
export async function measureAsync<T>(
	work: (probe: HeapProbe) => Promise<T>,
): Promise<{ sample: Sample; result: T }> {
	forceGc();
	const probe = new HeapProbe();
	const sampler = setInterval(() => probe.sample(), 1);
	const cpuStart = process.cpuUsage();
	const wallStart = performance.now();
	let result: T;
	try {
		result = await work(probe);
	} finally {
		clearInterval(sampler);
	}
	const wallMs = performance.now() - wallStart;
	const cpu = process.cpuUsage(cpuStart);
	return {
		sample: { cpuMs: (cpu.user + cpu.system) / 1000, wallMs, heapGrowth: probe.growth() },
		result,
	};
}

export interface Summary {
	median: number;
	min: number;
	max: number;
	runs: number;
}

/** What both trigger benchmarks (through n8n, and the core path alone) report for a quiet and a busy poll. */
export interface PollFigures {
	size: number;
	parse: Summary;
	quiet: Summary;
	busy: Summary;
	/** Per-run poll ÷ parse, paired within a run. */
	quietRatio: Summary;
	busyRatio: Summary;
	quietHeapMb: Summary;
	busyHeapMb: Summary;
	busyEvents: number;
	/** Bytes per employee of the stored snapshot (JSON). */
	snapshotBytesPerEmployee: number;
}

export function summarise(values: readonly number[]): Summary {
	const sorted = [...values].sort((left, right) => left - right);
	const middle = sorted.length >> 1;
	const median =
		sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}
