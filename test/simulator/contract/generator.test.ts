import { FULL_ACCESS, generateCompany, searchPeople } from '../index';

describe('simulator: company generator', () => {
	const snapshot = (seed: number, employees = 300) => {
		const c = generateCompany({ employees, seed, today: '2026-11-21' });
		const user = { id: 'u', token: 't', permissions: FULL_ACCESS };
		const body = searchPeople(c, user, {
			showInactive: true,
			fields: c.fields.map((f) => f.id),
		}).body;
		return { c, json: JSON.stringify(body), lists: JSON.stringify([...c.lists.values()]) };
	};

	it('is deterministic: the same seed gives the same company, another seed a different one', () => {
		const a = snapshot(7);
		const b = snapshot(7);
		const other = snapshot(8);
		expect(a.json).toBe(b.json);
		expect(a.lists).toBe(b.lists);
		expect(other.json).not.toBe(a.json);
		const rows = (s: ReturnType<typeof snapshot>) =>
			JSON.stringify([...s.c.employees.values()].map((e) => [e.lifecycle, e.work, e.employment]));
		expect(rows(a)).toBe(rows(b));
	});

	it('uses unique 19-digit string IDs (beyond 2^53) and a numeric companyId', () => {
		const { c } = snapshot(3, 2000);
		const ids = [...c.employees.keys()];
		expect(new Set(ids).size).toBe(2000);
		for (const id of ids) {
			expect(typeof id).toBe('string');
			expect(id).toMatch(/^[1-9]\d{18}$/);
			expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		}
		const e = c.employees.values().next().value!;
		expect(typeof e.values['root.companyId']).toBe('number');
		const emails = [...c.employees.values()].map((x) => x.values['root.email']);
		expect(new Set(emails).size).toBe(2000);
	});

	it('generates the status mix with consistent access status and dates', () => {
		const { c } = snapshot(11, 1000);
		const today = c.today;
		const count: Record<string, number> = {};
		for (const e of c.employees.values()) {
			const v = e.values;
			const status = String(v['internal.lifecycleStatus']);
			count[status] = (count[status] ?? 0) + 1;
			switch (status) {
				case 'employed':
					expect(v['internal.status']).toBe('Active');
					expect(String(v['work.startDate']) <= today).toBe(true);
					break;
				case 'hired':
					expect(v['internal.status']).toBe('Inactive');
					expect(String(v['work.startDate']) > today).toBe(true);
					break;
				case 'terminated':
					expect(v['internal.status']).toBe('Inactive');
					expect(String(v['internal.terminationDate']) < today).toBe(true);
					break;
				case 'garden leave':
					expect(v['internal.status']).toBe('Active');
					expect(String(v['internal.terminationDate']) > today).toBe(true);
					expect(String(v['employee.lastDayOfWork']) < today).toBe(true);
					break;
				default:
					expect(['leave', 'parental leave']).toContain(status);
					expect(v['internal.status']).toBe('Inactive');
			}
			// The current lifecycle row agrees with the status fields.
			const rows = c.renderRows(e, 'lifecycle', true);
			const current = rows.find((r) => r.isCurrent)!;
			expect(String(current.status).toLowerCase()).toBe(status);
			expect(current.employeeStatus).toBe(v['internal.status']);
		}
		expect(count.employed / 1000).toBeGreaterThan(0.8);
		for (const s of ['hired', 'terminated', 'garden leave', 'leave', 'parental leave']) expect(count[s]).toBeGreaterThan(0);
	}); // prettier-ignore

	it('even 10 employees have every status, and a manager tree rooted at an employed CEO', () => {
		const c = generateCompany({ employees: 10, seed: 1, today: '2026-11-21' });
		const statuses = new Set(
			[...c.employees.values()].map((e) => e.values['internal.lifecycleStatus']),
		);
		expect(statuses.size).toBe(6);
		const [ceo, ...rest] = [...c.employees.values()];
		expect(ceo.values['work.manager']).toBeNull();
		expect(ceo.values['internal.lifecycleStatus']).toBe('employed');
		for (const e of rest) expect(c.employees.has(String(e.values['work.manager']))).toBe(true);
	});

	it('list fields hold numeric-string item IDs, work.siteId a number and work.site its name', () => {
		const { c } = snapshot(5, 100);
		const ids = (list: string) => new Set(c.lists.get(list)!.items.map((i) => String(i.id)));
		for (const e of c.employees.values()) {
			expect(ids('department').has(String(e.values['work.department']))).toBe(true);
			expect(e.values['work.department']).toMatch(/^\d+$/);
			expect(e.values['work.title']).toMatch(/^\d+$/);
			expect(typeof e.values['work.siteId']).toBe('number');
			expect(c.labels.get('site')!.get(String(e.values['work.siteId']))).toBe(
				e.values['work.site'],
			);
			expect(e.values['root.creationDateTime']).toMatch(
				/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/,
			);
		}
	});
});
