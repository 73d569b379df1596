import type { INodeProperties } from 'n8n-workflow';

import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import { updateDisplayOptions } from '../../../../nodes/HiBob/shared/displayOptions';

const show = { resource: ['timeOff'], operation: ['createRequest'] };
const plain: INodeProperties = {
	displayName: 'Start Date',
	name: 'startDate',
	type: 'dateTime',
	default: '',
};

describe('updateDisplayOptions', () => {
	it('shows a property without conditions of its own exactly where it is told', () => {
		const [property] = updateDisplayOptions({ show }, [plain]);
		expect(property.displayOptions).toEqual({ show });
		expect(property).toEqual({ ...plain, displayOptions: { show } });
	});

	it("keeps a property's own show condition, after the given ones, in the same key position", () => {
		const limit: INodeProperties = {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			default: 50,
		};
		const [property] = updateDisplayOptions({ show }, [limit]);
		expect(JSON.stringify(property.displayOptions)).toBe(
			'{"show":{"resource":["timeOff"],"operation":["createRequest"],"returnAll":[false]}}',
		);
		// The key stays where the property had it, so a built description keeps its bytes.
		expect(Object.keys(property)).toEqual([
			'displayName',
			'name',
			'type',
			'displayOptions',
			'default',
		]);
		expect(limit.displayOptions).toEqual({ show: { returnAll: [false] } });
	});

	it('keeps a hide condition next to the given show, and merges two hide conditions', () => {
		const [shown, hidden] = updateDisplayOptions({ show, hide: { duration: ['hours'] } }, [
			{ ...plain, displayOptions: { hide: { startPortion: ['morning'] } } },
			plain,
		]);
		expect(shown.displayOptions).toEqual({
			show,
			hide: { duration: ['hours'], startPortion: ['morning'] },
		});
		expect(hidden.displayOptions).toEqual({ show, hide: { duration: ['hours'] } });
		const [ownHide] = updateDisplayOptions({ show }, [
			{ ...plain, displayOptions: { hide: { startPortion: ['morning'] } } },
		]);
		expect(ownHide.displayOptions).toEqual({ show, hide: { startPortion: ['morning'] } });
	});

	it('composes: an inner call narrows, the outer call adds the operation in front', () => {
		const inner = updateDisplayOptions({ show: { employees: ['all'] } }, [
			{ ...plain, displayOptions: { show: { returnAll: [false] } } },
		]);
		const [property] = updateDisplayOptions({ show }, inner);
		expect(Object.keys(property.displayOptions?.show ?? {})).toEqual([
			'resource',
			'operation',
			'employees',
			'returnAll',
		]);
	});

	it('refuses a condition on the same parameter twice rather than losing one of them', () => {
		expect(() =>
			updateDisplayOptions({ show }, [
				{ ...plain, displayOptions: { show: { operation: ['getRequest'] } } },
			]),
		).toThrow('Parameter "startDate" already has a show condition on operation');
	});

	it("gives every HiBob parameter but the resource picker its resource's condition", () => {
		const { properties } = new HiBob().description;
		for (const property of properties) {
			if (property.name === 'resource') continue;
			expect(property.displayOptions?.show?.resource).toHaveLength(1);
			if (property.name !== 'operation')
				expect(Object.keys(property.displayOptions?.show ?? {}).slice(0, 2)).toEqual([
					'resource',
					'operation',
				]);
		}
	});
});
