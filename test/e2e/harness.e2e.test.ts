/* eslint-disable no-console -- prints the measured n8n timings the README records */
/**
 * The harness itself, proven with n8n's built-in nodes so it works before our nodes exist: `n8n execute`
 * (success and a failing node), and under `n8n start` a polling trigger (the built-in RSS Feed Trigger
 * against a loopback feed): "Fetch Test Event", scheduled polls every 10 s, static data across a restart.
 * Our nodes' scenarios use the same calls with nodeType('hiBob') / nodeType('hiBobTrigger').
 */
import { startLoopbackApi, type LoopbackApi } from './harness/loopback';
import { N8nInstance, nodeOutput, POLL_EVERY_10_SECONDS } from './harness/n8n';
import { delay } from './harness/processes';

const timings: Record<string, number> = {};

afterAll(() => {
	console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
});

describe('n8n execute (CLI)', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ label: 'execute' });
		const started = Date.now();
		await n8n.importWorkflows([
			{
				id: 'e2eHarnessSet001',
				name: 'harness: set',
				nodes: [
					{
						id: 'n1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'n2',
						name: 'Set',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [200, 0],
						parameters: {
							assignments: {
								assignments: [{ id: 'a1', name: 'hello', value: 'world', type: 'string' }],
							},
						},
					},
				],
				connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
			},
			{
				id: 'e2eHarnessFail01',
				name: 'harness: fail',
				nodes: [
					{
						id: 'n1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'n2',
						name: 'Fail',
						type: 'n8n-nodes-base.stopAndError',
						typeVersion: 1,
						position: [200, 0],
						parameters: { errorMessage: 'deliberate e2e failure' },
					},
				],
				connections: { Start: { main: [[{ node: 'Fail', type: 'main', index: 0 }]] } },
			},
		]);
		timings.firstImportMs = Date.now() - started;
	});

	afterAll(async () => await n8n?.dispose());

	test('a successful run: exit code 0 and the node output', async () => {
		const result = await n8n.execute('e2eHarnessSet001');
		timings.executeMs = result.ms;
		expect(result.code).toBe(0);
		expect(result.run?.status).toBe('success');
		expect(result.crashedAfterRun).toBe(false);
		expect(nodeOutput(result.run!, 'Set')).toEqual([{ hello: 'world' }]);
	});

	test('a failing node: exit code 1 and the error in the run', async () => {
		const result = await n8n.execute('e2eHarnessFail01');
		expect(result.code).toBe(1);
		expect(result.run?.data.resultData.error?.message).toContain('deliberate e2e failure');
		expect(result.run?.data.resultData.runData.Fail[0].error?.message).toContain(
			'deliberate e2e failure',
		);
	});
});

describe('n8n start: a polling trigger on schedule, Fetch Test Event, restart', () => {
	const WORKFLOW = 'e2eHarnessRss001';
	const TRIGGER = 'RSS Trigger';
	let feed: LoopbackApi;
	let n8n: N8nInstance;
	let served = 0;

	/** Every request adds one item dated now, so every scheduled poll finds exactly one new item. */
	const rss = (): string => {
		served++;
		const items = Array.from({ length: served }, (_, i) => {
			const date = new Date(Date.now() - (served - 1 - i) * 1000).toUTCString();
			return `<item><title>item ${i + 1}</title><guid>item-${i + 1}</guid><pubDate>${date}</pubDate></item>`;
		});
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>e2e</title>${items.join('')}</channel></rss>`;
	};

	beforeAll(async () => {
		feed = await startLoopbackApi(() => ({
			status: 200,
			body: rss(),
			headers: { 'content-type': 'application/rss+xml' },
		}));
		n8n = await N8nInstance.create({ label: 'poll' });
		await n8n.importWorkflows([
			{
				id: WORKFLOW,
				name: 'harness: rss poll',
				nodes: [
					{
						id: 'r1',
						name: TRIGGER,
						type: 'n8n-nodes-base.rssFeedReadTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { pollTimes: POLL_EVERY_10_SECONDS, feedUrl: `${feed.url}/feed.xml` },
					},
				],
				connections: {},
			},
		]);
		await n8n.publishWorkflow(WORKFLOW);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await feed?.close();
	});

	test('start, Fetch Test Event, scheduled polls, static data survives a restart', async () => {
		const { readyMs } = await n8n.start();
		timings.startToReadyMs = readyMs;

		const manual = await n8n.fetchTestEvent(WORKFLOW, TRIGGER);
		expect(manual).toMatchObject({ mode: 'manual', status: 'success' });
		expect(nodeOutput(manual.run!, TRIGGER)[0]).toMatchObject({ title: expect.any(String) });

		// the activation poll stores the newest item's date; the 10-second polls then each find one item
		const deadline = Date.now() + 45000;
		let trigger = (await n8n.listExecutions(WORKFLOW)).filter((e) => e.mode === 'trigger');
		while (trigger.length < 1 && Date.now() < deadline) {
			await delay(1000);
			trigger = (await n8n.listExecutions(WORKFLOW)).filter((e) => e.mode === 'trigger');
		}
		expect(trigger.length).toBeGreaterThanOrEqual(1);
		expect(trigger.every((e) => e.status === 'success')).toBe(true);

		let stopped = Date.now();
		await n8n.stop({ betweenPolls: true });
		timings.stopMs = Date.now() - stopped;
		const before = await n8n.staticData(WORKFLOW);
		expect(before[`node:${TRIGGER}`]).toMatchObject({ lastItemDate: expect.any(String) });
		const requestsBefore = feed.requests.length;

		const restart = await n8n.start();
		timings.restartToReadyMs = restart.readyMs;
		await delay(11000);
		stopped = Date.now();
		await n8n.stop({ betweenPolls: true });
		expect(feed.requests.length).toBeGreaterThan(requestsBefore);
		const after = await n8n.staticData(WORKFLOW);
		const lastBefore = Date.parse(
			(before[`node:${TRIGGER}`] as { lastItemDate: string }).lastItemDate,
		);
		const lastAfter = Date.parse(
			(after[`node:${TRIGGER}`] as { lastItemDate: string }).lastItemDate,
		);
		expect(lastAfter).toBeGreaterThan(lastBefore);
		expect(n8n.running).toBe(false);
	});
});
