/**
 * What the HiBob Webhook Trigger does with one request, before any workflow runs: Bob's ping is
 * answered, the signature checked, the events parsed and filtered, re-sent deliveries dropped, and the
 * rest handed to the execution. Nothing here reads HiBob: Bob wants its answer within about 10 seconds,
 * so enrichment happens in the execution (emit.ts), after the 200.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { WebhookEvent } from '../core/webhook';
import { isPing, isSelected, normaliseEvent, parseBody, verifySignature } from '../core/webhook';
import { stringList } from '../core/lists';
import {
	deliveryAgeProblem,
	hasSeen,
	liveKeys,
	MEMORY_MAX_KEYS,
	readMemory,
	RecentKeys,
} from '../core/webhookMemory';
import { clockNow } from '../shared/clock';
import { DEFAULT_WEBHOOK_EVENTS } from './description';

export const WEBHOOK_CREDENTIAL_TYPE = 'hiBobWebhookApi';

/** Where the keys of emitted deliveries live in the node's static data (written by emit.ts). */
export const MEMORY_KEY = 'deliveries';

/**
 * Deliveries this n8n process accepted in the last minutes. The static-data memory only knows a key
 * once its run has ended, and n8n's processed-items store is not atomic between two runs that start
 * together: Bob's duplicates and bursts arrive within milliseconds, so without this both would run.
 */
export const recentDeliveries = new RecentKeys();

export const SIGNATURE_HEADER = 'bob-signature';

/** Bob's ping is `Ping test` or `{"text":"Ping test"}`; a body larger than this is never one. */
export const PING_MAX_BYTES = 256;

/** Messages a caller sees; none of them echoes the body, the header or the secret. */
export const RESPONSES = {
	ping: 'Ping received',
	ignored: 'Event not selected in this trigger; ignored',
	duplicate: 'Delivery already received; ignored',
	stale:
		'Delivery dated outside the accepted window (older than about four days, more than five minutes ahead, or undated); ignored',
	memoryFull:
		'Too many deliveries in the last four days to remember another one; not accepted, send it again later',
	unsigned:
		"Missing or invalid Bob-Signature: the body was not signed with this webhook's secret. Copy the secret from the webhook in Bob (Settings → Integrations → Webhooks) into the HiBob Webhook API credential.",
	invalid: 'The body is not a HiBob v2 event',
	noRawBody: 'The request body could not be read to check its signature',
} as const;

function reply(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	const request = context.getRequestObject() as { rawBody?: unknown; body?: unknown };
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	// n8n keeps the raw bytes for every webhook; a string body is the raw text when it does not.
	if (typeof request.body === 'string') return Buffer.from(request.body, 'utf8');
	return undefined;
}

function eventJson(event: WebhookEvent): IDataObject {
	return { ...event } as unknown as IDataObject;
}

export async function receiveWebhook(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rawBody = rawBodyOf(context);
	if (rawBody === undefined) return reply(context, 400, RESPONSES.noRawBody);

	// Bob pings before the admin can copy the webhook's secret into n8n, so the ping cannot be held to
	// the signature. It carries nothing and starts nothing.
	// Only a tiny body can be the ping: anything larger waits for the signature before it is read.
	if (rawBody.length <= PING_MAX_BYTES && isPing(rawBody))
		return reply(context, 200, RESPONSES.ping);

	const credentials = await context.getCredentials(WEBHOOK_CREDENTIAL_TYPE);
	const secret = typeof credentials.secret === 'string' ? credentials.secret : '';
	const header = context.getHeaderData()[SIGNATURE_HEADER];
	if (!verifySignature(rawBody, header, secret)) return reply(context, 401, RESPONSES.unsigned);

	const parsed = parseBody(rawBody);
	if (parsed.kind === 'invalid')
		return reply(context, 400, `${RESPONSES.invalid}: ${parsed.reason}`);

	const selected = stringList(context.getNodeParameter('events', DEFAULT_WEBHOOK_EVENTS));
	const events = parsed.events
		.filter((envelope) => isSelected(String(envelope.type), selected))
		.map(normaliseEvent);
	if (events.length === 0) return reply(context, 200, RESPONSES.ignored);

	const options = context.getNodeParameter('options', {}) as IDataObject;
	const now = clockNow();
	// A captured delivery replayed later than its key is remembered starts nothing (emit.ts applies the
	// same rule). A test run (manual mode) takes any signed event, so a saved sample can be sent again.
	let fresh =
		context.getMode() === 'manual'
			? events
			: events.filter((event) => deliveryAgeProblem(event.triggeredAt, now) === undefined);
	if (fresh.length === 0) return reply(context, 200, RESPONSES.stale);
	if (options.deduplicate !== false && context.getMode() !== 'manual') {
		const memory = readMemory(context.getWorkflowStaticData('node')[MEMORY_KEY]);
		// Unexpired keys are never dropped to make room: at the ceiling Bob is asked to send it later.
		if (liveKeys(memory, now) >= MEMORY_MAX_KEYS) return reply(context, 503, RESPONSES.memoryFull);
		const scope = `${context.getWorkflow().id ?? ''}:${context.getNode().id}:`;
		fresh = fresh.filter(
			(event) =>
				!hasSeen(memory, event.deliveryKey, now) &&
				recentDeliveries.claim(scope + event.deliveryKey, now),
		);
	}
	if (fresh.length === 0) return reply(context, 200, RESPONSES.duplicate);

	return { workflowData: [fresh.map((event) => ({ json: eventJson(event) }))] };
}
