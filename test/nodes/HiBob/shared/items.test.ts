import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../../nodes/HiBob/core/errors';
import { mapItems } from '../../../../nodes/HiBob/shared/items';
import { runExecute } from '../../../harness/n8n';
import { probeNode } from '../../../harness/probeNode';

const credentials = { serviceUserId: 'SERVICE-USER-7', token: 'tok', environment: 'production' };

/** Runs mapItems over three items where the second one has bad input. */
async function run(continueOnFail: boolean) {
	const node = probeNode(
		async (context: IExecuteFunctions) =>
			await mapItems(context, context.getInputData(), async (itemIndex) => {
				if (itemIndex === 1)
					throw new InputError('The date "31.12." is not a date', 'Use 2026-12-31.');
				return { itemIndex };
			}),
	);
	return await runExecute({
		nodeType: node,
		parameters: {},
		credentials,
		items: [{ json: {} }, { json: {} }, { json: {} }],
		...(continueOnFail ? { continueOnFail: true } : {}),
	});
}

describe('mapItems and InputError', () => {
	it('turns an InputError into a NodeOperationError with the hint and the item index', async () => {
		const failure = (await run(false).catch((error: unknown) => error)) as Error & {
			description?: string;
			context?: { itemIndex?: number };
		};
		expect(failure.constructor.name).toBe('NodeOperationError');
		expect(failure.message).toBe('The date "31.12." is not a date');
		expect(failure.description).toBe('Use 2026-12-31.');
		expect(failure.context?.itemIndex).toBe(1);
	});
});

describe('mapItems with continue-on-fail', () => {
	it('keeps the good items, paired, and gives the bad one an error item with the hint', async () => {
		const { output } = await run(true);
		expect(output[0]).toEqual([{ json: { result: expect.anything() }, pairedItem: { item: 0 } }]);
		const result = output[0][0].json.result as Array<{ json: object; pairedItem: object }>;
		expect(result).toEqual([
			{ json: { itemIndex: 0 }, pairedItem: { item: 0 } },
			{
				json: { error: 'The date "31.12." is not a date', description: 'Use 2026-12-31.' },
				pairedItem: { item: 1 },
			},
			{ json: { itemIndex: 2 }, pairedItem: { item: 2 } },
		]);
	});
});
