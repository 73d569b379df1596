/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- screenshot tooling (never shipped): installs Debian's chromium if needed, drives it against the demo, writes PNGs */
/**
 * `npm run screenshots`: starts the demo (tools/demo/demo.ts), waits for the first lifecycle event a
 * trigger workflow ran on, then photographs the real n8n editor with headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core, never a downloaded browser):
 *
 *   examples/images/trigger-settings.png    the HiBob Trigger's settings (the workflow that fired)
 *   examples/images/action-get-many.png     the HiBob node, Employee → Get Many, after a run
 *   examples/images/execution-output.png    that execution, with the trigger's output (the event)
 *
 * It goes through the UI the way a person does (sign in, open the workflow, open the node, open the
 * execution), with selectors that prefer n8n's data-test-ids and fall back to visible text, so it can
 * run again after the UI changes; every step that fails says which one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CACHE_DIR, PROJECT_ROOT } from '../../test/e2e/harness/host';
import { delay } from '../../test/e2e/harness/processes';
import { DEMO_OWNER, startDemo, type Demo } from '../demo/demo';

export const CHROMIUM = '/usr/bin/chromium';
const PLAYWRIGHT_VERSION = '1.65.1';
const OUT_DIR = join(PROJECT_ROOT, 'examples', 'images');
const VIEWPORT = { width: 1360, height: 820 };

/** The flags this machine's environment asks for (no GPU, no background traffic, no sandbox as root). */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

type Playwright = typeof import('playwright-core');
type Page = import('playwright-core').Page;
type Locator = import('playwright-core').Locator;
type Frame = Page | import('playwright-core').FrameLocator;

const step = (text: string) => console.log(`screenshots: ${text}`);

/** Debian's chromium, installed with apt-get when missing (needs root). */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0)
		throw new Error(
			`screenshots: ${CHROMIUM} is missing; install it with: sudo apt-get install chromium`,
		);
	step('installing Debian’s chromium (apt-get)…');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/**
 * playwright-core (a library only: it never downloads a browser with --ignore-scripts): the project's
 * own copy when the dev install has it, else a pinned copy in .cache/screenshots (no lockfile change).
 */
export async function loadPlaywright(): Promise<Playwright> {
	try {
		return (await import('playwright-core')) as Playwright;
	} catch {
		const prefix = join(CACHE_DIR, 'screenshots');
		const entry = join(prefix, 'node_modules', 'playwright-core');
		if (!existsSync(entry)) {
			step(`installing playwright-core@${PLAYWRIGHT_VERSION} into ${prefix}…`);
			mkdirSync(prefix, { recursive: true });
			execFileSync(
				'npm',
				[
					'install',
					'--prefix',
					prefix,
					'--no-save',
					'--no-package-lock',
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					`playwright-core@${PLAYWRIGHT_VERSION}`,
				],
				{ stdio: 'inherit' },
			);
		}
		return (await import(entry)) as Playwright;
	}
}

/** The first of several candidate locators that shows up. */
async function first(what: string, candidates: Locator[], timeoutMs = 20000): Promise<Locator> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const candidate of candidates)
			if (
				await candidate
					.first()
					.isVisible()
					.catch(() => false)
			)
				return candidate.first();
		await delay(250);
	}
	throw new Error(`screenshots: could not find ${what}`);
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	const email = await first('the sign-in email field', [
		page.locator('input[name="emailOrLdapLoginId"]'),
		page.locator('input[type="email"]'),
	]);
	await email.fill(DEMO_OWNER.email);
	await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
	await (
		await first('the sign-in button', [
			page.locator('[data-test-id="form-submit-button"]'),
			page.getByRole('button', { name: /sign in/i }),
		])
	).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
}

