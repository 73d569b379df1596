/**
 * Time Off → Create Request: `POST /v1/timeoff/employees/{id}/requests`. HiBob answers with no body, so
 * no request ID: the node reads the request changes just before and after submitting, and the one new
 * request with the same employee, duration type and days is the one created (the changes name the
 * policy type only by its display name, which can be a custom name, so it is not compared). HiBob's reads can lag its
 * writes by seconds, so the after-read is repeated a few times; if no single request shows up the output
 * says so plainly (the request was still submitted). Submitting is never repeated by the node.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { stringifyIds } from '../../core/employeeIds';
import { isoUtc } from '../../core/timeOff';
import {
	buildTimeOffRequest,
	matchingRequestIds,
	newRequestId,
	type RequestBody,
} from '../../core/timeOffRequests';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { optionsCollection } from '../../shared/optionsCollection';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { clockSettings } from '../../shared/clock';
import { hiBobRequest, hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { checkRequestsOf, policyTypeProperty, TIME_OFF_PERMISSION } from './requestParameters';
import { listOf, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['createRequest'] };
const forDuration = (...duration: string[]) => ({ show: { duration } });

/** The first or last day of a Days request: a whole day, or only the half of it next to the rest. */
function edgeDayProperty(
	displayName: 'First Day' | 'Last Day',
	name: string,
	half: 'afternoon' | 'morning',
): INodeProperties {
	const halfName = half === 'morning' ? 'Morning' : 'Afternoon';
	return {
		displayName,
		name,
		type: 'options',
		options: [
			{ name: 'All Day', value: 'all_day' },
			{ name: `${halfName} Only`, value: half },
		],
		default: 'all_day',
		description: `Whether the ${displayName.toLowerCase()} is a whole day or only its ${half}`,
		displayOptions: forDuration('days'),
	};
}

/** Waits before each read of the changes after submitting (HiBob's reads lag writes by up to ~20 s). */
const IDENTIFY_WAITS_MS = [0, 2_000, 5_000, 13_000];
/** How far back the changes are read: wide enough for a clock difference between n8n and HiBob. */
const LOOKBACK_MS = 15 * 60_000;

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee the time off is for' }),
	policyTypeProperty('The policy type of the request, e.g. Holiday or Sick'),
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		options: [
			{ name: 'Days', value: 'days', description: 'Whole days; the first and last day may be half days' },
			{ name: 'Hours on One Day', value: 'hours', description: 'Some hours on one day (policy types measured in hours)' },
			{ name: 'Hours Every Day', value: 'hoursOnRange', description: 'The same hours on every day of the range (policy types measured in hours)' },
			{ name: 'Mornings or Afternoons', value: 'portionOnRange', description: 'Every morning or every afternoon of the range' },
		],
		default: 'days',
	}, // prettier-ignore
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: "The first day off, a calendar date (in the workflow's time zone)",
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The last day off (inclusive); the same as Start Date for one day',
		displayOptions: forDuration('days', 'hoursOnRange', 'portionOnRange'),
	},
	edgeDayProperty('First Day', 'startPortion', 'afternoon'),
	edgeDayProperty('Last Day', 'endPortion', 'morning'),
	{
		displayName: 'Part of Each Day',
		name: 'dayPortion',
		type: 'options',
		options: [
			{ name: 'Morning', value: 'morning' },
			{ name: 'Afternoon', value: 'afternoon' },
		],
		default: 'morning',
		displayOptions: forDuration('portionOnRange'),
	},
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 23 },
		default: 1,
		description: 'Whole hours (per day for Hours Every Day)',
		displayOptions: forDuration('hours', 'hoursOnRange'),
	},
	{
		displayName: 'Minutes',
		name: 'minutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 59 },
		default: 0,
		description: 'Minutes on top of the hours',
		displayOptions: forDuration('hours', 'hoursOnRange'),
	},
	optionsCollection([
		{
			displayName: 'Approver ID',
			name: 'approver',
			type: 'string',
			default: '',
			description:
				'With Skip Approval: the employee ID recorded as approver (the service user needs the "import time off" permission)',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'The reason, as the employee would write it',
		},
		{
			displayName: 'Reason Code Name or ID',
			name: 'reasonCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTimeOffReasonCodes', loadOptionsDependsOn: ['policyType'] },
			default: '',
			description: 'A reason code of the policy type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Skip Approval',
			name: 'skipApproval',
			type: 'boolean',
			default: false,
			description: 'Whether to create the request approved, without the approval flow (admins only)',
		},
	]), // prettier-ignore
]);

