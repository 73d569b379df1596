/**
 * Puts words on a HiBob refusal for one operation: the transport's NodeApiError for a given status
 * becomes one that says what it means here (e.g. a 404 on a task ID), keeping the status and item index.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export type StatusExplanations = Partial<
	Record<'400' | '403' | '404' | '409' | '413', { message: string; description: string }>
>;

/** Runs `request`; a NodeApiError whose status has an explanation is replaced by it. */
export async function explainStatus<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	explanations: StatusExplanations,
	request: () => Promise<T>,
): Promise<T> {
	let result: T | undefined;
	let failure: unknown;
	try {
		result = await request();
	} catch (error) {
		failure = error;
	}
	if (failure === undefined) return result as T;
	const code = failure instanceof NodeApiError ? (failure.httpCode ?? undefined) : undefined;
	const explanation = code ? explanations[code as keyof StatusExplanations] : undefined;
	if (!code || !explanation) throw failure as Error;
	// HiBob's own words, when it sent any, stay in the description after ours.
	const { message: said, description: detail } = failure as NodeApiError;
	const hibobSaid = detail ? `${said}. ${detail}` : said;
	const { message, description } = explanation;
	throw new NodeApiError(
		context.getNode(),
		{ message, httpCode: code },
		{
			message,
			httpCode: code,
			itemIndex,
			description: `${description} (HiBob answered ${code}: ${hibobSaid})`,
		},
	);
}

/** HiBob's 404 for an employee ID it does not know, or one outside the service user's people scope. */
export const unknownEmployee = (employeeId: string) => ({
	message: `HiBob has no employee with ID ${employeeId}`,
	description:
		"Check the ID (root.id, 19 digits), and that the service user's permission group includes this employee.",
});
