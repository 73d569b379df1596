import {
	DEFAULT_WATCHED_FIELDS,
	lifecycleFieldIds,
} from '../../../../../nodes/HiBob/core/lifecycle';
import {
	configurationFingerprint,
	resolveLifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle/options';

const LIFECYCLE = [
	'internal.lifecycleStatus',
	'internal.status',
	'internal.terminationDate',
	'work.startDate',
];

describe('lifecycleFieldIds', () => {
	it('asks for root.id, the lifecycle and identity fields and the default watched fields', () => {
		expect(lifecycleFieldIds()).toEqual([
			'root.id',
			...[...LIFECYCLE, ...DEFAULT_WATCHED_FIELDS, 'root.email', 'root.displayName']
				.filter((field, index, all) => all.indexOf(field) === index)
				.sort(),
		]);
	});

	it('replaces the watched fields, keeps what the rules and event identity need', () => {
		expect(lifecycleFieldIds({ watchedFields: ['work.custom.field_123', 'work.title'] })).toEqual([
			'root.id',
			'internal.lifecycleStatus',
			'internal.status',
			'internal.terminationDate',
			'root.displayName',
			'root.email',
			'work.custom.field_123',
			'work.startDate',
			'work.title',
		]);
	});

	it.each([[-1], [1.5], [Number.NaN]])('rejects leadDays %p', (leadDays) => {
		expect(() => lifecycleFieldIds({ leadDays })).toThrow(RangeError);
	});
});

describe('configurationFingerprint', () => {
	const fingerprint = (options: Parameters<typeof resolveLifecycleOptions>[0]) =>
		configurationFingerprint(resolveLifecycleOptions(options));

	it.each([
		['watched fields', { watchedFields: ['work.title'] }, true],
		['scope (filters)', { scope: 'department=1' }, true],
		[
			'watched fields in another order',
			{ watchedFields: [...DEFAULT_WATCHED_FIELDS].reverse() },
			false,
		],
		['lead days', { leadDays: 30 }, false],
		['event selection', { events: ['employeeStarted' as const] }, false],
		['emitExistingOnFirstRun', { emitExistingOnFirstRun: true }, false],
	])('%s: changes it = %p', (_name, options, changes) => {
		expect(fingerprint(options) !== fingerprint({})).toBe(changes);
	});
});
