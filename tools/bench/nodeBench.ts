/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- benchmark tooling runs outside n8n: forks the simulator (a fixed local script, no user input) and fetches its answer once */
/**
 * The nodes as users run them: the HiBob Trigger's poll() and the HiBob node's Employee operations
 * through n8n-core's real contexts and HTTP stack, against the simulator running in a child process
 * (simProcess.ts), so only the package's own work (and n8n's HTTP client) is in this process's CPU.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { HiBobTrigger } from '../../nodes/HiBob/HiBobTrigger.node';
import { transportSettings } from '../../nodes/HiBob/transport';
import { basicAuth } from '../../test/simulator';
import { credentialsFor, prepareExecute, preparePoll } from './n8nContext';
import type { SimRequest } from './simProcess';
import { measure, measureAsync, summarise } from './stats';
import type { PollFigures, Summary } from './stats';
import { TODAY } from './triggerCore';

const MB = 1024 * 1024;
const SEARCH_PATH = '/v1/people/search';

export class SimChild {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly user: { id: string; token: string },
	) {}

	static async start(size: number): Promise<SimChild> {
		const child = fork(join(__dirname, 'simProcess.js'), [String(size)], {
			execArgv: ['--max-old-space-size=4096'],
		});
		const ready = await new Promise<{ url: string; serviceUser: { id: string; token: string } }>(
			(resolve, reject) => {
				child.once('message', (message) => resolve(message as never));
				child.once('error', reject);
			},
		);
		return new SimChild(child, ready.url, ready.serviceUser);
	}

	async ask<T>(request: SimRequest): Promise<T> {
		const answer = new Promise<T>((resolve) =>
			this.child.once('message', (message) => resolve(message as T)),
		);
		this.child.send(request);
		return await answer;
	}

	async requests(): Promise<Array<{ path: string; body: unknown }>> {
		return (await this.ask<{ entries: Array<{ path: string; body: unknown }> }>({ type: 'log' }))
			.entries;
	}

	/** The answer to `body`, as text: fetched once, outside any timing, for the parse floor. */
	async searchText(body: unknown): Promise<string> {
		const response = await fetch(`${this.url}${SEARCH_PATH}`, {
			method: 'POST',
			headers: {
				Authorization: basicAuth(this.user.id, this.user.token),
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		return await response.text();
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.send({ type: 'stop' });
		await exited;
	}
}

export interface NodeFigures extends PollFigures {
	/** HiBob requests per trigger poll (all paths) and people searches among them. */
	pollRequests: number;
	pollSearches: number;
	quietWall: Summary;
	/** Quiet poll from state without an answer digest (as the previous version stored it): full path. */
	quietFull: Summary;
	quietFullRatio: Summary;
	quietFullHeapMb: Summary;
	/** First poll of the next day, nothing changed in HiBob: full path (the day is part of the key). */
	newDay: Summary;
	newDayRatio: Summary;
	newDayEvents: number;
	/** Quiet poll right after n8n loaded the static data (Proxy-wrapped). */
	restart: Summary;
	restartRatio: Summary;
	getMany: { wall: Summary; cpu: Summary; heapMb: Summary; requests: number; items: number };
	get1000: { wall: Summary; requests: number; items: number; asked: number };
}

type Run = Awaited<ReturnType<typeof measureAsync>>;

const DAY_MS = 86_400_000;

/**
 * Whether `work` parsed a people search answer (a `JSON.parse` of more than 100 kB): the short path
 * must not. Used on the warm-up run only, so the timed runs call the real `JSON.parse`.
 */
async function parsesAnswer<T>(work: () => Promise<T>): Promise<{ result: T; parsed: boolean }> {
	const parse = JSON.parse;
	let parsed = false;
	JSON.parse = ((text: string, reviver?: Parameters<typeof parse>[1]) => {
		if (typeof text === 'string' && text.length > 100_000) parsed = true;
		return parse(text, reviver);
	}) as typeof parse;
	try {
		return { result: await work(), parsed };
	} finally {
		JSON.parse = parse;
	}
}

export async function measureNodes(size: number, runs: number): Promise<NodeFigures> {
	let now = Date.parse(`${TODAY}T12:00:00.000Z`);
	const original = transportSettings.clock;
	transportSettings.clock = { ...original, now: () => now };
	const sim = await SimChild.start(size);
	try {
		const credentials = credentialsFor(sim.url, sim.user.id, sim.user.token);
		// Baseline with the trigger's default parameters.
		const first = preparePoll(new HiBobTrigger(), {}, credentials, {});
		await first.run();
		const stored = JSON.stringify(first.staticData());
		// Node static data sits under `node:<node name>` in the workflow's static data.
		const nodeData = Object.values(JSON.parse(stored) as Record<string, IDataObject>)[0] ?? {};
		const snapshot = nodeData.lifecycleSnapshot;
		if (!snapshot) throw new Error(`the trigger stored no snapshot: ${stored.slice(0, 200)}`);
		const snapshotBytesPerEmployee = Buffer.byteLength(JSON.stringify(snapshot)) / size;
		const searchBody = (await sim.requests())
			.filter((entry) => entry.path === SEARCH_PATH)
			.pop()?.body;
		const quietText = await sim.searchText(searchBody);

		const nodeKey = Object.keys(JSON.parse(stored) as IDataObject)[0];
		/**
		 * `steady`: n8n keeps the workflow between polls, so the trigger reads the plain snapshot it
		 * stored itself last time. `restart`: the first poll after n8n loaded static data from its
		 * database, which n8n wraps in change-tracking Proxies.
		 */
		const prepare = (kind: 'steady' | 'restart' | 'previousVersion') => {
			if (kind === 'restart')
				return preparePoll(new HiBobTrigger(), {}, credentials, JSON.parse(stored) as IDataObject);
			const poll = preparePoll(new HiBobTrigger(), {}, credentials, {});
			const data = (JSON.parse(stored) as Record<string, IDataObject>)[nodeKey];
			if (kind === 'previousVersion') {
				delete data.lifecycleAnswer;
				delete data.lifecycleSearchSentAt;
			}
			poll.staticData()[nodeKey] = data;
			return poll;
		};
		const pollRuns = async (
			text: string,
			check: (events: number, parsed: boolean | undefined) => void,
			kind: 'steady' | 'restart' | 'previousVersion' = 'steady',
		) => {
			const cpu: number[] = [];
			const ratio: number[] = [];
			const heap: number[] = [];
			const wall: number[] = [];
			const parse: number[] = [];
			let requests = 0;
			let searches = 0;
			let events = 0;
			for (let run = -1; run < runs; run++) {
				const parsed = measure(() => JSON.parse(text) as unknown);
				const poll = prepare(kind);
				await sim.ask({ type: 'clearLog' });
				let timed: Run;
				if (run < 0) {
					// The warm-up run also checks which path the poll took.
					const checked = await parsesAnswer(async () => await measureAsync(poll.run));
					timed = checked.result;
					const output = timed.result as IDataObject[][] | null;
					events = output ? output[0].length : 0;
					check(events, checked.parsed);
				} else {
					timed = await measureAsync(async () => await poll.run());
					const output = timed.result as IDataObject[][] | null;
					events = output ? output[0].length : 0;
					check(events, undefined);
				}
				const log = await sim.requests();
				requests = log.length;
				searches = log.filter((entry) => entry.path === SEARCH_PATH).length;
				if (run < 0) continue;
				parse.push(parsed.sample.cpuMs);
				cpu.push(timed.sample.cpuMs);
				ratio.push(timed.sample.cpuMs / parsed.sample.cpuMs);
				heap.push(timed.sample.heapGrowth / MB);
				wall.push(timed.sample.wallMs);
			}
			return { cpu, ratio, heap, wall, parse, requests, searches, events };
		};

		const shortPath = (events: number, parsed: boolean | undefined) => {
			if (events !== 0) throw new Error(`quiet trigger poll emitted ${events} events`);
			if (parsed === true)
				throw new Error('quiet trigger poll parsed an unchanged answer (no short path)');
		};
		const fullPath = (what: string, events: (count: number) => boolean) => {
			return (count: number, parsed: boolean | undefined) => {
				if (!events(count)) throw new Error(`${what} emitted ${count} events`);
				if (parsed === false) throw new Error(`${what} took the short path`);
			};
		};
		const quiet = await pollRuns(quietText, shortPath);
		const restart = await pollRuns(quietText, shortPath, 'restart');
		const quietFull = await pollRuns(
			quietText,
			fullPath('quiet poll from state without a digest', (count) => count === 0),
			'previousVersion',
		);
		now += DAY_MS;
		const newDay = await pollRuns(
			quietText,
			fullPath('first poll of a new day', () => true),
		);
		now -= DAY_MS;
		await sim.ask({ type: 'busy' });
		const busyText = await sim.searchText(searchBody);
		const busy = await pollRuns(
			busyText,
			fullPath('busy trigger poll', (count) => count > 0),
		);

		// Action node: Employee → Get Many (everyone), and Get for 1,000 items.
		const getManyWall: number[] = [];
		const getManyCpu: number[] = [];
		const getManyHeap: number[] = [];
		let getManyRequests = 0;
		let getManyItems = 0;
		for (let run = -1; run < runs; run++) {
			const execute = prepareExecute(
				new HiBob(),
				{ resource: 'employee', operation: 'getAll', returnAll: true },
				credentials,
				[{ json: {} }],
			);
			await sim.ask({ type: 'clearLog' });
			const timed = await measureAsync(async () => await execute());
			getManyItems = (timed.result as unknown[][])[0].length;
			getManyRequests = (await sim.requests()).length;
			if (run < 0) continue;
			getManyWall.push(timed.sample.wallMs);
			getManyCpu.push(timed.sample.cpuMs);
			getManyHeap.push(timed.sample.heapGrowth / MB);
		}

		const people = (
			await sim.ask<{ people: Array<{ id: string; email: string }> }>({ type: 'people' })
		).people;
		const items = people
			.slice(0, 1000)
			.map((person, index) => ({ json: { who: index % 2 === 0 ? person.id : person.email } }));
		const getWall: number[] = [];
		let getRequests = 0;
		let getItems = 0;
		for (let run = -1; run < runs; run++) {
			const execute = prepareExecute(
				new HiBob(),
				{ resource: 'employee', operation: 'get', employee: '={{ $json.who }}' },
				credentials,
				items,
			);
			await sim.ask({ type: 'clearLog' });
			const timed = await measureAsync(async () => await execute());
			getItems = (timed.result as unknown[][])[0].length;
			getRequests = (await sim.requests()).length;
			if (run < 0) continue;
			getWall.push(timed.sample.wallMs);
		}

		return {
			size,
			pollRequests: quiet.requests,
			pollSearches: quiet.searches,
			parse: summarise(quiet.parse),
			quiet: summarise(quiet.cpu),
			busy: summarise(busy.cpu),
			quietRatio: summarise(quiet.ratio),
			busyRatio: summarise(busy.ratio),
			quietHeapMb: summarise(quiet.heap),
			busyHeapMb: summarise(busy.heap),
			quietWall: summarise(quiet.wall),
			quietFull: summarise(quietFull.cpu),
			quietFullRatio: summarise(quietFull.ratio),
			quietFullHeapMb: summarise(quietFull.heap),
			newDay: summarise(newDay.cpu),
			newDayRatio: summarise(newDay.ratio),
			newDayEvents: newDay.events,
			restart: summarise(restart.cpu),
			restartRatio: summarise(restart.ratio),
			busyEvents: busy.events,
			snapshotBytesPerEmployee,
			getMany: {
				wall: summarise(getManyWall),
				cpu: summarise(getManyCpu),
				heapMb: summarise(getManyHeap),
				requests: getManyRequests,
				items: getManyItems,
			},
			get1000: {
				wall: summarise(getWall),
				requests: getRequests,
				items: getItems,
				asked: items.length,
			},
		};
	} finally {
		transportSettings.clock = original;
		await sim.stop();
	}
}
