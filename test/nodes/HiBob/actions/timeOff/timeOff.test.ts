/**
 * Time Off through n8n-core's real ExecuteContext against the HiBob simulator (frozen at
 * 2026-11-21T12:00Z; the transport's fast clock shows the same moment, so the 6-month rule agrees).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';

const NOW = '2026-11-21T12:00:00.000Z';
const clock = useFastClock(Date.parse(NOW));

describe('HiBob → Time Off', () => {
	let sim: RunningSimulator;
	let employee: { id: string; email: string };
	let requestId: number;
	let siteId: number;
	useSimulator((started) => (sim = started), {
		employees: 80,
		seed: 5,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});
	beforeAll(() => {
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3];
		requestId = sim.control.addTimeOff({
			employeeId: employee.id,
			startDate: '2026-11-20',
			endDate: '2026-11-24',
		}).requestId;
		siteId = sim.control.getEmployee({ employeeId: employee.id }).values['work.siteId'] as number;
	});

	const run = async (
		parameters: IDataObject,
		items: INodeExecutionData[] = [{ json: {} }],
		continueOnFail = false,
	) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'timeOff', ...parameters },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			items,
			continueOnFail,
		});

	const paired = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;
	const requests = () =>
		sim.log.entries().map((entry) => ({ path: entry.path, query: entry.query }));

	describe('Get Who Is Out (whosOut)', () => {
		it('lists the absences overlapping the range, IDs as strings, with the options on the wire', async () => {
			const { output } = await run({ operation: 'whosOut', from: '2026-11-22T00:00:00', to: '2026-11-22' });
			const mine = output[0].find((item) => item.json.requestId === String(requestId));
			expect(mine?.json).toMatchObject({ employeeId: employee.id, startDate: '2026-11-20', endDate: '2026-11-24', status: 'Approved', startPortion: 'all_day' });
			expect(output[0].every((item) => typeof item.json.requestId === 'string' && paired(item) === 0)).toBe(true);
			expect(requests()).toEqual([
				{ path: '/v1/timeoff/whosout', query: { from: '2026-11-22', to: '2026-11-22', includeHourly: 'false', includePrivate: 'false', includePending: 'false' } },
			]);
		}); // prettier-ignore

		it('leaves a range before the absence empty, and Include Pending adds pending requests', async () => {
			const pending = sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-12-01', endDate: '2026-12-01', status: 'Pending' });
			const ids = async (options: IDataObject) =>
				(await run({ operation: 'whosOut', from: '2026-12-01', to: '2026-12-01', options })).output[0].map((item) => item.json.requestId);
			expect(await ids({})).not.toContain(String(pending.requestId));
			expect(await ids({ includePending: true })).toContain(String(pending.requestId));
			expect(sim.log.entries()[1].query.includePending).toBe('true');
			const before = await run({ operation: 'whosOut', from: '2026-11-01', to: '2026-11-19' });
			expect(before.output[0].some((item) => item.json.requestId === String(requestId))).toBe(false);
		}); // prettier-ignore

		it('refuses From after To before any request', async () => {
			const error = await failureOf(run({ operation: 'whosOut', from: '2026-11-30', to: '2026-11-01' }));
			expect(error.constructor.name).toBe('NodeOperationError');
			expect(error.message).toBe('"From" (2026-11-30) is after "To" (2026-11-01)');
			expect(error.description).toMatch(/Nothing was sent to HiBob/);
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('with continue-on-fail: a bad item gets its error item, the others run', async () => {
			const { output } = await run(
				{ operation: 'whosOut', from: '={{ $json.from }}', to: '={{ $json.to }}' },
				[{ json: { from: '2026-11-22', to: '2026-11-22' } }, { json: { from: '2026-11-22', to: 'never' } }],
				true,
			);
			expect(output[0].filter((item) => item.json.error).map((item) => [paired(item), item.json.error])).toEqual([[1, '"To" must be a date, got "never"']]);
			expect(output[0].some((item) => paired(item) === 0 && item.json.requestId === String(requestId))).toBe(true);
			expect(sim.log.entries()).toHaveLength(1);
		}); // prettier-ignore
	});

	describe('Get Who Is Out Today (outToday)', () => {
		it("uses HiBob's today when none is given, with outtoday's own key names", async () => {
			const { output } = await run({ operation: 'outToday' });
			const mine = output[0].find((item) => item.json.employeeId === employee.id && item.json.startDate === '2026-11-20');
			expect(mine?.json).toMatchObject({ employeeEmail: employee.email, startDatePortion: 'all_day', requestRangeType: 'days' });
			expect(requests()).toEqual([{ path: '/v1/timeoff/outtoday', query: { includeHourly: 'false', includePrivate: 'false' } }]);
		}); // prettier-ignore

		it('filters by site (picked ID or a number from an expression)', async () => {
			const mine = await run({ operation: 'outToday', siteId: String(siteId) });
			expect(mine.output[0].some((item) => item.json.employeeId === employee.id)).toBe(true);
			expect(sim.log.entries()[0].query.siteId).toBe(String(siteId));
			const numeric = await run({ operation: 'outToday', siteId: `={{ ${siteId} }}` });
			expect(numeric.output[0].map((item) => item.json)).toEqual(mine.output[0].map((item) => item.json));
			const other = sim.simulator.company.lists.get('site')!.items.find((item) => Number(item.id) !== siteId)!;
			const elsewhere = await run({ operation: 'outToday', siteId: String(other.id) });
			expect(elsewhere.output[0].some((item) => item.json.employeeId === employee.id)).toBe(false);
		}); // prettier-ignore

		it('refuses a site name (HiBob takes the site\'s integer ID) before sending anything', async () => {
			const name = sim.simulator.company.lists.get('site')!.items[0].name;
			const { output } = await run({ operation: 'outToday', siteId: name }, [{ json: {} }], true);
			expect(output[0][0].json).toMatchObject({ error: `"${name}" is not a site ID` });
			expect(String(output[0][0].json.description)).toMatch(/numeric ID of a site, not its name/);
			expect(sim.log.entries()).toHaveLength(0);
		}); // prettier-ignore

		it('rides out a 429 with the fast clock', async () => {
			sim.control.injectFault({ kind: 'rate-limit', path: '/v1/timeoff/outtoday', resetHeader: false, retryAfterSeconds: 2 });
			const { output } = await run({ operation: 'outToday' });
			expect(sim.log.entries().map((entry) => entry.status)).toEqual([429, 200]);
			expect(clock.current.sleeps).toEqual([2_000]);
			expect(output[0].some((item) => item.json.employeeId === employee.id)).toBe(true);
		}); // prettier-ignore

		it('sends the Today option as a calendar date', async () => {
			const { output } = await run({ operation: 'outToday', options: { today: '2026-11-25T00:00:00' } });
			expect(sim.log.entries()[0].query.today).toBe('2026-11-25');
			expect(output[0].some((item) => item.json.employeeId === employee.id)).toBe(false);
		}); // prettier-ignore

		it('refuses a bad Today or site before any request', async () => {
			expect((await failureOf(run({ operation: 'outToday', options: { today: 'tomorrow' } }))).message).toBe('"Today" must be a date, got "tomorrow"');
			expect((await failureOf(run({ operation: 'outToday', siteId: 'London, UK' }))).message).toBe('"London, UK" is not a site ID');
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('offers the sites of the "site" named list to pick from (getSites)', async () => {
			const node = new HiBob();
			const context = loadOptionsContext({
				nodeType: node,
				parameters: { resource: 'timeOff', operation: 'outToday' },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			});
			const options = await node.methods.loadOptions.getSites.call(context);
			expect(options[0]).toEqual({ name: 'All Sites', value: '' });
			const sites = sim.simulator.company.lists.get('site')!.items.filter((item) => !item.archived);
			expect(options.slice(1).map((option) => option.value).sort()).toEqual(sites.map((item) => String(item.id)).sort());
		}); // prettier-ignore
	});

	describe('Get Request Changes (getRequestChanges)', () => {
		it('lists the changes since a moment, IDs as strings, since sent in UTC', async () => {
			const { output } = await run({ operation: 'getRequestChanges', since: '2026-11-21T11:00:00Z' });
			expect(output[0].map((item) => item.json)).toContainEqual(
				expect.objectContaining({ requestId: String(requestId), changeType: 'Created', employeeId: employee.id, originalRequestId: String(requestId), previousRequestId: null }),
			);
			expect(requests()).toEqual([{ path: '/v1/timeoff/requests/changes', query: { since: '2026-11-21T11:00:00.000Z', includePending: 'false' } }]);
		}); // prettier-ignore

		it("reads a zone-less Since in the workflow's time zone and sends To and Include Pending", async () => {
			await runExecute({
				nodeType: new HiBob(),
				parameters: { resource: 'timeOff', operation: 'getRequestChanges', since: '2026-11-01T10:00:00', options: { to: '2026-11-02T10:00:00', includePending: true } },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
				timezone: 'Europe/Berlin',
			});
			expect(sim.log.entries()[0].query).toEqual({ since: '2026-11-01T09:00:00.000Z', to: '2026-11-02T09:00:00.000Z', includePending: 'true' });
			expect(sim.log.entries()[0].status).toBe(200);
		}); // prettier-ignore

		it('accepts exactly 6 months back (HiBob agrees) and refuses earlier, naming the earliest moment, before any request', async () => {
			await run({ operation: 'getRequestChanges', since: '2026-05-21T12:00:00Z' });
			expect(sim.log.entries().map((entry) => entry.status)).toEqual([200]);
			sim.log.clear();
			const error = await failureOf(run({ operation: 'getRequestChanges', since: '2026-05-21T11:59:59Z' }));
			expect(error.message).toBe('"Since" (2026-05-21T11:59:59.000Z) is more than 6 months ago');
			expect(error.description).toContain('the earliest allowed "Since" is now 2026-05-21T12:00:00.000Z');
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('refuses To not after Since, and a window over 6 months, before any request', async () => {
			expect((await failureOf(run({ operation: 'getRequestChanges', since: '2026-11-01T00:00:00Z', options: { to: '2026-10-01T00:00:00Z' } }))).message).toMatch(/must be after "Since"/);
			expect((await failureOf(run({ operation: 'getRequestChanges', since: '2026-06-01T00:00:00Z', options: { to: '2026-12-02T00:00:00Z' } }))).message).toMatch(/longer than 6 months/);
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('with continue-on-fail: the too-old item gets an error item and the next item still runs', async () => {
			const { output } = await run(
				{ operation: 'getRequestChanges', since: '={{ $json.since }}' },
				[{ json: { since: '2025-01-01T00:00:00Z' } }, { json: { since: '2026-11-21T11:00:00Z' } }],
				true,
			);
			expect(output[0][0]).toEqual({ json: expect.objectContaining({ error: '"Since" (2025-01-01T00:00:00.000Z) is more than 6 months ago' }), pairedItem: { item: 0 } });
			expect(output[0].slice(1).length).toBeGreaterThan(0);
			expect(output[0].slice(1).every((item) => paired(item) === 1)).toBe(true);
			expect(sim.log.entries()).toHaveLength(1);
		}); // prettier-ignore
	});
});
