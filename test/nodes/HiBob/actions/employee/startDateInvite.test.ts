import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { byEmail, byId, failureOf, jsonOf, pairedOf, runEmployee } from './helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee → Set Start Date / Invite', () => {
	let sim: RunningSimulator;
	useSimulator(
		(started) => (sim = started),
		{
			employees: 40,
			seed: 12,
			today: '2026-11-21',
			freezeClock: true,
			rateLimit: false,
		},
		'test',
	);

	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const writes = () =>
		sim.log.entries({ path: '/v1/employees/' }).filter((entry) => entry.method !== 'GET');
	const setStart = (employee: IDataObject[string], extra: IDataObject = {}): IDataObject => ({
		operation: 'setStartDate',
		employee,
		startDate: '2026-12-07T00:00:00',
		reason: 'Postponed',
		...extra,
	});
	const invite = (employee: IDataObject[string], extra: IDataObject = {}): IDataObject => ({
		operation: 'invite',
		employee,
		welcomeWizardId: '2',
		...extra,
	});

	describe('Set Start Date', () => {
		it('POSTs the calendar date and reason once, and reads the new start date back', async () => {
			const e = employed();
			const result = await runEmployee(sim, setStart(byId(e.id)));
			expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/v1/employees/${e.id}/start-date`, body: { startDate: '2026-12-07', reason: 'Postponed' }, status: 200 })]);
			expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, operation: 'setStartDate', employeeId: e.id, written: { startDate: '2026-12-07', reason: 'Postponed' }, readBackShowsWrite: true, employee: expect.objectContaining({ startDate: '2026-12-07' }) })]);
			expect(sim.control.getEmployee({ employeeId: e.id }).values['work.startDate']).toBe('2026-12-07');
		}); // prettier-ignore

		it('finds the employee by work email, and sends no reason when none is given', async () => {
			const e = employed(1);
			await runEmployee(sim, setStart(byEmail(e.email), { reason: '' }));
			expect(writes()).toEqual([expect.objectContaining({ path: `/v1/employees/${e.id}/start-date`, body: { startDate: '2026-12-07' } })]);
		}); // prettier-ignore

		it('says so when the read-back does not show the new date yet', async () => {
			sim.control.configure({ readLagMs: 20_000 });
			const result = await runEmployee(sim, setStart(byId(employed().id)));
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ readBackShowsWrite: false, notShownYet: ['work.startDate'], note: expect.stringMatching(/up to 20 seconds/) }));
		}); // prettier-ignore

		it.each([
			['no date', { startDate: '' }, /New Start Date is required/],
			['a malformed date', { startDate: '07.12.2026' }, /is not a date/],
		])('%s: a clear error for that item, and nothing is sent', async (_name, extra, message) => {
			const failure = await failureOf(runEmployee(sim, setStart(byId(employed().id), extra)));
			expect(failure.message).toMatch(message);
			expect(failure.context.itemIndex).toBe(0);
			expect(sim.log.entries()).toEqual([]);
		});

		it('a dropped connection after HiBob applied it: sent exactly once, the item says to check Bob', async () => {
			const e = employed();
			sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/employees/', afterApply: true });
			const failure = await failureOf(runEmployee(sim, setStart(byId(e.id))));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(failure.description).toMatch(/start date/);
			expect(writes()).toHaveLength(1);
			expect(sim.control.getEmployee({ employeeId: e.id }).values['work.startDate']).toBe('2026-12-07');
		}); // prettier-ignore

		it('continue on fail: the bad item becomes its error item with its index, the other is written', async () => {
			const [a, b] = [employed(2), employed(3)];
			const result = await runEmployee(sim, setStart('={{ $json.who }}', { startDate: '={{ $json.date }}' }), {
				items: [{ json: { who: b.id, date: '2026-12-01' } }, { json: { who: a.id, date: 'tomorrow' } }],
				continueOnFail: true,
			});
			expect(pairedOf(result)).toEqual([0, 1]);
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, employeeId: b.id }));
			expect(jsonOf(result)[1]).toEqual({ error: 'New Start Date "tomorrow" is not a date', description: expect.stringMatching(/Nothing was sent/) });
			expect(writes().map((entry) => entry.path)).toEqual([`/v1/employees/${b.id}/start-date`]);
		}); // prettier-ignore

		it('without continue on fail, the error carries the item index', async () => {
			const failure = await failureOf(runEmployee(sim, setStart('={{ $json.who }}', { startDate: '={{ $json.date }}' }), {
				items: [{ json: { who: employed().id, date: '2026-12-01' } }, { json: { who: employed(1).id, date: 'x' } }],
			}));
			expect(failure.context.itemIndex).toBe(1);
		}); // prettier-ignore
	});

	describe('Invite', () => {
		it('POSTs the wizard as its integer ID once and records the invitation', async () => {
			const e = employed();
			const result = await runEmployee(sim, invite(byId(e.id)));
			expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/v1/employees/${e.id}/invitations`, body: { welcomeWizardId: 2 }, status: 200 })]);
			expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, operation: 'invite', employeeId: e.id, written: { welcomeWizardId: 2 } })]);
			expect(sim.control.getAccessEvents({ employeeId: e.id })).toEqual([expect.objectContaining({ kind: 'invited', detail: 2 })]);
		}); // prettier-ignore

		it('a wizard given by name (expression) is resolved to its ID', async () => {
			const e = employed();
			await runEmployee(sim, invite(byId(e.id), { welcomeWizardId: 'contractor ONBOARDING' }));
			expect(writes()).toEqual([expect.objectContaining({ body: { welcomeWizardId: 3 } })]);
		});

		it('a wizard name that matches none names the closest, and nothing is written', async () => {
			const failure = await failureOf(runEmployee(sim, invite(byId(employed().id), { welcomeWizardId: 'Engineering onbording' })));
			expect(failure.message).toBe('"Engineering onbording" is not an onboarding wizard in HiBob');
			expect(failure.description).toMatch(/closest are: "Engineering onboarding"/);
			expect(writes()).toEqual([]);
		}); // prettier-ignore

		it('no wizard: a clear error, nothing sent', async () => {
			const failure = await failureOf(runEmployee(sim, invite(byId(employed().id), { welcomeWizardId: '' })));
			expect(failure.message).toBe('Onboarding Wizard is required');
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('an unknown outcome is never repeated: exactly one request', async () => {
			const e = employed();
			sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/employees/', afterApply: true });
			const failure = await failureOf(runEmployee(sim, invite(byId(e.id))));
			expect(failure.message).toMatch(/may or may not have applied/);
			expect(failure.description).toMatch(/invited/);
			expect(writes()).toHaveLength(1);
			expect(sim.control.getAccessEvents({ employeeId: e.id })).toHaveLength(1);
		}); // prettier-ignore

		it('continue on fail keeps the item index and pairedItem', async () => {
			const a = employed(1);
			const result = await runEmployee(sim, invite('={{ $json.who }}', { welcomeWizardId: '={{ $json.wizard }}' }), {
				items: [{ json: { who: a.id, wizard: '' } }, { json: { who: a.id, wizard: '1' } }],
				continueOnFail: true,
			});
			expect(pairedOf(result)).toEqual([0, 1]);
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ error: 'Onboarding Wizard is required' }));
			expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, written: { welcomeWizardId: 1 } }));
		}); // prettier-ignore

		it('the wizard list comes from GET /v1/onboarding/wizards', async () => {
			const node = new HiBob();
			const context = loadOptionsContext({
				nodeType: node,
				parameters: { resource: 'employee', operation: 'invite' },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			});
			const options = await node.methods.loadOptions.getOnboardingWizards.call(context);
			expect(options).toEqual([
				{ name: 'Standard onboarding', value: '1' },
				{ name: 'Engineering onboarding', value: '2' },
				{ name: 'Contractor onboarding', value: '3' },
			]);
		});
	});
});
