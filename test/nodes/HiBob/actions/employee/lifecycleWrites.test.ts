import type { IDataObject } from 'n8n-workflow';

import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { byEmail, byId, failureOf, jsonOf, pairedOf, runEmployee } from './helpers';

const clock = useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee → Terminate / Revoke Access / Update Work Email', () => {
	let sim: RunningSimulator;
	useSimulator(
		(started) => (sim = started),
		{
			employees: 60,
			seed: 11,
			today: '2026-11-21',
			freezeClock: true,
			rateLimit: false,
		},
		'test',
	);

	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const writes = (path: string) =>
		sim.log
			.entries({ path })
			.filter((entry) => entry.method !== 'GET' && entry.path !== '/v1/people/search');
	const item = (list: string, n: number) => sim.simulator.company.lists.get(list)!.items[n];
	const terminate = (employee: IDataObject[string], extra: IDataObject = {}): IDataObject => ({
		operation: 'terminate',
		employee,
		terminationDate: '2026-11-30',
		...extra,
	});

	describe('Terminate', () => {
		it('sends the termination with the reason and type labels resolved to item IDs, and reads it back', async () => {
			const e = employed();
			const reason = item('terminationreason', 1);
			const type = item('lifecycleReasonType', 0);
			const result = await runEmployee(sim, terminate(byId(e.id), { terminateOptions: { lastDayOfWork: '2026-11-25T00:00:00', noticePeriodLength: 2, noticePeriodUnit: 'weeks', terminationReason: reason.name.toUpperCase(), reasonType: type.name } }));
			const [post] = writes('/v1/employees/');
			expect(post).toEqual(expect.objectContaining({ method: 'POST', path: `/v1/employees/${e.id}/terminate`, status: 200 }));
			expect(post.body).toEqual({ terminationDate: '2026-11-30', lastDayOfWork: '2026-11-25', noticePeriod: { length: 2, unit: 'weeks' }, terminationReason: String(reason.id), reasonType: String(type.id) });
			expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, operation: 'terminate', employeeId: e.id, readBackShowsWrite: true, employee: expect.objectContaining({ terminationDate: '2026-11-30' }) })]);
		}); // prettier-ignore

		it('finds the employee by work email first', async () => {
			const e = employed(1);
			await runEmployee(sim, terminate(byEmail(e.email.toUpperCase())));
			expect(writes('/v1/employees/').map((entry) => entry.path)).toEqual([
				`/v1/employees/${e.id}/terminate`,
			]);
		});

		it.each([
			['a malformed date', { terminationDate: '30/11/2026' }, /not a date/],
			['no date', { terminationDate: '' }, /Termination Date is required/],
			[
				'last day after the termination date',
				{ terminateOptions: { lastDayOfWork: '2026-12-05' } },
				/after the Termination Date/,
			],
		])('%s: a clear error for that item, and nothing is sent', async (_name, extra, message) => {
			const failure = await failureOf(runEmployee(sim, terminate(byId(employed().id), extra)));
			expect(failure.message).toMatch(message);
			expect(failure.context.itemIndex).toBe(0);
			expect(sim.log.entries()).toEqual([]);
		});

		it('a reason that matches no list item names the closest ones, and nothing is written', async () => {
			const failure = await failureOf(runEmployee(sim, terminate(byId(employed().id), { terminateOptions: { terminationReason: 'Resignaton' } })));
			expect(failure.message).toBe('"Resignaton" is not a termination reason in HiBob');
			expect(failure.description).toMatch(/closest are: "Resignation"/);
			expect(writes('/v1/employees/')).toEqual([]);
		}); // prettier-ignore

		it('a dropped connection after HiBob applied it: never repeated, the item says to check Bob', async () => {
			const e = employed();
			sim.control.injectFault({
				kind: 'reset',
				method: 'POST',
				path: '/v1/employees/',
				afterApply: true,
			});
			const failure = await failureOf(runEmployee(sim, terminate(byId(e.id))));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(failure.description).toMatch(/Lifecycle history/);
			expect(writes('/v1/employees/')).toHaveLength(1);
			expect(sim.control.getEmployee({ employeeId: e.id }).values['internal.terminationDate']).toBe(
				'2026-11-30',
			);
		});

		it('a 500 is not repeated either', async () => {
			sim.control.injectFault({
				kind: 'status',
				status: 500,
				method: 'POST',
				path: '/v1/employees/',
			});
			const failure = await failureOf(runEmployee(sim, terminate(byId(employed().id))));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(writes('/v1/employees/')).toHaveLength(1);
		});

		it('a 429 was not processed: waited out until X-RateLimit-Reset and sent again', async () => {
			const e = employed();
			sim.control.injectFault({ kind: 'rate-limit', method: 'POST', path: '/v1/employees/' });
			await runEmployee(sim, terminate(byId(e.id)));
			expect(writes('/v1/employees/').map((entry) => entry.status)).toEqual([429, 200]);
			expect(clock.current.sleeps.some((ms) => ms >= 1000)).toBe(true);
		});

		it('401/403 are never retried', async () => {
			const user = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'all', editCategories: ['root'] } });
			const failure = await failureOf(runEmployee(sim, terminate(byId(employed().id)), { user }));
			expect(failure.message).toMatch(/403/);
			expect(writes('/v1/employees/')).toHaveLength(1);
		}); // prettier-ignore

		it('continue on fail: the bad item becomes its error item, the others are written, pairedItem kept; no token anywhere', async () => {
			const [a, b] = [employed(2), employed(3)];
			const result = await runEmployee(sim, terminate('={{ $json.who }}', { terminationDate: '={{ $json.date }}' }), {
				items: [{ json: { who: a.id, date: 'soon' } }, { json: { who: b.id, date: '2026-12-31' } }],
				continueOnFail: true,
			});
			expect(pairedOf(result)).toEqual([0, 1]);
			expect(jsonOf(result)[0]).toEqual({ error: 'Termination Date "soon" is not a date', description: expect.stringMatching(/Nothing was sent/) });
			expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, employeeId: b.id }));
			expect(writes('/v1/employees/').map((entry) => entry.path)).toEqual([`/v1/employees/${b.id}/terminate`]);
			expect(JSON.stringify(result.output)).not.toContain(sim.serviceUser.token);
		}); // prettier-ignore
	});

	describe('Revoke Access', () => {
		it('POSTs uninvite once with no body and says it was the Bob login only', async () => {
			const e = employed();
			const result = await runEmployee(sim, { operation: 'revokeAccess', employee: byId(e.id) });
			expect(writes('/v1/employees/')).toEqual([expect.objectContaining({ method: 'POST', path: `/v1/employees/${e.id}/uninvite`, body: null, status: 200 })]);
			expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, revoked: 'Bob login', employeeId: e.id })]);
			expect(sim.control.getAccessEvents({ employeeId: e.id })).toEqual([expect.objectContaining({ kind: 'revoked' })]);
		}); // prettier-ignore

		it('an unknown outcome is not repeated', async () => {
			sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/employees/', afterApply: true });
			const failure = await failureOf(runEmployee(sim, { operation: 'revokeAccess', employee: byId(employed().id) }));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(writes('/v1/employees/')).toHaveLength(1);
		}); // prettier-ignore
	});

	describe('Update Work Email', () => {
		it('PUTs {email} and reads the new address back', async () => {
			const e = employed();
			const result = await runEmployee(sim, { operation: 'updateEmail', employee: byId(e.id), email: 'amy.new@acme-sim.com' });
			expect(writes('/v1/people/')).toEqual([expect.objectContaining({ method: 'PUT', path: `/v1/people/${e.id}/email`, body: { email: 'amy.new@acme-sim.com' } })]);
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, written: { email: 'amy.new@acme-sim.com' }, readBackShowsWrite: true, employee: expect.objectContaining({ email: 'amy.new@acme-sim.com' }) }));
		}); // prettier-ignore

		it('says so when the read-back does not show the write yet (HiBob lags)', async () => {
			sim.control.configure({ readLagMs: 20_000 });
			const e = employed();
			const result = await runEmployee(sim, { operation: 'updateEmail', employee: byId(e.id), email: 'lagging@acme-sim.com' });
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ readBackShowsWrite: false, notShownYet: ['root.email'], note: expect.stringMatching(/up to 20 seconds/), employee: expect.objectContaining({ email: e.email }) }));
		}); // prettier-ignore

		it('is not repeated after an unknown outcome (HiBob mails the person on every accepted change)', async () => {
			sim.control.injectFault({ kind: 'reset', method: 'PUT', afterApply: true });
			const e = employed();
			const failure = await failureOf(runEmployee(sim, { operation: 'updateEmail', employee: byId(e.id), email: 'again@acme-sim.com' }));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(failure.description).toMatch(/work email/);
			expect(writes('/v1/people/').map((entry) => entry.status)).toEqual([0]);
		}); // prettier-ignore

		it('finds the employee by an address already in lower case with the value sent once', async () => {
			const e = employed(2);
			await runEmployee(sim, { operation: 'updateEmail', employee: byEmail(e.email.toLowerCase()), email: 'moved@acme-sim.com' });
			const lookups = sim.log.entries({ path: '/v1/people/search' }).map((entry) => (entry.body as { filters: Array<{ values: string[] }> }).filters[0].values);
			expect(lookups[0]).toEqual([e.email.toLowerCase()]);
			const mixed = employed(3);
			sim.log.clear();
			await runEmployee(sim, { operation: 'updateEmail', employee: byEmail(mixed.email.toUpperCase()), email: 'moved2@acme-sim.com' });
			const sent = sim.log.entries({ path: '/v1/people/search' }).map((entry) => (entry.body as { filters: Array<{ values: string[] }> }).filters[0].values);
			expect(sent[0]).toEqual([mixed.email.toUpperCase(), mixed.email.toLowerCase()]);
		}); // prettier-ignore

		it('a malformed address fails the item before anything is sent', async () => {
			const failure = await failureOf(runEmployee(sim, { operation: 'updateEmail', employee: byId(employed().id), email: 'not-an-address' }));
			expect(failure.message).toBe('New Work Email "not-an-address" is not a valid email address');
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore
	});
});
