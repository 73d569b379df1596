/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- browser test tooling (never shipped): drives Chromium, writes screenshots */
/**
 * The editor as a person meets it, in a real browser (Debian's Chromium, playwright-core) against a
 * real n8n 2.41 and the HiBob simulator: a new workflow; the HiBob Trigger with Events, Watched Fields,
 * Output Fields and Filters → Field each opened and a value picked; the HiBob node with Employee → Get
 * (a person searched by name in "From List") and Get Many (chosen Fields, a filter on a department by
 * its label), both executed. The output must show the person; no error toast may appear and no
 * dynamic-list request may fail. A screenshot of every step lands in .cache/browser-test/.
 *
 * Waits are on selectors (never fixed sleeps), with generous timeouts for a loaded 2-core machine.
 * `EDITOR_N8N_URL` + `EDITOR_SIM_URL` point it at an n8n and simulator already running (with the
 * harness owner and one HiBob credential) instead of starting its own.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Locator, Page, Response } from 'playwright-core';

import {
	CHROMIUM,
	CHROMIUM_FLAGS,
	ensureChromium,
	loadPlaywright,
} from '../../../tools/screenshots/screenshots';
import { CACHE_DIR } from '../harness/host';
import { OWNER } from '../harness/n8n';
import type { SimEmployee } from '../harness/simulator';
import { SERVICE_USER, startStack, type Stack } from './stack';

const OUT_DIR = join(CACHE_DIR, 'browser-test');
const STEP_TIMEOUT = Number(process.env.EDITOR_STEP_TIMEOUT ?? 60000);

interface Target {
	baseUrl: string;
	employees(): Promise<SimEmployee[]>;
	/** The employee's department label (e.g. "Engineering"). */
	departmentOf(employeeId: string): Promise<string>;
	stop(): Promise<void>;
}

