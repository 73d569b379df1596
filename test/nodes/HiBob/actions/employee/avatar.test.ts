import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { byEmail, byId, failureOf, jsonOf, runEmployee } from './helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee → Set Avatar / Get Avatar', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 20, seed: 5, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const avatarCalls = () => sim.log.entries({ path: '/v1/avatars/' });
	const PHOTO = 'https://avatars.slack-edge.com/2026/amy_512.png';

	it('Set Avatar PUTs {url} once and outputs the URL Bob serves afterwards (its own copy)', async () => {
		const e = employed();
		const result = await runEmployee(sim, { operation: 'setAvatar', employee: byId(e.id), imageUrl: ` ${PHOTO} ` });
		expect(avatarCalls().map((c) => [c.method, c.path, c.body, c.status])).toEqual([['PUT', `/v1/avatars/${e.id}`, { url: PHOTO }, 200], ['GET', `/v1/avatars/${e.id}`, null, 200]]);
		const out = jsonOf(result)[0];
		expect(out).toEqual({ success: true, operation: 'setAvatar', employeeId: e.id, imageUrl: PHOTO, avatarUrl: expect.stringMatching(/^https:\/\/images\./) });
		expect(out.avatarUrl).toMatch(/\/v1\.png/);
	}); // prettier-ignore

	it('Set Avatar finds the employee by work email', async () => {
		const e = employed(1);
		await runEmployee(sim, { operation: 'setAvatar', employee: byEmail(e.email), imageUrl: PHOTO });
		expect(avatarCalls()[0]).toEqual(expect.objectContaining({ method: 'PUT', path: `/v1/avatars/${e.id}` }));
	}); // prettier-ignore

	it.each([
		['no URL', '', /Image URL is empty/],
		['a file path', '/tmp/me.png', /is not an http\(s\) URL/],
		['another scheme', 'ftp://host/me.png', /is not an http\(s\) URL/],
	])('Set Avatar with %s: a clear error and nothing is sent', async (_name, imageUrl, message) => {
		const failure = await failureOf(runEmployee(sim, { operation: 'setAvatar', employee: byId(employed().id), imageUrl }));
		expect(failure.message).toMatch(message);
		expect(sim.log.entries().filter((c) => c.path.startsWith('/v1/'))).toEqual([]);
	}); // prettier-ignore

	it('Set Avatar: HiBob refusing (403 without edit rights on About, 404 unknown employee) is explained', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: '*', editCategories: ['work'], scope: 'all' } });
		const refused = await failureOf(runEmployee(sim, { operation: 'setAvatar', employee: byId(employed().id), imageUrl: PHOTO }, { user: { id: user.id, token: user.token! } }));
		expect(refused.message).toMatch(/refused to change the avatar .*\(403\)/);
		expect(refused.description).toMatch(/About section/);
		const unknown = await failureOf(runEmployee(sim, { operation: 'setAvatar', employee: byId('1234567890123456789'), imageUrl: PHOTO }));
		expect(unknown.message).toMatch(/no employee with ID 1234567890123456789/);
	}); // prettier-ignore

	it('Set Avatar is repeated after a dropped connection (setting the same image is idempotent)', async () => {
		sim.control.injectFault({ kind: 'reset', method: 'PUT', path: '/v1/avatars/' });
		const result = await runEmployee(sim, { operation: 'setAvatar', employee: byId(employed().id), imageUrl: PHOTO });
		expect(avatarCalls().filter((c) => c.method === 'PUT')).toHaveLength(2);
		expect(jsonOf(result)[0].success).toBe(true);
	}); // prettier-ignore

	it('Get Avatar outputs the URL HiBob answers as text', async () => {
		const e = employed();
		const result = await runEmployee(sim, { operation: 'getAvatar', employee: byId(e.id) });
		expect(jsonOf(result)).toEqual([{ employeeId: e.id, avatarUrl: `https://images.hibob.example/avatars/${e.id}/v0.png?Signature=sim0`, hasAvatar: true }]);
	}); // prettier-ignore

	it('Get Avatar: 403 without the About category names the permission', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: ['root', 'work'], scope: 'all' } });
		const failure = await failureOf(runEmployee(sim, { operation: 'getAvatar', employee: byId(employed().id) }, { user: { id: user.id, token: user.token! } }));
		expect(failure.message).toMatch(/refused the avatar .*\(403\)/);
		expect(failure.description).toMatch(/View selected employees' About sections/);
	}); // prettier-ignore
});
