/**
 * No path walk reaches an object's prototype: every writer and reader refuses `__proto__`,
 * `constructor` and `prototype` segments and follows own properties only, and HiBob's field metadata
 * is checked where it is read. Each entry point is run with a hostile path, then the process is checked
 * for `Object.prototype.polluted`.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { fullEmployee } from '../../nodes/HiBob/actions/employee/shared';
import { FieldIndex, parseFieldMetadata } from '../../nodes/HiBob/core/fields';
import { deleteAtPath, isSafePath, setAtPath } from '../../nodes/HiBob/core/json';
import { flatValues, readField, readLabel, withoutSlashKeys } from '../../nodes/HiBob/core/people';
import { nestedBody } from '../../nodes/HiBob/core/update';
import { updatedFieldIds } from '../../nodes/HiBob/core/webhook';
import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { nestValues, projectEmployee } from '../../nodes/HiBob/trigger/output';
import { useFastClock } from '../harness/fastClock';
import { runExecute } from '../harness/n8n';

useFastClock();

const HOSTILE = [
	'__proto__.polluted',
	'constructor.prototype.polluted',
	'work.__proto__.polluted',
	'prototype.polluted',
];

const polluted = () => (({}) as Record<string, unknown>).polluted;

afterEach(() => {
	// A failing test must not leave the rest of the run polluted.
	delete (Object.prototype as Record<string, unknown>).polluted;
});

const field = (id: string, jsonPath: string) => ({
	id,
	name: id,
	categoryId: 'root',
	categoryDisplayName: 'Root',
	jsonPath,
	type: 'text',
	historical: false,
});

describe('the path helper (core/json)', () => {
	it.each(HOSTILE)('setAtPath refuses %p and writes nothing', (path) => {
		const target: Record<string, unknown> = {};
		expect(setAtPath(target, path, 'x')).toBe(false);
		expect(polluted()).toBeUndefined();
		expect(target).toEqual({});
	});

	it('setAtPath still builds nested objects, and a key holding a non-object is replaced', () => {
		const target: Record<string, unknown> = { work: 'flat' };
		expect(setAtPath(target, 'work.site', 'Berlin')).toBe(true);
		expect(setAtPath(target, 'payroll.variable.Executive bonus.amount', 5)).toBe(true);
		expect(target).toEqual({
			work: { site: 'Berlin' },
			payroll: { variable: { 'Executive bonus': { amount: 5 } } },
		});
	});

	it('deleteAtPath cannot remove a member of Object.prototype', () => {
		const original = Object.prototype.hasOwnProperty;
		deleteAtPath({}, '__proto__.hasOwnProperty');
		deleteAtPath({ work: {} }, 'work.constructor.prototype.hasOwnProperty');
		expect(Object.prototype.hasOwnProperty).toBe(original);
	});

	it('refuses empty segments and control characters, allows spaces inside a segment', () => {
		for (const path of ['', '.a', 'a.', 'a..b', 'a.\nb', 'a. b', ...HOSTILE])
			expect(isSafePath(path)).toBe(false);
		for (const path of ['root.email', 'work.custom.field_1711886937296', 'a.Executive bonus.b'])
			expect(isSafePath(path)).toBe(true);
	});
});

describe('every entry point', () => {
	it.each(HOSTILE)('update body (nestedBody) with a metadata jsonPath %p: refused, nothing set', (path) => {
		const index = new FieldIndex([field('root.nickname', path)]);
		expect(() => nestedBody({ 'root.nickname': 'set-by-workflow' }, index)).toThrow(
			/cannot be written/,
		);
		expect(polluted()).toBeUndefined();
	});

	it('readers do not follow __proto__ (readField, readLabel, flatValues)', () => {
		const employee = { id: '1', humanReadable: {} };
		expect(readField(employee, '__proto__.toString')).toBeUndefined();
		expect(readField(employee, 'constructor.name')).toBeUndefined();
		expect(readLabel(employee, '__proto__.toString')).toBeUndefined();
		const index = new FieldIndex([field('root.x', '__proto__.toString')]);
		expect(readField(employee, 'root.x', index)).toBeUndefined();
		expect(flatValues(employee, ['root.x', 'constructor.name'], index)).toEqual({
			'root.x': undefined,
			'constructor.name': undefined,
		});
	});

	it('readers follow own properties only, including a "__proto__" key JSON.parse made', () => {
		const employee = JSON.parse('{"__proto__": {"polluted": "from-answer"}, "work": {}}') as IDataObject;
		expect(readField(employee, '__proto__.polluted')).toBeUndefined();
		expect(readField(employee, 'work.toString')).toBeUndefined();
		const copy = withoutSlashKeys(employee);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect((copy as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('trigger output (projectEmployee, nestValues): a slash key in the answer reaches nothing', () => {
		const raw = { '/__proto__/polluted': { value: 'from-answer' }, id: '1' };
		projectEmployee(raw, ['root.id', '__proto__.polluted'], true);
		nestValues({ '__proto__.polluted': 'stored', 'constructor.prototype.polluted': 'stored' });
		expect(polluted()).toBeUndefined();
	});

	it('Get / Get Many "Full" output: a metadata jsonPath cannot delete Object.prototype members', () => {
		const original = Object.prototype.hasOwnProperty;
		const index = new FieldIndex([
			field('root.id', 'id'),
			field('root.x', '__proto__.hasOwnProperty'),
		]);
		for (const replaceLabels of [false, true])
			fullEmployee(
				{ id: '1' },
				{ outputFieldIds: ['root.id', 'root.x'], requestedFieldIds: ['root.id', 'root.x'] },
				index,
				replaceLabels,
			);
		fullEmployee(
			{ id: '1' },
			{ outputFieldIds: ['root.id'], requestedFieldIds: ['root.id', 'root.x'] },
			index,
			false,
		);
		expect(Object.prototype.hasOwnProperty).toBe(original);
		expect(polluted()).toBeUndefined();
	});

	it('field metadata: a hostile jsonPath falls back to the ID\'s path, a hostile ID is skipped', () => {
		const fields = parseFieldMetadata([
			{ id: 'root.nickname', jsonPath: '__proto__.polluted', type: 'text' },
			{ id: 'work.title', jsonPath: 'work..title' },
			{ id: '__proto__.polluted', jsonPath: 'x' },
			{ id: 'constructor.prototype', jsonPath: 'y' },
			{ id: 'payroll.variable.Executive bonus.amount' },
		]);
		expect(fields.map((entry) => [entry.id, entry.jsonPath])).toEqual([
			['root.nickname', 'nickname'],
			['work.title', 'work.title'],
			['payroll.variable.Executive bonus.amount', 'payroll.variable.Executive bonus.amount'],
		]);
	});

	it("webhook field updates: IDs with spaces are kept, prototype segments are not", () => {
		expect(
			updatedFieldIds({
				fieldUpdates: [
					'payroll.variable.Executive bonus.amount',
					{ fieldId: 'work.department' },
					'__proto__.polluted',
					{ fieldId: 'constructor.prototype.polluted' },
					'work..x',
					'single',
				],
			}),
		).toEqual(['payroll.variable.Executive bonus.amount', 'work.department']);
	});
});

describe('end to end: Employee → Update through the real ExecuteContext with hostile metadata', () => {
	const ORIGIN = 'https://api.hibob.com';
	const EMPLOYEE = '3332883884017713238';
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	it('writes the mapped value where the field ID says, and Object.prototype stays clean', async () => {
		const puts: unknown[] = [];
		nock(ORIGIN)
			.persist()
			.get('/v1/company/people/fields')
			.reply(200, [
				{ id: 'root.nickname', name: 'Nickname', jsonPath: '__proto__.polluted', type: 'text' },
				{ id: 'root.middleName', name: 'Middle', jsonPath: 'constructor.prototype.polluted', type: 'text' },
			])
			.get('/v1/company/named-lists')
			.query(true)
			.reply(200, {})
			.put(`/v1/people/${EMPLOYEE}`, (body) => {
				puts.push(body);
				return true;
			})
			.reply(200, {})
			.post('/v1/people/search')
			.reply(200, {
				employees: [
					{
						id: EMPLOYEE,
						nickname: 'set-by-workflow-input',
						middleName: 'also',
						'/__proto__/polluted': { value: 'from-read-back' },
					},
				],
			});
		const result = await runExecute({
			nodeType: new HiBob(),
			parameters: {
				resource: 'employee',
				operation: 'update',
				employee: { __rl: true, mode: 'id', value: EMPLOYEE },
				updateFields: {
					mappingMode: 'defineBelow',
					value: { root__nickname: 'set-by-workflow-input', root__middleName: 'also' },
				},
			},
			credentials: { serviceUserId: 'SERVICE-1', token: 'test token 123456', environment: 'production' },
		});
		expect(polluted()).toBeUndefined();
		expect(result.output[0]).toHaveLength(1);
		expect(puts).toEqual([{ nickname: 'set-by-workflow-input', middleName: 'also' }]);
	}); // prettier-ignore
});
