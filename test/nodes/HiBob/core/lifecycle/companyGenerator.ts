/**
 * A deterministic, realistic company for measuring snapshot size: 19-digit IDs, ~20 departments,
 * ~200 titles, ~10 sites, managers drawn from the employees, first.surname emails with collisions,
 * start dates over 12 years, a few hired / on leave / terminated people.
 */
import type { LifecycleEmployee } from '../../../../../nodes/HiBob/core/lifecycle';
import { mulberry32 } from '../../../../simulator/util';

const FIRST_NAMES = (
	'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan ' +
	'Joseph Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty Anthony Sandra ' +
	'Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol ' +
	'Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura ' +
	'Jeffrey Cynthia Ryan Dorothy Jacob Amy Gary Kathleen Nicholas Angela Eric Shirley Jonathan Emma ' +
	'Stephen Brenda Larry Pamela Justin Nicole Scott Anna Brandon Samantha Benjamin Katherine Samuel ' +
	'Christine Gregory Debra Alexander Rachel Patrick Carolyn Frank Janet Raymond Maria Jack Olivia Dennis ' +
	'Heather Jerry Helen Tyler Catherine Aaron Diane Jose Julie Adam Victoria Nathan Joyce Henry Lauren ' +
	'Zachary Kelly Douglas Christina Peter Ruth Kyle Joan Noah Virginia Ethan Judith Jeremy Evelyn Walter ' +
	'Hannah Christian Andrea Keith Megan Roger Cheryl Terry Jacqueline Austin Martha Sean Madison Gerald ' +
	'Teresa Carl Gloria Harold Sara Dylan Janice Arthur Ann Lawrence Kathryn Jordan Abigail Jesse Sophia ' +
	'Bryan Frances Billy Jean Bruce Alice Gabriel Judy Joe Isabella Logan Julia Alan Grace Juan Amber ' +
	'Albert Denise Willie Danielle Elijah Marilyn Wayne Beverly Randy Charlotte Vincent Natalie Mason ' +
	'Theresa Roy Diana Ralph Brittany Bobby Doris Russell Kayla Bradley Alexis Philip Lori Eugene Marie ' +
	'Yuki Hiroshi Priya Arjun Mei Wei Fatima Omar Chen Ana Luis Sofia Mateo Lucia Hugo Ines Lars Ingrid'
).split(' ');

const SURNAMES = (
	'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez ' +
	'Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark ' +
	'Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams ' +
	'Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz ' +
	'Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson ' +
	'Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray ' +
	'Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins ' +
	'Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero ' +
	'Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant ' +
	'Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez ' +
	'McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford ' +
	'Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer ' +
	'Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels ' +
	'Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold ' +
	'Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson ' +
	'Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards ' +
	'Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins ' +
	'Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin ' +
	'Dominguez Carr Lawson Jacobs OBrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson ' +
	'Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch ' +
	'Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia ' +
	'Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett ' +
	'Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck ' +
	'Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming ' +
	'Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn ' +
	'Becker Holt Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton ' +
	'Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes ' +
	'Solis Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre ' +
	'Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair'
).split(' ');

const DEPARTMENTS = 20;
const SITES = 10;
const TITLE_WORDS = {
	level: ['Junior', 'Senior', 'Staff', 'Principal', 'Lead'],
	role: [
		'Software Engineer',
		'Account Executive',
		'Product Manager',
		'Data Analyst',
		'Designer',
		'Customer Success Manager',
		'Recruiter',
		'Accountant',
		'Support Specialist',
		'Marketing Manager',
		'Sales Development Representative',
		'QA Engineer',
		'DevOps Engineer',
		'HR Business Partner',
		'Legal Counsel',
		'Office Manager',
		'Data Scientist',
		'Solutions Architect',
		'Payroll Specialist',
		'Content Writer',
		'Security Engineer',
		'Financial Analyst',
		'Product Designer',
		'Engineering Manager',
		'Operations Manager',
		'Business Analyst',
		'Technical Writer',
		'IT Administrator',
		'Controller',
		'Partner Manager',
		'Growth Marketer',
		'Brand Manager',
		'Procurement Specialist',
		'Facilities Lead',
		'Talent Partner',
		'Sales Engineer',
		'Support Engineer',
		'Data Engineer',
		'Mobile Engineer',
		'Research Scientist',
	],
};

function pick<T>(items: readonly T[], next: () => number): T {
	return items[Math.floor(next() * items.length)];
}

/** Day number → YYYY-MM-DD. */
function date(days: number): string {
	return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function generateCompany(size: number, seed = 42): LifecycleEmployee[] {
	const next = mulberry32(seed);
	// HiBob IDs are 19-digit strings; random digits rather than sequential, the least compressible case.
	const ids = new Set<string>();
	while (ids.size < size) {
		let id = String(1 + Math.floor(next() * 9));
		for (let digit = 1; digit < 19; digit++) id += String(Math.floor(next() * 10));
		ids.add(id);
	}
	const idList = [...ids];
	const titles = TITLE_WORDS.level.flatMap((level) =>
		TITLE_WORDS.role.map((role) => `${level} ${role}`),
	);
	const departmentIds = Array.from({ length: DEPARTMENTS }, (_, index) =>
		String(265590516 + index * 7919),
	);
	const siteIds = Array.from({ length: SITES }, (_, index) => String(1001 + index * 13));
	// About one in seven people manages someone.
	const managers = idList.filter(() => next() < 1 / 7);
	const usedEmails = new Set<string>();
	const today = Date.UTC(2026, 2, 31) / 86_400_000;

	return idList.map((id) => {
		const firstName = pick(FIRST_NAMES, next);
		const surname = pick(SURNAMES, next);
		let local = `${firstName}.${surname}`.toLowerCase();
		for (let suffix = 2; usedEmails.has(local); suffix++)
			local = `${firstName}.${surname}${suffix}`.toLowerCase();
		usedEmails.add(local);
		const roll = next();
		const lifecycleStatus =
			roll < 0.03
				? 'Hired'
				: roll < 0.08
					? 'Terminated'
					: roll < 0.11
						? 'Leave'
						: roll < 0.12
							? 'Parental leave'
							: 'Employed';
		const startDate =
			lifecycleStatus === 'Hired'
				? date(today + 1 + Math.floor(next() * 60))
				: date(today - 30 - Math.floor(next() * 365 * 12));
		const terminationDate =
			lifecycleStatus === 'Terminated'
				? date(today - Math.floor(next() * 700))
				: next() < 0.01
					? date(today + Math.floor(next() * 60))
					: null;
		return {
			id,
			values: {
				'root.email': `${local}@acme-corp.com`,
				'root.displayName':
					next() < 0.05
						? `${firstName} "${firstName.slice(0, 3)}" ${surname}`
						: `${firstName} ${surname}`,
				'root.firstName': firstName,
				'root.surname': surname,
				'internal.lifecycleStatus': lifecycleStatus,
				'internal.status':
					lifecycleStatus === 'Employed' || lifecycleStatus === 'Leave' ? 'Active' : 'Inactive',
				'work.startDate': startDate,
				'internal.terminationDate': terminationDate,
				'work.department': pick(departmentIds, next),
				'work.title': pick(titles, next),
				'work.manager': managers.length > 0 ? pick(managers, next) : null,
				'work.siteId': pick(siteIds, next),
			},
		};
	});
}
