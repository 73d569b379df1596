/**
 * The HiBob Webhook Trigger's parameters. Event values are Bob's own type strings (a public contract:
 * workflows switch on them); other spellings Bob or peers use are accepted on receipt (core/webhook).
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_SET } from '../core/fields';
import { WEBHOOK_EVENT_TYPES } from '../core/webhook';
import { employeeOutputProperty, humanReadableLabelsOption } from '../shared/eventOptions';
import { optionsCollection } from '../shared/optionsCollection';

export const WEBHOOK_PATH = 'hibob';

/** Every employee and table event: what most lifecycle workflows listen to. */
export const DEFAULT_WEBHOOK_EVENTS = WEBHOOK_EVENT_TYPES.filter(
	(type) => type.family === 'employee',
).map((type) => type.value);

export const SETUP_NOTICE =
	'Bob must reach this URL over public HTTPS: set n8n\'s WEBHOOK_URL to its public https:// address (a URL with localhost or 127.0.0.1 cannot be reached from Bob). Then a Bob admin sets the webhook up in Bob: Settings → Integrations → Webhooks → "+ New webhook". Paste this node\'s Production URL (shown above; the Test URL only while you listen for a test event), choose version v2, tick the same events as below, and save. Bob then sends "Ping test", which this node answers. Open the webhook in Bob, copy its secret (token) into a HiBob Webhook API credential (the required Webhook Secret above), and activate this workflow.';

export const webhookProperties: INodeProperties[] = [
	{
		displayName: SETUP_NOTICE,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: WEBHOOK_EVENT_TYPES.map(({ name, value, description }) => ({
			name,
			value,
			description,
		})),
		// Same as DEFAULT_WEBHOOK_EVENTS, spelled out: the lint rule wants a literal array here.
		default: [
			'employee.created',
			'employee.updated',
			'employee.deleted',
			'employee.joined',
			'employee.left',
			'employee.activated',
			'employee.inactivated',
			'employee.temporaryLeave',
			'employee.access.revoked.immediately',
		],
		description:
			'The events that start the workflow (tick the same ones in Bob). Others Bob sends are acknowledged and ignored.',
	},
	{
		displayName: 'Enrich',
		name: 'enrich',
		type: 'boolean',
		default: true,
		description:
			'Whether to read what each event names: the employee, task, time-off request, or the signed document (one or two HiBob reads per event, after Bob has had its answer). Needs the optional HiBob Account for Enrichment (a HiBob API credential); without it, the raw event only.',
	},
	{
		displayName: 'Employee Field Names or IDs',
		name: 'outputFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmployeeFields' },
		default: [DEFAULT_SET],
		description:
			'Fields of the employee to add under "employee" (the fields an update names are always added). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { enrich: [true] } },
	},
	optionsCollection([
		{
			...humanReadableLabelsOption(
				'under employee.humanReadable. HiBob sends them in the same read.',
			),
			default: true,
		},
		employeeOutputProperty,
		{
			displayName: 'Skip Re-Sent Deliveries',
			name: 'deduplicate',
			type: 'boolean',
			default: true,
			description:
				'Whether a delivery Bob sends again (it retries for up to three days) is dropped instead of starting the workflow twice. Off also lets a copy of a signed delivery replayed within four days start the workflow again (deliveries dated older are always ignored). Test runs are never skipped.',
		},
	]),
];
