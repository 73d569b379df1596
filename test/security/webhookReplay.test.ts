/**
 * A captured, correctly signed delivery cannot start the workflow again: not after the memory's four
 * days, not after many newer deliveries, and not (after four days) with "Skip Re-Sent Deliveries" off;
 * receive (webhook()) and run (execute()) apply the same age rule. And nothing larger than Bob's ping is
 * parsed before its signature is checked. Through n8n-core's WebhookContext and ExecuteContext.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import {
	DELIVERY_MAX_AGE_MS,
	MEMORY_MAX_AGE_MS,
	MEMORY_MAX_KEYS,
} from '../../nodes/HiBob/core/webhookMemory';
import { recentDeliveries, RESPONSES } from '../../nodes/HiBob/webhook/receive';
import { useFastClock } from '../harness/fastClock';
import { webhookHarness } from '../nodes/HiBob/webhook/helpers';

const START = Date.parse('2026-11-21T12:00:00.000Z');
const clock = useFastClock(START);
const DAY = 24 * 60 * 60 * 1000;
const EMPLOYEE = '3332883884017713238';

beforeEach(() => recentDeliveries.clear());

/** Bob's envelope, dated `atMs` in Bob's form (UTC, no zone, microseconds). */
function delivery(atMs: number, type = 'employee.left', employeeId = EMPLOYEE): string {
	const at = new Date(atMs).toISOString().replace('Z', '').concat('123');
	return JSON.stringify({
		companyId: 636192,
		type,
		triggeredBy: '3332883804594373380',
		triggeredAt: at,
		version: 'v2',
		data: { employeeId },
	});
}

const started = (answer: { items?: INodeExecutionData[] }) => answer.items !== undefined;

describe('replay of a captured signed delivery', () => {
	it('after the memory window: answered 200 "ignored", no run, and the run step emits nothing', async () => {
		const harness = webhookHarness({ parameters: { events: ['employee.left'] } });
		const body = delivery(START - 60_000);
		const first = await harness.receive(body);
		expect(first.output).toHaveLength(1);
		const items = first.answer.items!;

		clock.current.advance(MEMORY_MAX_AGE_MS + 60_000);
		recentDeliveries.clear();
		const replay = await harness.deliver(body);
		expect(replay).toEqual({ status: 200, body: { message: RESPONSES.stale } });
		expect(started(replay)).toBe(false);
		// The run step agrees: the same items, run now, emit nothing and do not remember the key anew
		// (the expired key is dropped).
		expect(await harness.execute(items)).toEqual([]);
		expect(harness.staticData().deliveries).toEqual([]);
	});

	it('after more newer deliveries than the old memory held (1,000), it is still a duplicate', async () => {
		const harness = webhookHarness({ parameters: { events: ['employee.left', 'employee.created'] } });
		const body = delivery(START - 60_000);
		expect((await harness.receive(body)).output).toHaveLength(1);
		// A bulk change in Bob: 1,500 other deliveries, each run.
		const newer: INodeExecutionData[] = Array.from({ length: 1500 }, (_, index) => ({
			json: {
				event: 'employee.created',
				deliveryKey: `bulk-${index}`,
				triggeredAt: new Date(START).toISOString(),
				data: {},
			},
		}));
		expect(await harness.execute(newer)).toHaveLength(1500);
		recentDeliveries.clear(); // a restart, or another main process
		clock.current.advance(DAY);
		const replay = await harness.deliver(body);
		expect(replay).toEqual({ status: 200, body: { message: RESPONSES.duplicate } });
	});

	it('with "Skip Re-Sent Deliveries" off, a delivery older than the window still starts nothing', async () => {
		const harness = webhookHarness({
			parameters: { events: ['employee.left'], options: { deduplicate: false } },
		});
		const body = delivery(START - 60_000);
		expect((await harness.receive(body)).output).toHaveLength(1);
		clock.current.advance(DELIVERY_MAX_AGE_MS + 1);
		const replay = await harness.receive(body);
		expect(replay.answer).toEqual({ status: 200, body: { message: RESPONSES.stale } });
		expect(replay.output).toBeUndefined();
	});

	it('a delivery dated more than five minutes ahead, or undated, starts nothing', async () => {
		const harness = webhookHarness({ parameters: { events: ['employee.left'] } });
		const ahead = await harness.deliver(delivery(START + 6 * 60_000));
		expect(ahead).toEqual({ status: 200, body: { message: RESPONSES.stale } });
		const undated = JSON.stringify({ companyId: 1, type: 'employee.left', version: 'v2', data: { employeeId: EMPLOYEE } });
		expect(await harness.deliver(undated)).toEqual({ status: 200, body: { message: RESPONSES.stale } });
		// A little clock skew is fine.
		expect(started(await harness.deliver(delivery(START + 4 * 60_000)))).toBe(true);
	}); // prettier-ignore

	it('a test run (Listen for test event) takes a saved sample whatever its date', async () => {
		const harness = webhookHarness({ parameters: { events: ['employee.left'] } });
		const sample = await harness.receive(delivery(START - 30 * DAY), { mode: 'manual' });
		expect(sample.output).toHaveLength(1);
	});

	it('the memory never drops an unexpired key to make room: at its ceiling, new deliveries get 503', async () => {
		const now = START;
		const full = Array.from({ length: MEMORY_MAX_KEYS }, (_, index) => [`k${index}`, now - 1000]);
		const harness = webhookHarness({ parameters: { events: ['employee.left'] } });
		harness.staticData().deliveries = full;
		const answer = await harness.deliver(delivery(now - 60_000));
		expect(answer).toEqual({ status: 503, body: { message: RESPONSES.memoryFull } });
		expect(started(answer)).toBe(false);
		// Once the oldest keys expire there is room again.
		clock.current.advance(MEMORY_MAX_AGE_MS);
		expect(started(await harness.deliver(delivery(now + MEMORY_MAX_AGE_MS - 60_000)))).toBe(true);
	});
});

describe('nothing beyond the ping is parsed before the signature', () => {
	it('an unsigned body larger than 256 bytes is not read as a ping, and gets 401', async () => {
		const harness = webhookHarness({});
		const padded = JSON.stringify({ text: 'Ping test', pad: 'x'.repeat(300) });
		expect(await harness.deliver(padded, { signature: null })).toEqual({
			status: 401,
			body: { message: RESPONSES.unsigned },
		});
		// Bob's own pings still pass unsigned.
		expect(await harness.deliver('{"text":"Ping test"}', { signature: null })).toEqual({
			status: 200,
			body: { message: RESPONSES.ping },
		});
	});

	it('an unsigned 1 MiB JSON body is never JSON.parse-d by the node', async () => {
		const harness = webhookHarness({});
		const big = JSON.stringify({ companyId: 1, type: 'employee.left', data: { pad: 'y'.repeat(1 << 20) } });
		const parse = jest.spyOn(JSON, 'parse');
		try {
			const answer = await harness.deliver(big, { signature: null });
			expect(answer.status).toBe(401);
			// The harness parses the body once, as n8n's body parser does; the node adds no parse.
			expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= big.length)).toHaveLength(1);
		} finally {
			parse.mockRestore();
		}
	}); // prettier-ignore
});
