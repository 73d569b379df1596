/** What a route file of the simulator gets to decide on a request, and what it gives back. */
import type { ServiceUser } from './access';
import type { Company } from './company';
import type { ApiRequest, ApiResponse } from './simulator';

export interface RouteContext {
	company: Company;
	method: string;
	/** The path's segments after `/v1`, decoded. */
	rest: string[];
	query: URLSearchParams;
	now: number;
	/** The origin documents' download links point to (another host than the API). */
	fileHost: string;
}

export interface Handler {
	name: string;
	/** `body` is the parsed JSON body (undefined without one); multipart routes read `req.rawBytes`. */
	run: (user: ServiceUser, body: unknown, req: ApiRequest) => ApiResponse;
}