/** A node on the canvas (new canvas: data-node-name; older: the node's title text). */
function canvasNode(frame: Frame, name: string): Locator[] {
	return [
		frame.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`),
		frame.locator(`[data-node-name="${name}"]`),
		frame.getByText(name, { exact: true }),
	];
}

async function openNode(frame: Frame, name: string): Promise<void> {
	const node = await first(`the node "${name}" on the canvas`, canvasNode(frame, name), 30000);
	await node.dblclick();
	await first(`the settings panel of "${name}"`, [
		frame.locator('[data-test-id="ndv"]'),
		frame.locator('.ndv-wrapper'),
		frame.getByRole('dialog'),
	]);
	await delay(1500); // parameters, load-options and icons settle
}

async function closePanel(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await delay(500);
}

/** Toasts ("Node executed successfully") would cover the output. */
async function closeToasts(page: Page): Promise<void> {
	for (const close of await page.locator('.el-notification__closeBtn').all())
		await close.click().catch(() => {});
}

/** The output panel's JSON view shows an event whole (the table cuts it at the panel's edge). */
async function showOutputAsJson(frame: Frame): Promise<void> {
	const json = await first("the output panel's JSON view switch", [
		frame.locator('[data-test-id="ndv-output-panel"]').getByText('JSON', { exact: true }),
		frame.getByText('JSON', { exact: true }).last(),
	]).catch(() => undefined);
	if (json) {
		await json.click();
		await delay(800);
	} else step('(JSON view switch not found; keeping the table view)');
}

async function shoot(page: Page, file: string): Promise<string> {
	const path = join(OUT_DIR, file);
	await closeToasts(page);
	// move the pointer away so no tooltip covers the panel
	await page.mouse.move(2, 2);
	await delay(300);
	await page.screenshot({ path });
	step(
		`wrote ${path.replace(`${PROJECT_ROOT}/`, '')} (${Math.round(statSync(path).size / 1024)} KB)`,
	);
	return path;
}

async function dismissPopups(page: Page): Promise<void> {
	for (const name of [/got it/i, /^close$/i, /skip/i, /dismiss/i]) {
		const button = page.getByRole('button', { name }).first();
		if (await button.isVisible().catch(() => false)) await button.click().catch(() => {});
	}
}

export async function takeScreenshots(demo: Demo, playwright: Playwright): Promise<string[]> {
	const { execution } = await demo.firstEvent;
	const baseUrl = `http://localhost:${demo.n8n.port}`;
	mkdirSync(OUT_DIR, { recursive: true });
	const profile = mkdtempSync(join(tmpdir(), 'n8n-hibob-screens-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const written: string[] = [];
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30000);
		step('signing in as the demo owner');
		await signIn(page, baseUrl);

		// 1. the trigger's settings, in the workflow that has just fired
		step(`opening workflow ${execution.workflowId} and its HiBob Trigger`);
		await page.goto(`${baseUrl}/workflow/${execution.workflowId}`);
		await dismissPopups(page);
		await openNode(page, 'HiBob Trigger');
		written.push(await shoot(page, 'trigger-settings.png'));
		await closePanel(page);

		// 2. the action node: Employee → Get Many, run once so the panel shows its output too
		step('opening the HiBob node (Employee → Get Many)');
		await page.goto(`${baseUrl}/workflow/hibobDemoDirectry`);
		await dismissPopups(page);
		await openNode(page, 'HiBob');
		const execute = await first('the "Execute step" button', [
			page.locator('[data-test-id="node-execute-button"]'),
			page.getByRole('button', { name: /execute step|test step|execute node/i }),
		]).catch(() => undefined);
		if (execute) {
			await execute.click();
			await first('the node output', [
				page.locator('[data-test-id="ndv-output-panel"] table'),
				page.locator('[data-test-id="ndv-output-panel"] [data-test-id="ndv-items-count"]'),
				page.getByText(/\d+ items?/),
			]).catch(() => step('(no output visible after Execute step; screenshot without it)'));
			await delay(1000);
		}
		written.push(await shoot(page, 'action-get-many.png'));
		await closePanel(page);

		// 3. the execution of a real event: the trigger's output
		step(`opening execution ${execution.id}`);
		await page.goto(`${baseUrl}/workflow/${execution.workflowId}/executions/${execution.id}`);
		await dismissPopups(page);
		const preview = page.frameLocator('iframe').first();
		const inIframe = await first(
			'the execution preview',
			[...canvasNode(preview, 'HiBob Trigger')],
			30000,
		)
			.then(() => true)
			.catch(() => false);
		await openNode(inIframe ? preview : page, 'HiBob Trigger');
		await showOutputAsJson(inIframe ? preview : page);
		written.push(await shoot(page, 'execution-output.png'));
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return written;
}

export async function main(): Promise<number> {
	ensureChromium();
	const playwright = await loadPlaywright();
	step('starting the demo (simulator + n8n)…');
	const demo = await startDemo({ firstActionAfterMs: 1000 });
	const stop = async () => {
		await demo.stop();
	};
	process.once('SIGINT', () => void stop().then(() => process.exit(130)));
	try {
		step('waiting for the first lifecycle event to run through a workflow (about a minute)…');
		const timeout = delay(8 * 60000).then(() => {
			throw new Error('screenshots: no trigger execution with an event within 8 minutes');
		});
		await Promise.race([demo.firstEvent, timeout]);
		const files = await takeScreenshots(demo, playwright);
		step(`done: ${files.length} screenshots`);
		return 0;
	} finally {
		await stop();
	}
}
