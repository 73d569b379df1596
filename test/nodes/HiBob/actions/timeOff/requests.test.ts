/**
 * Time Off → Create Request, Get Request, Cancel Request and Get Balance (and their load options)
 * through n8n-core's real contexts against the HiBob simulator.
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

describe('HiBob → Time Off requests', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	useSimulator((started) => (sim = started), {
		employees: 60,
		seed: 11,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});
	beforeAll(() => {
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3];
	}); // prettier-ignore

	const credentials = () => credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token);
	const run = async (parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false, timezone?: string) =>
		await runExecute({ nodeType: new HiBob(), parameters: { resource: 'timeOff', employee: { mode: 'id', value: employee.id }, ...parameters }, credentials: credentials(), items, continueOnFail, timezone }); // prettier-ignore
	const sent = () => sim.log.entries().map((e) => `${e.method} ${e.path}`);
	const posted = () => sim.log.entries({ method: 'POST' }).map((e) => e.body);
	const create = (extra: IDataObject) => ({
		operation: 'createRequest',
		policyType: 'Holiday',
		startDate: '2026-12-01T00:00:00',
		endDate: '2026-12-03',
		...extra,
	});

	describe('Create Request (createRequest)', () => {
		it('submits half days and returns the new request, found through request changes', async () => {
			const { output } = await run(create({ startPortion: 'afternoon', endPortion: 'morning', options: { description: 'Family trip', reasonCode: '1002' } }));
			expect(posted()).toEqual([{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-03', startDatePortion: 'afternoon', endDatePortion: 'morning', description: 'Family trip', reasonCode: 1002 }]);
			const item = output[0][0];
			expect(item.json).toMatchObject({ identified: true, employeeId: employee.id, requestId: expect.stringMatching(/^\d+$/), policyTypeDisplayName: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-03', startPortion: 'afternoon', endPortion: 'morning', status: 'pending', totalDuration: 2, description: 'Family trip', reasonCode: '1002' });
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(sim.simulator.company.timeOff.get(Number(item.json.requestId))?.employeeId).toBe(employee.id);
			expect(sent()).toEqual(['GET /v1/timeoff/requests/changes', `POST /v1/timeoff/employees/${employee.id}/requests`, 'GET /v1/timeoff/requests/changes', `GET /v1/timeoff/employees/${employee.id}/requests/${String(item.json.requestId)}`]);
			expect(sim.log.entries({ path: '/v1/timeoff/requests/changes' })[0].query).toEqual({ since: '2026-11-21T11:45:00.000Z', includePending: 'true' });
		}); // prettier-ignore

		it('sends hours on one day, hours every day and mornings; Skip Approval makes it approved', async () => {
			await run(create({ policyType: 'Time in lieu', duration: 'hours', startDate: '2026-12-07', hours: 2, minutes: 30 }));
			await run(create({ policyType: 'Time in lieu', duration: 'hoursOnRange', startDate: '2026-12-08', endDate: '2026-12-09', hours: 1 }));
			const { output } = await run(create({ duration: 'portionOnRange', startDate: '2026-12-10', endDate: '2026-12-11', dayPortion: 'afternoon', options: { skipApproval: true } }));
			expect(posted()).toEqual([
				{ requestRangeType: 'hours', policyType: 'Time in lieu', startDate: '2026-12-07', endDate: '2026-12-07', hours: 2, minutes: 30 },
				{ requestRangeType: 'hoursOnRange', policyType: 'Time in lieu', startDate: '2026-12-08', endDate: '2026-12-09', dailyHours: 1, dailyMinutes: 0 },
				{ requestRangeType: 'portionOnRange', policyType: 'Holiday', startDate: '2026-12-10', endDate: '2026-12-11', dayPortion: 'afternoon', skipManagerApproval: true },
			]);
			expect(output[0][0].json).toMatchObject({ identified: true, status: 'approved', type: 'portionOnRange', dayPortion: 'afternoon' });
		}); // prettier-ignore

		it('finds requests of a policy type Bob shows under a custom name, and hours requests (a `date`, no start/end dates in the changes)', async () => {
			const hours = await run(create({ policyType: 'Time in lieu', duration: 'hours', startDate: '2026-12-14', hours: 3 }));
			const range = await run(create({ policyType: 'Time in lieu', duration: 'hoursOnRange', startDate: '2026-12-15', endDate: '2026-12-16', hours: 2 }));
			expect(hours.output[0][0].json).toMatchObject({ identified: true, type: 'hours', date: '2026-12-14', policyTypeDisplayName: 'TOIL (overtime hours)', requestId: expect.stringMatching(/^\d+$/) });
			expect(range.output[0][0].json).toMatchObject({ identified: true, type: 'hoursOnRange', startDate: '2026-12-15', endDate: '2026-12-16', policyTypeDisplayName: 'TOIL (overtime hours)' });
			// Found at the first read after the submission: no waiting.
			expect(clock.current.sleeps).toEqual([]);
			expect(sim.log.entries({ path: '/v1/timeoff/requests/changes' })).toHaveLength(4);
		}); // prettier-ignore

		it('refuses bad input before sending anything, with the item index under continue-on-fail', async () => {
			const cases: Array<[IDataObject, RegExp]> = [
				[create({ endDate: '2026-11-30' }), /End Date \(2026-11-30\) is before Start Date/],
				[create({ endDate: '2026-12-01', startPortion: 'afternoon', endPortion: 'morning' }), /cannot start in the afternoon and end in the morning/],
				[create({ duration: 'hours', hours: 0, minutes: 0 }), /0 hours and 0 minutes/],
				[create({ startDate: 'tomorrow' }), /Start Date must be a date/],
				[create({ policyType: '' }), /Policy Type is empty/],
				[create({ options: { approver: employee.id } }), /Skip Approval is off/],
				[create({ employee: { mode: 'id', value: '123abc' } }), /not a HiBob employee ID/],
			];
			for (const [parameters, message] of cases) {
				const failure = await failureOf(run(parameters));
				expect(failure.message).toMatch(message);
			}
			expect(sent()).toEqual([]);
			const { output } = await run(create({ endDate: '={{ $json.end }}' }), [{ json: { end: '2026-11-01' } }, { json: { end: '2026-12-02' } }], true);
			expect(output[0][0]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/before Start Date/) }), pairedItem: { item: 0 } });
			expect(output[0][1].json).toMatchObject({ identified: true, endDate: '2026-12-02' });
		}); // prettier-ignore

		it("passes HiBob's refusal on with what to check (e.g. an hours request on a policy type in days)", async () => {
			const failure = await failureOf(
				run(create({ duration: 'hours', startDate: '2026-12-01', hours: 2 })),
			);
			expect(failure.message).toBe('HiBob refused the time-off request (400)');
			expect(failure.description).toMatch(/measured in days/);
		});

		it('never repeats the submission when its outcome is unknown (a 5xx)', async () => {
			sim.control.injectFault({ kind: 'status', status: 503, method: 'POST', path: `/v1/timeoff/employees/${employee.id}/requests` });
			const failure = await failureOf(run(create({ startDate: '2026-12-14', endDate: '2026-12-14' })));
			expect(failure.message + (failure.description ?? '')).toMatch(/may or may not have applied/);
			expect(failure.description).toMatch(/time off requests of employee/);
			expect(sim.log.entries({ method: 'POST' }).length).toBe(1);
		}); // prettier-ignore

		it('waits out a 429 on the submission and submits once', async () => {
			sim.control.injectFault({ kind: 'rate-limit', method: 'POST', path: `/v1/timeoff/employees/${employee.id}/requests` });
			const { output } = await run(create({ startDate: '2026-12-15', endDate: '2026-12-15' }));
			expect(sim.log.entries({ method: 'POST' }).map((e) => e.status)).toEqual([429, 200]);
			expect(output[0][0].json.identified).toBe(true);
			expect(clock.current.sleeps.length).toBeGreaterThan(0);
		}); // prettier-ignore

		it('says plainly when the new request cannot be identified (HiBob lagging), without submitting again', async () => {
			sim.control.setTimeOffReadLag({ ms: 60_000 });
			try {
				const { output } = await run(create({ startDate: '2026-12-16', endDate: '2026-12-16' }));
				expect(output[0][0].json).toMatchObject({ identified: false, submitted: true, employeeId: employee.id, startDate: '2026-12-16', message: expect.stringMatching(/did not appear in HiBob's request changes within 20 s. Do not submit it again/) });
				expect(sim.log.entries({ method: 'POST' }).length).toBe(1);
				expect(sim.log.entries({ path: '/v1/timeoff/requests/changes' }).length).toBe(5);
				expect(clock.current.sleeps).toEqual([2_000, 5_000, 13_000]);
			} finally {
				sim.control.setTimeOffReadLag({ ms: 0 });
			}
		}); // prettier-ignore

		it('does not fail the item when reading back fails after the submission (running it again would submit twice)', async () => {
			sim.control.injectFault({ kind: 'html', method: 'GET', path: `/v1/timeoff/employees/${employee.id}/requests/` });
			const { output } = await run(create({ startDate: '2026-12-17', endDate: '2026-12-17' }));
			expect(output[0][0].json).toMatchObject({ identified: false, submitted: true, message: expect.stringMatching(/reading it back failed .*Do not submit it again/) });
			expect(sim.log.entries({ method: 'POST' }).length).toBe(1);
		}); // prettier-ignore
	});

	describe('Get Request, Cancel Request', () => {
		it('gets a request, cancels it once, and explains a second cancel and an unknown ID', async () => {
			const { requestId } = sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-12-21', endDate: '2026-12-22' });
			const got = await run({ operation: 'getRequest', requestId: String(requestId) });
			expect(got.output[0][0].json).toMatchObject({ requestId: String(requestId), employeeId: employee.id, status: 'approved', startDate: '2026-12-21' });
			const canceled = await run({ operation: 'cancelRequest', requestId: ` ${requestId} ` });
			expect(canceled.output[0][0].json).toEqual({ employeeId: employee.id, requestId: String(requestId), canceled: true });
			expect(sim.simulator.company.timeOff.get(requestId)?.status).toBe('Canceled');
			const again = await failureOf(run({ operation: 'cancelRequest', requestId: String(requestId) }));
			expect(again.message).toBe(`HiBob refused to cancel time-off request ${requestId} (400)`);
			const unknown = await failureOf(run({ operation: 'getRequest', requestId: '1' }));
			expect(unknown.message).toBe(`HiBob has no time-off request 1 for employee ${employee.id}`);
		}); // prettier-ignore

		it('refuses a bad request ID before sending; a cancel with an unknown outcome is not repeated', async () => {
			for (const operation of ['getRequest', 'cancelRequest']) {
				const failure = await failureOf(run({ operation, requestId: 'abc' }));
				expect(failure.message).toMatch(/not a HiBob time-off request ID/);
			}
			expect(sent()).toEqual([]);
			const { requestId } = sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-12-28', endDate: '2026-12-28' });
			sim.control.injectFault({ kind: 'reset', method: 'DELETE' });
			const failure = await failureOf(run({ operation: 'cancelRequest', requestId: String(requestId) }));
			expect(failure.message + (failure.description ?? '')).toMatch(/may or may not have applied/);
			expect(sim.log.entries({ method: 'DELETE' }).length).toBe(1);
		}); // prettier-ignore
	});

	describe('Get Balance (getBalance)', () => {
		it("gets the balance of a policy type on a calendar date, today in the workflow's time zone by default", async () => {
			const { output } = await run({ operation: 'getBalance', policyType: 'Holiday', date: '2026-12-31T00:00:00' });
			expect(output[0][0].json).toMatchObject({ employeeId: employee.id, policyType: 'Holiday', date: '2026-12-31', annualAllowance: 25, totalBalanceAsOfDate: expect.any(Number) });
			expect(sim.log.entries()[0].query).toEqual({ policyType: 'Holiday', date: '2026-12-31' });
			sim.log.clear();
			// 12:00 UTC on 2026-11-21 is already the 22nd in Kiritimati (UTC+14).
			await run({ operation: 'getBalance', policyType: 'Sick' }, undefined, false, 'Pacific/Kiritimati');
			await run({ operation: 'getBalance', policyType: 'Sick' }, undefined, false, 'UTC');
			expect(sim.log.entries().map((e) => e.query.date)).toEqual(['2026-11-22', '2026-11-21']);
		}); // prettier-ignore

		it('refuses a bad date before sending, and explains a 403', async () => {
			expect((await failureOf(run({ operation: 'getBalance', policyType: 'Holiday', date: '31/12/2026' }))).message).toMatch(/Date must be a date/);
			expect(sent()).toEqual([]);
			sim.control.denyWork({ deny: ['timeoff.balance'] });
			try {
				const failure = await failureOf(run({ operation: 'getBalance', policyType: 'Holiday' }));
				expect(failure.description).toMatch(/balances/);
			} finally {
				sim.control.denyWork({ deny: [] });
			}
		}); // prettier-ignore
	});

	describe('load options', () => {
		it("lists HiBob's policy types and the chosen policy type's reason codes", async () => {
			const context = loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'timeOff', operation: 'createRequest', policyType: 'Holiday' }, credentials: credentials() });
			const hibob = new HiBob();
			const types = await hibob.methods.loadOptions.getTimeOffPolicyTypes.call(context);
			expect(types.map((t) => t.value)).toEqual(['Holiday', 'Sick', 'Time in lieu']);
			const codes = await hibob.methods.loadOptions.getTimeOffReasonCodes.call(context);
			expect(codes).toEqual([{ name: 'Vacation', value: '1001' }, { name: 'Family event', value: '1002' }]);
		}); // prettier-ignore
	});
});
