/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test: node:util detects Proxies that n8n wraps static data in */
/**
 * The fast paths (column readers, unchanged-row fast path, column reuse, arithmetic IDs) keep to what the
 * stored state promises: a quiet poll reuses the stored columns, n8n's change-tracking Proxies change
 * nothing, IDs round-trip. The events themselves are checked against recorded results in golden.test.ts.
 */
import { types } from 'node:util';

import type { IDataObject } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type { LifecycleSnapshot } from '../../../../../nodes/HiBob/core/lifecycle';
import {
	decodeEmployeeId,
	encodeEmployeeId,
} from '../../../../../nodes/HiBob/core/lifecycle/snapshot';
import { mulberry32 } from '../../../../simulator/util';
import { generateCompany } from './companyGenerator';
import { mutate } from './pollSequences';

describe('stored data as n8n hands it over', () => {
	const context = { today: '2026-03-31', detectedAt: '2026-03-31T06:00:00.000Z' };

	it('a quiet poll reuses the stored columns instead of encoding them again', () => {
		const employees = generateCompany(200, 3);
		const first = diffLifecycle(undefined, employees, context);
		const stored = JSON.parse(JSON.stringify(first.nextSnapshot)) as LifecycleSnapshot;
		// Store one dictionary column as plain strings: equivalent, but not what the encoder would pick.
		const index = stored.o.findIndex((column) => column.f === 'work.department');
		const column = stored.o[index];
		if (column.k !== 'd') throw new Error('expected a dictionary column');
		stored.o[index] = {
			f: column.f,
			k: 's',
			v: column.v.map((at) => (at === -1 ? 0 : (column.d[at] as string | null))),
		};
		const quiet = diffLifecycle(stored, employees, context);
		expect(quiet.events).toEqual([]);
		expect(quiet.nextSnapshot?.o[index]).toEqual(stored.o[index]);
		// A change in that column encodes it again, smallest form first.
		const moved = employees.map((employee, at) =>
			at === 5
				? { ...employee, values: { ...employee.values, 'work.department': 'moved' } }
				: employee,
		);
		expect(diffLifecycle(stored, moved, context).nextSnapshot?.o[index].k).toBe('d');
	});

	it('change-tracking Proxies (n8n ObservableObject) give the same result, and none is stored again', () => {
		const employees = generateCompany(120, 4);
		const first = diffLifecycle(undefined, employees, context);
		const json = JSON.stringify(first.nextSnapshot);
		const changed = employees.map((employee, at) =>
			at % 10 === 0 ? mutate(employee, mulberry32(at), context.today) : employee,
		);
		for (const people of [employees, changed]) {
			const wrapped = ObservableObject.create({
				snapshot: JSON.parse(json) as IDataObject,
			}).snapshot;
			const plain = diffLifecycle(JSON.parse(json), people, context);
			const proxied = diffLifecycle(wrapped, people, context);
			expect(proxied).toEqual(plain);
			const proxies: string[] = [];
			const visit = (value: unknown, path: string) => {
				if (value === null || typeof value !== 'object') return;
				if (types.isProxy(value)) proxies.push(path);
				for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
			};
			visit(proxied.nextSnapshot, 'nextSnapshot');
			expect(proxies).toEqual([]);
		}
	});
});

describe('employee ID codec without BigInt', () => {
	function referenceEncode(id: string): string {
		if (!/^[1-9]\d{0,18}$/.test(id)) return `~${id}`;
		const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
		let number = BigInt(id);
		let encoded = '';
		while (number > 0n) {
			encoded = digits[Number(number % 62n)] + encoded;
			number /= 62n;
		}
		return encoded;
	}

	it('matches BigInt on random IDs of every length up to 19 digits, and keeps longer ones raw', () => {
		const next = mulberry32(11);
		const mismatches: string[] = [];
		for (let length = 1; length <= 24; length++) {
			for (let sample = 0; sample < 200; sample++) {
				let id = String(1 + Math.floor(next() * 9));
				while (id.length < length) id += String(Math.floor(next() * 10));
				const encoded = encodeEmployeeId(id);
				if (encoded !== referenceEncode(id)) mismatches.push(`${id} → ${encoded}`);
				if (decodeEmployeeId(encoded) !== id) mismatches.push(`${encoded} ↩ ${id}`);
			}
		}
		for (const edge of ['9999999999999999999', '1000000000000000000', '999999999', '1000000000'])
			if (decodeEmployeeId(encodeEmployeeId(edge)) !== edge) mismatches.push(edge);
		expect(mismatches).toEqual([]);
	});

	it.each([
		['zzzzzzzzzzz'],
		['00A'],
		['0'],
		['zzzzzzzzzzzz'],
		['a-b'],
		[''],
		['~1'],
		['~x'],
		['A'],
	])('decodes %p only if it is what the encoder writes for that ID', (encoded) => {
		const id = decodeEmployeeId(encoded);
		if (id !== undefined) expect(encodeEmployeeId(id)).toBe(encoded);
		expect(id).toBe({ '~x': 'x', A: '10' }[encoded]);
	});
});
