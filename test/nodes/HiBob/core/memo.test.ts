import { memoPerContext } from '../../../../nodes/HiBob/core/memo';

describe('memoPerContext', () => {
	it('loads once per context and shares the pending answer', async () => {
		const cache = new WeakMap<object, Promise<string>>();
		const [first, second] = [{}, {}];
		let loads = 0;
		const load = async () => `answer ${++loads}`;
		const a = memoPerContext(cache, first, load);
		const b = memoPerContext(cache, first, load);
		expect(b).toBe(a);
		expect(await a).toBe('answer 1');
		expect(await memoPerContext(cache, first, load)).toBe('answer 1');
		expect(await memoPerContext(cache, second, load)).toBe('answer 2');
		expect(loads).toBe(2);
	});

	it('forgets a failed load, so the next call tries again', async () => {
		const cache = new WeakMap<object, Promise<string>>();
		const context = {};
		let loads = 0;
		const load = async () => {
			loads++;
			if (loads === 1) throw new Error('first load fails');
			return 'ok';
		};
		await expect(memoPerContext(cache, context, load)).rejects.toThrow('first load fails');
		expect(await memoPerContext(cache, context, load)).toBe('ok');
		expect(await memoPerContext(cache, context, load)).toBe('ok');
		expect(loads).toBe(2);
	});
});