async function matchingIds(
	context: IExecuteFunctions,
	itemIndex: number,
	sinceMs: number,
	employeeId: string,
	body: RequestBody,
): Promise<string[]> {
	const path = '/v1/timeoff/requests/changes';
	const answer = await hiBobRequest(context, {
		method: 'GET',
		path,
		qs: { since: isoUtc(sinceMs), includePending: true },
		itemIndex,
	});
	return matchingRequestIds(listOf(context, answer, 'changes', path, itemIndex), employeeId, body);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = readEmployeeParameter(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const duration = this.getNodeParameter('duration', itemIndex, 'days') as string;
		const param = (name: string, fallback: unknown) =>
			this.getNodeParameter(name, itemIndex, fallback);
		const body = buildTimeOffRequest({
			policyType: param('policyType', ''),
			duration,
			startDate: param('startDate', ''),
			endDate: duration === 'hours' ? undefined : param('endDate', ''),
			startPortion: duration === 'days' ? param('startPortion', 'all_day') : undefined,
			endPortion: duration === 'days' ? param('endPortion', 'all_day') : undefined,
			dayPortion: duration === 'portionOnRange' ? param('dayPortion', 'morning') : undefined,
			hours: duration.startsWith('hours') ? param('hours', 1) : undefined,
			minutes: duration.startsWith('hours') ? param('minutes', 0) : undefined,
			description: options.description,
			reasonCode: options.reasonCode,
			skipApproval: options.skipApproval,
			approver: options.approver,
		}); // prettier-ignore
		const { clock } = clockSettings;
		const sinceMs = clock.now() - LOOKBACK_MS;
		const before = await matchingIds(this, itemIndex, sinceMs, employeeId, body);
		await explainStatus(
			this,
			itemIndex,
			{
				400: { message: 'HiBob refused the time-off request (400)', description: 'Check the policy type (days or hours), the dates, the portions and the reason code against what HiBob said. Nothing was created.' },
				403: { message: `HiBob refused to create time off for employee ${employeeId} (403)`, description: TIME_OFF_PERMISSION },
				404: unknownEmployee(employeeId),
			},
			async () =>
				await hiBobWrite(this, {
					method: 'POST',
					path: `/v1/timeoff/employees/${employeeId}/requests`,
					body,
					write: { idempotent: false, checkInBob: checkRequestsOf(employeeId) },
					itemIndex,
				}),
		); // prettier-ignore
		// The request is submitted now: a failed read from here on must not fail the item (running it
		// again would submit a second request), so it ends the search instead.
		let candidates: string[] = [];
		let readFailure: string | undefined;
		for (const waitMs of IDENTIFY_WAITS_MS) {
			if (waitMs > 0) await clock.sleep(waitMs);
			try {
				const found = newRequestId(
					before,
					await matchingIds(this, itemIndex, sinceMs, employeeId, body),
				);
				candidates = found.candidates;
				if (found.id) {
					const request = await hiBobRequest(this, {
						method: 'GET',
						path: `/v1/timeoff/employees/${employeeId}/requests/${found.id}`,
						itemIndex,
					});
					return { identified: true, ...(stringifyIds(request) as IDataObject) };
				}
			} catch (error) {
				readFailure = (error as Error).message;
				break;
			}
			if (candidates.length > 1) break;
		}
		return {
			identified: false,
			submitted: true,
			employeeId,
			...body,
			...(candidates.length > 1 ? { candidateRequestIds: candidates } : {}),
			message:
				candidates.length > 1
					? `HiBob accepted the request, but ${candidates.length} new requests match it (${candidates.join(', ')}), so the node cannot tell which one it created. Check ${checkRequestsOf(employeeId)}.`
					: readFailure
						? `HiBob accepted the request, but reading it back failed (${readFailure}). Do not submit it again: check ${checkRequestsOf(employeeId)}.`
						: `HiBob accepted the request, but its answer has no request ID and the new request did not appear in HiBob's request changes within ${IDENTIFY_WAITS_MS.reduce((a, b) => a + b, 0) / 1000} s. Do not submit it again: check ${checkRequestsOf(employeeId)}.`,
		};
	});
}

export const createRequest: HiBobOperation = { description, execute };
