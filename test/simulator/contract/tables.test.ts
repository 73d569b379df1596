import type { RunningSimulator } from '../index';
import { call, start } from './helpers';

describe('simulator: employee tables', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start({ employees: 120 });
	});
	afterAll(async () => {
		await sim.stop();
	});

	describe('per employee', () => {
		it.each(['lifecycle', 'work', 'employment'])('GET /v1/people/{id}/%s answers {values: [rows]}', async (table) => {
			const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0];
			const r = await call(sim, 'GET', `/v1/people/${e.id}/${table}`);
			expect(r.status).toBe(200);
			expect(Object.keys(r.json)).toEqual(['values']);
			const rows = r.json.values;
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) {
				expect(row).toEqual(expect.objectContaining({ id: expect.any(Number), effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), isCurrent: expect.any(Boolean), customColumns: {}, change: expect.objectContaining({ changedBy: null, reason: null }) }));
				expect(row).toHaveProperty('endEffectiveDate');
				expect(row).toHaveProperty('creationDate');
				expect(row).toHaveProperty('modificationDate');
			}
			expect(rows.filter((row: { isCurrent: boolean }) => row.isCurrent)).toHaveLength(1);
			expect(rows[rows.length - 1].endEffectiveDate).toBeNull();
		}); // prettier-ignore

		it('lifecycle rows of an employed person: Hired then Employed (Title-case), Active from the start date', async () => {
			const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[1];
			const rows = (await call(sim, 'GET', `/v1/people/${e.id}/lifecycle`)).json.values;
			expect(rows.map((r: { status: string }) => r.status)).toEqual(['Hired', 'Employed']);
			expect(rows[1]).toEqual(expect.objectContaining({ effectiveDate: e.startDate, employeeStatus: 'Active', isCurrent: true }));
			expect(rows[0]).toEqual(expect.objectContaining({ employeeStatus: 'Inactive', isCurrent: false }));
		}); // prettier-ignore

		it('work rows carry department, title, site name, numeric siteId and reportsTo', async () => {
			const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3];
			const snap = sim.control.getEmployee({ employeeId: e.id });
			const rows = (await call(sim, 'GET', `/v1/people/${e.id}/work`)).json.values;
			const current = rows.find((r: { isCurrent: boolean }) => r.isCurrent);
			expect(current).toEqual(expect.objectContaining({ department: snap.values['work.department'], title: snap.values['work.title'], site: snap.values['work.site'], siteId: snap.values['work.siteId'], activeEffectiveDate: current.effectiveDate }));
			expect(typeof current.siteId).toBe('number');
			if (snap.values['work.manager']) expect(current.reportsTo.id).toBe(snap.values['work.manager']);
		}); // prettier-ignore

		it('404 for an unknown employee, 403 outside scope or without the category, only the current row without history', async () => {
			expect((await call(sim, 'GET', '/v1/people/1234567890123456789/lifecycle')).status).toBe(404);
			const t = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const scoped = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'employed-only' } });
			expect((await call(sim, 'GET', `/v1/people/${t.id}/lifecycle`, { auth: sim.authHeader(scoped) })).status).toBe(403);
			const noLifecycle = sim.control.addServiceUser({ permissions: { categories: ['root', 'work'], scope: 'all' } });
			const forbidden = await call(sim, 'GET', `/v1/people/${t.id}/lifecycle`, { auth: sim.authHeader(noLifecycle) });
			expect(forbidden.status).toBe(403);
			expect(forbidden.json).toEqual({ key: expect.any(String), error: expect.any(String) });
			expect((await call(sim, 'GET', `/v1/people/${t.id}/work`, { auth: sim.authHeader(noLifecycle) })).status).toBe(200);
			const noHistory = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'all', history: false } });
			const full = (await call(sim, 'GET', `/v1/people/${t.id}/lifecycle`)).json.values;
			const current = (await call(sim, 'GET', `/v1/people/${t.id}/lifecycle`, { auth: sim.authHeader(noHistory) })).json.values;
			expect(full.length).toBeGreaterThan(1);
			expect(current).toEqual([full.find((r: { isCurrent: boolean }) => r.isCurrent)]);
			expect(current[0].status).toBe('Terminated');
		}); // prettier-ignore
	});

	describe('bulk', () => {
		const walk = async (table: string, limit?: number, extra = '', cursorKey = 'next_cursor') => {
			const pages: Array<{
				results: Array<{ employeeId: string; values: unknown[] }>;
				errors: unknown[];
			}> = [];
			let cursor: string | null = null;
			for (let i = 0; i < 100; i++) {
				const q = new URLSearchParams();
				if (limit !== undefined) q.set('limit', String(limit));
				if (cursor) q.set('cursor', cursor);
				const r = await call(sim, 'GET', `/v1/bulk/people/${table}?${q.toString()}${extra}`);
				expect(r.status).toBe(200);
				expect(Object.keys(r.json.response_metadata)).toEqual([cursorKey]);
				pages.push(r.json);
				cursor = r.json.response_metadata[cursorKey];
				if (cursor === null) return pages;
			}
			throw new Error('cursor never ended');
		};

		/** Every (employee, row) pair of a walk, in order. */
		const entries = (pages: Awaited<ReturnType<typeof walk>>) =>
			pages.flatMap((p) =>
				p.results.flatMap((r) =>
					r.values.length === 0
						? [`${r.employeeId}|-`]
						: r.values.map((row) => `${r.employeeId}|${(row as { id: number }).id}`),
				),
			);

		// HiBob's reference for GET /bulk/people/work, /lifecycle and /employment: `limit` is "the number of
		// table entries to include on each page" (default 50): pages count rows, not employees.
		it('pages count table entries (default 50): one employee\'s rows continue on the next page', async () => {
			const pages = await walk('lifecycle');
			const all = entries(pages);
			const total = sim.control.listEmployees().reduce((n, e) => n + Math.max(1, sim.control.getEmployee({ employeeId: e.id }).lifecycle.length), 0);
			expect(all).toHaveLength(total);
			expect(new Set(all).size).toBe(total);
			const perPage = pages.map((p) => p.results.reduce((n, r) => n + Math.max(1, r.values.length), 0));
			expect(perPage.slice(0, -1).every((n) => n === 50)).toBe(true);
			expect(pages.length).toBe(Math.ceil(total / 50));
			// Some employee is split: last on one page, first on the next.
			const split = pages.slice(1).filter((p, i) => p.results[0].employeeId === pages[i].results[pages[i].results.length - 1].employeeId);
			expect(split.length).toBeGreaterThan(0);
			const ids = new Set(pages.flatMap((p) => p.results.map((r) => r.employeeId)));
			expect([...ids].sort()).toEqual(sim.control.listEmployees().map((e) => e.id).sort());
		}); // prettier-ignore

		it('limit 1 answers one row per page; an employee with three rows spans three pages', async () => {
			const e = sim.control.listEmployees().find((x) => sim.control.getEmployee({ employeeId: x.id }).lifecycle.length >= 3)!;
			const rows = sim.control.getEmployee({ employeeId: e.id }).lifecycle;
			const pages = await walk('lifecycle', 1, `&employeeIds=${e.id}`);
			expect(pages).toHaveLength(rows.length);
			expect(pages.map((p) => p.results)).toEqual(rows.map((row) => [{ employeeId: e.id, values: [row] }]));
		}); // prettier-ignore

		it('the old reading (bulkPaging: employees) pages by whole employees, each once', async () => {
			sim.control.configure({ bulkPaging: 'employees' });
			try {
				const pages = await walk('lifecycle');
				expect(pages.map((p) => p.results.length)).toEqual([50, 50, 20]);
				const ids = pages.flatMap((p) => p.results.map((r) => r.employeeId));
				expect(new Set(ids).size).toBe(120);
			} finally {
				sim.control.configure({ bulkPaging: 'entries' });
			}
		});

		it('honours limit (1–200) and answers 400 above 200, below 1 or non-numeric', async () => {
			const rows200 = await walk('work', 200);
			expect(rows200.every((p, i) => i === rows200.length - 1 || entries([p]).length === 200)).toBe(true);
			const rows7 = await walk('employment', 7);
			expect(entries(rows7)).toHaveLength(new Set(entries(rows7)).size);
			expect(rows7.slice(0, -1).every((p) => entries([p]).length === 7)).toBe(true);
			for (const limit of ['201', '0', 'abc', '-5']) {
				const r = await call(sim, 'GET', `/v1/bulk/people/work?limit=${limit}`);
				expect(r.status).toBe(400);
				expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
			}
		});

		it('uses the configured cursor key (`cursor` instead of `next_cursor`)', async () => {
			sim.control.configure({ cursorKey: 'cursor' });
			try {
				const pages = await walk('lifecycle', 50, '', 'cursor');
				expect(pages.length).toBeGreaterThan(1);
			} finally {
				sim.control.configure({ cursorKey: 'next_cursor' });
			}
		});

		it('the cursor is opaque and must be URL-encoded: a raw or foreign cursor is a 400', async () => {
			const first = await call(sim, 'GET', '/v1/bulk/people/lifecycle?limit=10');
			const cursor = first.json.response_metadata.next_cursor as string;
			expect(cursor).toMatch(/[+/]/);
			const raw = await call(sim, 'GET', `/v1/bulk/people/lifecycle?limit=10&cursor=${cursor}`);
			expect(raw.status).toBe(400);
			const other = await call(
				sim,
				'GET',
				`/v1/bulk/people/work?limit=10&cursor=${encodeURIComponent(cursor)}`,
			);
			expect(other.status).toBe(400);
			const ok = await call(
				sim,
				'GET',
				`/v1/bulk/people/lifecycle?limit=10&cursor=${encodeURIComponent(cursor)}`,
			);
			expect(ok.status).toBe(200);
			expect(ok.json.results[0].employeeId).not.toBe(first.json.results[0].employeeId);
		});

		it('employeeIds limits the read and reports out-of-scope IDs as MISSING_PERMISSION errors', async () => {
			const [a, b] = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 2 });
			const t = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const scoped = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'employed-only' } });
			const ids = [a.id, t.id, b.id, '1234567890123456789'].join(',');
			const r = await call(sim, 'GET', `/v1/bulk/people/lifecycle?employeeIds=${ids}`, { auth: sim.authHeader(scoped) });
			expect(r.status).toBe(200);
			expect(r.json.results.map((x: { employeeId: string }) => x.employeeId)).toEqual([a.id, b.id]);
			expect(r.json.errors).toEqual([
				{ employeeId: t.id, error: 'MISSING_PERMISSION', message: expect.stringContaining(t.id) },
				{ employeeId: '1234567890123456789', error: 'MISSING_PERMISSION', message: expect.any(String) },
			]);
			expect(r.json.response_metadata).toEqual({ next_cursor: null });
		}); // prettier-ignore

		it('answers 400 for more than 200 employeeIds', async () => {
			const ids = Array.from({ length: 201 }, (_, i) =>
				String(3000000000000000000n + BigInt(i)),
			).join(',');
			expect((await call(sim, 'GET', `/v1/bulk/people/work?employeeIds=${ids}`)).status).toBe(400);
		});

		it('a scoped service user walks only its scope; unknown tables are 404', async () => {
			const scoped = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'employed-only' } });
			const r = await call(sim, 'GET', '/v1/bulk/people/work?limit=200', { auth: sim.authHeader(scoped) });
			const employed = sim.control.listEmployees({ lifecycleStatus: 'employed' });
			expect(r.json.results.map((x: { employeeId: string }) => x.employeeId).sort()).toEqual(employed.map((e) => e.id).sort());
			expect((await call(sim, 'GET', '/v1/bulk/people/lifecycles')).status).toBe(404);
		}); // prettier-ignore
	});
});
