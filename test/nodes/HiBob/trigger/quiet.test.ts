/**
 * The quiet poll's short path: when HiBob's answer is byte for byte the one the last fully processed
 * poll diffed, on the same day and with the same configuration, the poll returns at once without
 * parsing it and writes nothing. Anything else takes the full path, which finds exactly what it
 * found before. "Parsed" is observed as a `JSON.parse` of the people search's answer.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../simulator';
import type { SimProxy } from './proxy';
import { startProxy } from './proxy';
import type { TriggerPoll } from './helpers';
import { ALL_EVENTS, eventsFor, pollOk, searches, startSim, useSimulatorClock } from './helpers';

const NODE_KEY = 'node:HiBob Trigger';

describe('HiBob Trigger: the quiet poll short path', () => {
	let sim: RunningSimulator;
	let proxy: SimProxy;
	useSimulatorClock(() => sim);
	beforeEach(async () => {
		sim = await startSim();
		proxy = await startProxy(sim.url);
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await proxy.stop();
		await sim.stop();
	});

	/** A poll through the proxy that reports whether the people search's answer was parsed. */
	async function observed(setup: Omit<TriggerPoll, 'sim'>) {
		const parse = jest.spyOn(JSON, 'parse');
		try {
			const run = await pollOk({ sim, url: proxy.url, ...setup });
			const parsed = parse.mock.calls.some(
				([text]) => typeof text === 'string' && text.includes('"employees"'),
			);
			return { ...run, parsed };
		} finally {
			parse.mockRestore();
		}
	}

	function node(staticData: IDataObject): IDataObject {
		return staticData[NODE_KEY] as IDataObject;
	}

	it('an identical answer on the same day is not parsed: null, nothing written, one search', async () => {
		const baseline = await observed({});
		expect(baseline.parsed).toBe(true);
		const answer = node(baseline.staticData).lifecycleAnswer as IDataObject;
		expect(answer).toEqual({
			digest: expect.stringMatching(/^[0-9a-f]{64}$/),
			day: '2026-11-21',
			fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		sim.log.clear();
		const quiet = await observed({ staticData: baseline.staticData });
		expect(quiet.parsed).toBe(false);
		expect(quiet.output).toBeNull();
		expect(quiet.dataChanged).toBe(false);
		expect(quiet.staticData).toEqual(baseline.staticData);
		expect(searches(sim)).toHaveLength(1);
	});

	it('a one-byte difference takes the full path (nothing to report), records the new answer, then short-paths it', async () => {
		const baseline = await observed({});
		proxy.rewrite = (body) => Buffer.concat([body, Buffer.from(' ')]);
		const changed = await observed({ staticData: baseline.staticData });
		expect(changed.parsed).toBe(true);
		expect(changed.output).toBeNull();
		expect(node(changed.staticData).lifecycleSnapshot).toEqual(
			node(baseline.staticData).lifecycleSnapshot,
		);
		expect((node(changed.staticData).lifecycleAnswer as IDataObject).digest).not.toBe(
			(node(baseline.staticData).lifecycleAnswer as IDataObject).digest,
		);
		const again = await observed({ staticData: changed.staticData });
		expect(again.parsed).toBe(false);
		expect(again.staticData).toEqual(changed.staticData);
	});

	it('the same people in another order (HiBob promises no order) take the full path and lose nothing', async () => {
		const parameters = { events: ALL_EVENTS };
		const baseline = await observed({ parameters });
		proxy.rewrite = (body) => {
			const answer = JSON.parse(body.toString('utf8')) as { employees: unknown[] };
			return Buffer.from(JSON.stringify({ employees: [...answer.employees].reverse() }));
		};
		const reordered = await observed({ parameters, staticData: baseline.staticData });
		expect(reordered.parsed).toBe(true);
		expect(reordered.output).toBeNull();
		const leaver = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3].id;
		sim.control.terminate({ employeeId: leaver });
		const next = await observed({ parameters, staticData: reordered.staticData });
		expect(eventsFor(next.events, [leaver])).toEqual([
			[leaver, 'employeeTerminated'],
			[leaver, 'lifecycleStatusChanged'],
		]);
		const after = await observed({ parameters, staticData: next.staticData });
		expect(after.events).toEqual([]);
	});

	it('a new day takes the full path even for the same bytes: dated events fire on its first poll', async () => {
		const parameters = { events: ['startDateApproaching'], leadDays: 7 };
		const starter = sim.control.hire({ firstName: 'Tom', surname: 'Orrow', startDate: '2026-11-29' });
		const baseline = await observed({ parameters });
		expect(eventsFor(baseline.events, [starter.id])).toEqual([]);
		sim.control.advanceDays({ days: 1 });
		const nextDay = await observed({ parameters, staticData: baseline.staticData });
		expect(nextDay.parsed).toBe(true);
		const before = node(baseline.staticData).lifecycleAnswer as IDataObject;
		const after = node(nextDay.staticData).lifecycleAnswer as IDataObject;
		expect(after).toEqual({ ...before, day: '2026-11-22' });
		expect(eventsFor(nextDay.events, [starter.id])).toEqual([[starter.id, 'startDateApproaching']]);
		const quiet = await observed({ parameters, staticData: nextDay.staticData });
		expect(quiet.parsed).toBe(false);
		expect(quiet.events).toEqual([]);
	}); // prettier-ignore

	it.each([
		['a safety limit', { options: { safetyMaxCount: 7 } }],
		['the employee output', { options: { employeeOutput: 'simplified' } }],
		['human-readable labels', { options: { humanReadableLabels: false } }],
		[
			'a filter',
			{ filters: { conditions: [{ field: 'work.department', operator: 'isNotEmpty' }] } },
		],
	])('a changed configuration (%s) takes the full path', async (_name, change) => {
		const baseline = await observed({});
		const changed = await observed({ parameters: change, staticData: baseline.staticData });
		expect(changed.parsed).toBe(true);
		expect(changed.events).toEqual([]);
		const again = await observed({ parameters: change, staticData: changed.staticData });
		expect(again.parsed).toBe(false);
	});

	it('state stored by the previous version (no answer digest) takes the full path once', async () => {
		const baseline = await observed({});
		const previousVersion = { ...node(baseline.staticData) };
		delete previousVersion.lifecycleAnswer;
		delete previousVersion.lifecycleSearchSentAt;
		const upgraded = await observed({ staticData: { [NODE_KEY]: previousVersion } });
		expect(upgraded.parsed).toBe(true);
		expect(upgraded.output).toBeNull();
		expect(node(upgraded.staticData).lifecycleSnapshot).toEqual(previousVersion.lifecycleSnapshot);
		const next = await observed({ staticData: upgraded.staticData });
		expect(next.parsed).toBe(false);
	});

	it('"Fetch Test Event" always takes the full path and shows samples', async () => {
		const baseline = await observed({});
		const manual = await observed({ mode: 'manual', staticData: baseline.staticData });
		expect(manual.parsed).toBe(true);
		expect(manual.events.length).toBeGreaterThan(0);
		expect(manual.staticData).toEqual(baseline.staticData);
	});

	it('a filtered trigger short-paths too, and still reports a change after it', async () => {
		const parameters = {
			events: ALL_EVENTS,
			filters: { conditions: [{ field: 'work.department', operator: 'isNotEmpty' }] },
		};
		const baseline = await observed({ parameters });
		const quiet = await observed({ parameters, staticData: baseline.staticData });
		expect(quiet.parsed).toBe(false);
		const leaver = sim.control.listEmployees({ lifecycleStatus: 'employed' })[4].id;
		sim.control.startLeave({ employeeId: leaver });
		const next = await observed({ parameters, staticData: quiet.staticData });
		expect(next.parsed).toBe(true);
		expect(eventsFor(next.events, [leaver])).toEqual([
			[leaver, 'leaveStarted'],
			[leaver, 'lifecycleStatusChanged'],
		]);
	});
});
