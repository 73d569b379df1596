import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { assertSameOrigin, resolveBaseUrl } from '../nodes/HiBob/core/baseUrl';

/** What the credential test tells people, one message per way HiBob setups go wrong. */
export const CREDENTIAL_TEST_MESSAGES = {
	unauthorized:
		'HiBob rejected the service user ID or token (401). Check both, and check that Environment matches where the service user was created: a sandbox service user only works against the sandbox, a production one only against production.',
	forbidden:
		'HiBob refused access (403). Add the service user to a permission group in Bob (Settings → Permission groups), or, if your account restricts API access by IP, allow the address n8n calls from.',
	notHiBob:
		'The server answered, but not like the HiBob API. Check the Environment, and for Custom the Base URL (e.g. https://api.hibob.com).',
	redirected:
		"The server answered with a redirect. The credential never follows redirects, so the token stays with this Environment or Base URL; HiBob's API does not redirect. Check the Environment, and for Custom the Base URL and any proxy in front of it (e.g. https://api.hibob.com).",
	noEmployees:
		'The credentials work, but this service user can see no employees. In Bob, add the service user to a permission group that grants People\'s data → "View" on Basic info (plus Work and Lifecycle for the trigger), and set "Whose data can members access" to include everyone, not only Employed people.',
} as const;

export class HiBobApi implements ICredentialType {
	name = 'hiBobApi';

	displayName = 'HiBob API';

	icon: Icon = {
		light: 'file:../nodes/HiBob/hibob.svg',
		dark: 'file:../nodes/HiBob/hibob.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-hibob/n8n-nodes-hibob/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'Use a HiBob service user (Bob → Settings → Integrations → Service users). HiBob shut off the old per-employee "API access token" in 2025; if you still hold one, create a service user instead and add it to a permission group.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Service User ID',
			name: 'serviceUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. SERVICE-12345',
			description: 'The ID Bob shows when you create the service user',
		},
		{
			displayName: 'Service User Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token Bob shows once when you create the service user',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.hibob.com' },
				{ name: 'Sandbox', value: 'sandbox', description: 'https://api.sandbox.hibob.com' },
				{ name: 'Custom', value: 'custom', description: 'Another base URL (https only)' },
			],
			default: 'production',
			description:
				'Where the service user was created. Sandbox service users only work against the sandbox.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.hibob.com',
			description:
				'Must start with https:// (plain http only for localhost, 127.0.0.1 and [::1]). A trailing /v1 is ignored.',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * HTTP Basic with service user ID and token. A function rather than the generic form so that every
	 * request made with this credential — the node's, the credential test, and the HTTP Request node's
	 * "Predefined Credential Type" — is checked before the token is attached:
	 * - it must go to the credential's own origin (its Environment, or the Custom Base URL). The origin
	 *   is taken from the credential alone: a base URL or absolute URL a request brings is checked
	 *   against it, never trusted; anything else is refused without being sent;
	 * - redirects are not followed, so no 30x answer can carry the token elsewhere.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const own = resolveBaseUrl(credentials);
		// n8n's request helpers take `url`; the HTTP Request node's older request format takes `uri`.
		const legacy = requestOptions as IHttpRequestOptions & { uri?: unknown };
		const target =
			typeof requestOptions.url === 'string' && requestOptions.url !== ''
				? requestOptions.url
				: typeof legacy.uri === 'string'
					? legacy.uri
					: '';
		assertSameOrigin(target, requestOptions.baseURL, own);
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? own,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			// The older request format's own switches for the same.
			followRedirect: false,
			followAllRedirects: false,
			auth: {
				username: String(credentials.serviceUserId ?? ''),
				password: String(credentials.token ?? ''),
			},
		} as IHttpRequestOptions;
	}

	/**
	 * One people search for a single field: 401/403 fail with what to fix, and a 200 with no employees
	 * fails too, because HiBob answers that way for a service user outside every permission group or
	 * limited to people it cannot see. Field metadata would pass in both cases.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/v1/people/search',
			body: { fields: ['root.id'], showInactive: true },
			headers: { Accept: 'application/json' },
			json: true,
		},
		// n8n's tester walks one list and checks each rule by its type (credentials-tester.service), but the
		// typing allows one rule type per list: the cast states the mix that the runtime supports.
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: CREDENTIAL_TEST_MESSAGES.unauthorized },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: CREDENTIAL_TEST_MESSAGES.forbidden },
			},
			// Redirects are not followed (see authenticate): each redirect status gets the same message.
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode',
				properties: { value, message: CREDENTIAL_TEST_MESSAGES.redirected },
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'employees',
					value: undefined,
					message: CREDENTIAL_TEST_MESSAGES.notHiBob,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'employees.length',
					value: 0,
					message: CREDENTIAL_TEST_MESSAGES.noEmployees,
				},
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
