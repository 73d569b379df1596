/**
 * Small pure helpers for the HiBob simulator: a seedable PRNG and calendar-date arithmetic.
 * HR dates are plain `YYYY-MM-DD` calendar dates, handled as UTC day numbers so
 * no local timezone can shift them.
 */

const DAY_MS = 86_400_000;

/**
 * mulberry32: tiny, fast and good enough to make fake data reproducible from a seed. Numbers in [0, 1);
 * recorded test expectations depend on this exact sequence.
 */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** mulberry32 with helpers for the simulator's fake company (seed 0 stands for a fixed non-zero seed). */
export class Prng {
	readonly next: () => number;

	constructor(seed: number) {
		this.next = mulberry32(seed >>> 0 || 0x9e3779b9);
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	digits(count: number): string {
		let out = '';
		for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
		return out;
	}

	hex(count: number): string {
		let out = '';
		for (let i = 0; i < count; i++) out += Math.floor(this.next() * 16).toString(16);
		return out;
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

export function toDayNumber(date: string): number {
	return Math.floor(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
}

const dayCache = new Map<number, string>();

export function fromDayNumber(day: number): string {
	let s = dayCache.get(day);
	if (s === undefined) {
		s = new Date(day * DAY_MS).toISOString().slice(0, 10);
		if (dayCache.size < 100_000) dayCache.set(day, s);
	}
	return s;
}

export function addDays(date: string, days: number): string {
	return fromDayNumber(toDayNumber(date) + days);
}

export function dateOfMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** HiBob's `time` type: ISO-8601 with microseconds and no timezone. */
export function hibobTime(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 23)}${String(Math.abs(ms) % 1000).padStart(3, '0')}`;
}

/** Formats a `YYYY-MM-DD` date with `dd`, `MM` and `yyyy` tokens (the company's display format). */
export function formatDate(date: string, format: string): string {
	const [y, m, d] = date.split('-');
	return format.replace('yyyy', y).replace('MM', m).replace('dd', d);
}

/** The same calendar day `months` earlier/later, clamped to the month's last day. */
export function addMonthsMs(ms: number, months: number): number {
	const d = new Date(ms);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d.getTime();
}

export const DAY = DAY_MS;
