/** Answer builders shared by the simulator's route files (HiBob's error envelope is `{key, error}`). */
import type { ApiResponse } from './simulator';

export function json(status: number, body: unknown): ApiResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
		body: JSON.stringify(body),
	};
}

export function apiError(status: number, key: string, error: string): ApiResponse {
	return json(status, { key, error });
}

/** HiBob answers many writes with 200 and no body. */
export function empty(status = 200): ApiResponse {
	return { status, headers: {}, body: null };
}

export const forbidden = (what: string): ApiResponse =>
	apiError(403, 'forbidden', `The service user has no permission to ${what}`);
