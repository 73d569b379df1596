/**
 * Resource-locator searches. HiBob's people search cannot filter by name (only by ID or email),
 * so the list is read once with a few fields and filtered here.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { memoPerContext } from '../core/memo';
import { employeeId, employeesOf, readField } from '../core/people';
import { parseReports } from '../core/reports';
import { hiBobRequest } from '../transport';

/** Results per page of the "From List" dropdown. */
const PAGE_SIZE = 100;

interface Person {
	id: string;
	displayName: string;
	email: string;
}

const peopleCache = new WeakMap<object, Promise<Person[]>>();

/** Everyone the service user can see (inactive people included: Get finds them too), once per call. */
async function loadPeople(context: ILoadOptionsFunctions): Promise<Person[]> {
	return await memoPerContext(peopleCache, context, async () => {
		const body = await hiBobRequest(context, {
			method: 'POST',
			path: '/v1/people/search',
			body: { fields: ['root.id', 'root.displayName', 'root.email'], showInactive: true },
		});
		return (employeesOf(body) ?? [])
			.map((employee) => ({
				id: employeeId(employee),
				displayName: String(readField(employee, 'root.displayName') ?? ''),
				email: String(readField(employee, 'root.email') ?? ''),
			}))
			.filter((person) => person.id !== '')
			.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
	});
}

/** "From List" for Employee: search by (part of) the name or email, or by ID. */
export async function searchEmployees(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const people = await loadPeople(this);
	const needle = (filter ?? '').trim().toLowerCase();
	const matching = needle
		? people.filter(
				(person) =>
					person.displayName.toLowerCase().includes(needle) ||
					person.email.toLowerCase().includes(needle) ||
					person.id === needle,
			)
		: people;
	const start = Math.max(0, Number.parseInt(paginationToken ?? '0', 10) || 0);
	const page = matching.slice(start, start + PAGE_SIZE);
	const next = start + PAGE_SIZE;
	return {
		results: page.map((person) => ({
			name: person.email ? `${person.displayName} (${person.email})` : person.displayName,
			value: person.id,
		})),
		...(next < matching.length ? { paginationToken: String(next) } : {}),
	};
}

/** "From List" for Report: the saved reports the service user may see, by (part of) name or folder, or ID. */
export async function searchReports(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await hiBobRequest(this, { method: 'GET', path: '/v1/company/reports' });
	const reports = parseReports(body) ?? [];
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: reports
			.filter(
				(report) =>
					needle === '' ||
					report.name.toLowerCase().includes(needle) ||
					(report.folderId ?? '').toLowerCase().includes(needle) ||
					report.id === needle,
			)
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((report) => ({
				// The name alone: n8n keeps it as the picked report's name, which names its files.
				name: report.name,
				value: report.id,
			})),
	};
}