async function simControl<T>(simUrl: string, method: string, arg?: unknown): Promise<T> {
	const res = await fetch(`${simUrl}/__control/${method}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(arg ?? {}),
	});
	if (!res.ok) throw new Error(`simulator ${method}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

async function startTarget(): Promise<Target> {
	let stack: Stack | undefined;
	let baseUrl = process.env.EDITOR_N8N_URL;
	let simUrl = process.env.EDITOR_SIM_URL;
	if (!baseUrl || !simUrl) {
		stack = await startStack();
		baseUrl = stack.n8n.baseUrl;
		simUrl = stack.sim.url;
	}
	const sim = simUrl;
	return {
		baseUrl,
		employees: async () => await simControl<SimEmployee[]>(sim, 'listEmployees'),
		departmentOf: async (employeeId) => {
			// the label as HiBob shows it (humanReadable), read the way the node reads it
			const res = await fetch(`${sim}/v1/people/search`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Basic ${Buffer.from(`${SERVICE_USER.id}:${SERVICE_USER.token}`).toString('base64')}`,
				},
				body: JSON.stringify({
					fields: ['root.id', 'work.department'],
					filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employeeId] }],
					humanReadable: 'APPEND',
					showInactive: true,
				}),
			});
			const body = (await res.json()) as {
				employees: Array<{ humanReadable?: { work?: { department?: string } } }>;
			};
			const label = body.employees[0]?.humanReadable?.work?.department;
			if (!label) throw new Error(`no department label for ${employeeId}`);
			return label;
		},
		stop: async () => await stack?.stop(),
	};
}

describe('the HiBob nodes in the real editor (Chromium)', () => {
	let target: Target;
	let context: BrowserContext;
	let page: Page;
	let profile: string;
	let shot = 0;
	const failedRequests: string[] = [];
	/** Dynamic-list requests the editor has sent and not yet seen answered. */
	const inFlight = new Set<string>();
	const toasts: string[] = [];

	beforeAll(async () => {
		ensureChromium();
		const playwright = await loadPlaywright();
		rmSync(OUT_DIR, { recursive: true, force: true });
		mkdirSync(OUT_DIR, { recursive: true });
		target = await startTarget();
		profile = mkdtempSync(join(tmpdir(), 'n8n-hibob-browser-'));
		context = await playwright.chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 1440, height: 900 },
			locale: 'en-US',
			timezoneId: 'UTC',
		});
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(STEP_TIMEOUT);
		page.on('request', (request) => {
			if (request.url().includes('/rest/dynamic-node-parameters/')) inFlight.add(request.url());
		});
		page.on('requestfinished', (request) => inFlight.delete(request.url()));
		page.on('requestfailed', (request) => inFlight.delete(request.url()));
		page.on('response', (response: Response) => {
			if (response.url().includes('/rest/dynamic-node-parameters/') && response.status() >= 400)
				failedRequests.push(`${response.status()} ${response.url()}`);
		});
	}, 600000);

	afterAll(async () => {
		await context?.close();
		if (profile) rmSync(profile, { recursive: true, force: true });
		await target?.stop();
	});

	/** Runs one step; a screenshot afterwards (or of the failure), and the toasts it raised. */
	async function step(name: string, action: () => Promise<void>): Promise<void> {
		const file = join(OUT_DIR, `${String(++shot).padStart(2, '0')}-${name}.png`);
		try {
			await action();
		} catch (error) {
			await page.screenshot({ path: file.replace(/\.png$/, '-FAILED.png') }).catch(() => {});
			throw new Error(`browser step "${name}" failed: ${(error as Error).message}`);
		}
		for (const toast of await page.locator('.el-notification').all())
			toasts.push(`${name}: ${(await toast.innerText().catch(() => '')).replace(/\s+/g, ' ')}`);
		await page.screenshot({ path: file });
	}

	const ndv = () => page.locator('[data-test-id="ndv"]');
	const parameter = (name: string) =>
		ndv().locator(`[data-test-id="parameter-input-${name}"]`).first();

	/** Opens an options / multi-options dropdown, types `search`, clicks the option named `option`. */
	async function pick(field: Locator, search: string, option: string | RegExp): Promise<void> {
		const input = field.locator('input').first();
		await input.scrollIntoViewIfNeeded();
		await input.click();
		await input.fill(search);
		const items = page.locator('.el-select-dropdown__item:visible, .el-select-dropdown__option-item:visible'); // prettier-ignore
		const item = items.filter({ hasText: option }).first();
		try {
			await item.waitFor({ state: 'visible' });
		} catch (error) {
			const shown = (await items.allInnerTexts()).slice(0, 10).join(' | ');
			throw new Error(`no option ${String(option)} after typing "${search}" (shown: ${shown || 'none'}; failed requests: ${failedRequests.join(', ') || 'none'}): ${(error as Error).message}`); // prettier-ignore
		}
		await item.click();
	}

	/**
	 * Waits until a dropdown whose options load from HiBob is enabled (n8n disables it while they load).
	 * Now and then n8n's editor leaves one disabled after a parameter change; `retrigger` changes a
	 * parameter again so the editor loads the options anew (up to three times).
	 */
	async function whenEnabled(field: Locator, retrigger: () => Promise<void>): Promise<void> {
		const input = field.locator('input').first();
		for (let attempt = 1; attempt <= 3; attempt++) {
			const handle = await input.elementHandle();
			const enabled = await page
				.waitForFunction(
					(element) => !(element as { disabled?: boolean } | null)?.disabled,
					handle,
					{
						timeout: STEP_TIMEOUT / 3,
					},
				)
				.then(() => true)
				.catch(() => false);
			if (enabled) return;
			if (attempt < 3) await retrigger();
		}
		throw new Error(`the dropdown stayed disabled: its options never finished loading (in flight: ${[...inFlight].join(', ') || 'none'}; failed: ${failedRequests.join(', ') || 'none'})`); // prettier-ignore
	}

	async function closeDropdowns(): Promise<void> {
		await page.keyboard.press('Escape');
		await page
			.locator('.el-select-dropdown:visible')
			.first()
			.waitFor({ state: 'hidden', timeout: 5000 })
			.catch(() => {});
	}

	/** The output table shows `text` once the node ran (and, for a re-run, no longer `staleColumn`). */
	async function outputShows(text: string, staleColumn?: string): Promise<void> {
		if (staleColumn)
			await ndv().locator('table th').filter({ hasText: new RegExp(`^\\s*${staleColumn}\\s*$`) }).first().waitFor({ state: 'detached' }); // prettier-ignore
		// the input side (a Manual Trigger) shows no table, so the NDV's table is the output's
		const cell = ndv().locator('table td').filter({ hasText: text }).first();
		await cell.waitFor({ state: 'visible' });
	}

	/** In the node creator: search and click the entry named `entry`. */
	async function creatorSearch(search: string, entry: string | RegExp): Promise<void> {
		const bar = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first(); // prettier-ignore
		await bar.waitFor({ state: 'visible' });
		await bar.fill(search);
		await page.locator('[data-test-id="node-creator-item-name"]').filter({ hasText: entry }).first().click(); // prettier-ignore
	}

	/** A new workflow started by hand (Manual Trigger); the node creator open for the next node. */
	async function creatorAfterManualTrigger(): Promise<void> {
		await page.goto(`${target.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-add-button"]').first().click();
		await creatorSearch('Manual', /Trigger manually|Manual/i);
		await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
	}

	/** In the node creator: the package's entry, then (if it lists several) `item`; waits for its panel. */
	async function addNodeFromCreator(search: string, item: string | RegExp): Promise<void> {
		await creatorSearch(search, search);
		const next = page.locator('[data-test-id="node-creator-item-name"]').filter({ hasText: item }).first(); // prettier-ignore
		await Promise.race([
			ndv().waitFor({ state: 'visible' }),
			next.waitFor({ state: 'visible' }).then(async () => await next.click()),
		]);
		await ndv().waitFor({ state: 'visible' });
	}

	test('trigger and action: every dynamic list picks a value, Get and Get Many run', async () => {
		const employees = await target.employees();
		const person = employees.find((e) => e.lifecycleStatus === 'employed')!;

		await step('sign-in', async () => {
			await page.goto(`${target.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
			await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(OWNER.email); // prettier-ignore
			await page.locator('input[type="password"]').first().fill(OWNER.password);
			await page.locator('[data-test-id="form-submit-button"]').first().click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), {
				timeout: STEP_TIMEOUT,
			});
		});

		await step('new-workflow', async () => {
			await page.goto(`${target.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-add-button"]').first().click();
		});

		await step('add-trigger', async () => {
			await addNodeFromCreator('HiBob', /HiBob Trigger|lifecycle/i);
			await parameter('events').waitFor({ state: 'visible' });
		});

		await step('trigger-events', async () => {
			await pick(parameter('events'), 'Updated', 'Employee Updated');
			await closeDropdowns();
			await parameter('watchedFields').waitFor({ state: 'visible' });
		});

		await step('trigger-watched-fields', async () => {
			await pick(parameter('watchedFields'), 'Cost center', /Cost center/i);
			await closeDropdowns();
		});

		await step('trigger-output-fields', async () => {
			await pick(parameter('outputFields'), 'Department', 'Work › Department');
			await closeDropdowns();
		});

		const department = await target.departmentOf(person.id);
		await step('trigger-filters-field', async () => {
			await ndv().getByRole('button', { name: 'Add Filter' }).click();
			await pick(parameter('field'), 'Department', 'Work › Department');
			await closeDropdowns();
			await expect(parameter('field').locator('input').first().inputValue()).resolves.toContain('Department'); // prettier-ignore
			await parameter('value').locator('input, textarea').first().fill(department);
		});

		await step('trigger-saved', async () => {
			await page.locator('[data-test-id="ndv-close-button"], [data-test-id="back-to-canvas"]').first().click(); // prettier-ignore
			await ndv().waitFor({ state: 'hidden' });
			await page.keyboard.press('Control+s');
			await page.waitForURL((url) => /\/workflow\/(?!new)[\w-]+/.test(url.pathname));
		});

		// The action node in a workflow of its own, started by hand (the trigger's test run would emit
		// no event here, and so give the action no item).
		await step('add-action-get', async () => {
			await creatorAfterManualTrigger();
			await addNodeFromCreator('HiBob', 'Get an employee');
			await ndv().locator('[data-test-id="rlc-input"]').first().waitFor({ state: 'visible' });
		});

		await step('action-get-from-list', async () => {
			await ndv().locator('[data-test-id="rlc-input"]').first().click();
			const search = page.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]').first(); // prettier-ignore
			await search.waitFor({ state: 'visible' });
			await search.fill(person.displayName);
			const hit = page
				.locator('[data-test-id="rlc-item"]')
				.filter({ hasText: person.email })
				.first();
			await hit.waitFor({ state: 'visible' });
			await hit.click();
		});

		await step('action-get-executed', async () => {
			await ndv().locator('[data-test-id="node-execute-button"]').first().click();
			await outputShows(person.displayName);
		});

		await step('action-get-many-fields', async () => {
			await pick(parameter('operation'), 'Get Many', 'Get Many');
			await pick(parameter('output'), 'Full', 'Full');
			await whenEnabled(parameter('fields'), async () => {
				await pick(parameter('output'), 'Simplified', 'Simplified');
				await pick(parameter('output'), 'Full', 'Full');
			});
			await pick(parameter('fields'), 'Display name', /Display name/i);
			await closeDropdowns();
		});

		await step('action-get-many-filter', async () => {
			await ndv().getByRole('button', { name: 'Add Filter' }).click();
			await pick(parameter('field'), 'Department', 'Work › Department');
			await closeDropdowns();
			await parameter('value').locator('input, textarea').first().fill(department);
		});

		await step('action-get-many-executed', async () => {
			await ndv().locator('[data-test-id="node-execute-button"]').first().click();
			// Full output with the one chosen field: id and displayName, no longer Get's Simplified columns
			await outputShows(person.displayName, 'firstName');
			const headers = (await ndv().locator('table th').allInnerTexts()).map((h) => h.trim());
			expect(headers.filter((header) => header !== '')).toEqual(['id', 'displayName']);
		});

		expect(failedRequests).toEqual([]);
		expect(toasts.filter((toast) => /error|problem|could not|failed/i.test(toast))).toEqual([]);
	});

	/**
	 * n8n's node panel lists the HiBob Trigger under the action node's entry ("HiBob", the trigger's
	 * internal name without "Trigger") and shows the trigger's description there. The entry holds both
	 * the actions and the polling trigger's events, so what it says must cover both.
	 */
	test('the node panel describes the HiBob entry as its actions and its events', async () => {
		const entryDescription = async (): Promise<string> => {
			const bar = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first(); // prettier-ignore
			await bar.waitFor({ state: 'visible' });
			await bar.fill('HiBob');
			const entry = page
				.locator('[data-test-id="item-iterator-item"]')
				.filter({
					has: page
						.locator('[data-test-id="node-creator-item-name"]')
						.getByText('HiBob', { exact: true }),
				}) // prettier-ignore
				.first();
			await entry.waitFor({ state: 'visible' });
			return (await entry.locator('[data-test-id="node-creator-item-description"]').innerText()).trim(); // prettier-ignore
		};
		const shown: Record<string, string> = {};

		await step('panel-first-node', async () => {
			await page.goto(`${target.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-add-button"]').first().click();
			shown.trigger = await entryDescription();
		});

		await step('panel-next-node', async () => {
			await creatorAfterManualTrigger();
			shown.action = await entryDescription();
		});

		for (const text of Object.values(shown)) {
			expect(text).toMatch(/read and write/i); // the actions
			expect(text).toMatch(/lifecycle/i); // the trigger's events
			expect(text).toMatch(/time.off/i);
		}
	});
});
