/** Row-wise reading of a stored snapshot, for tests: the engine itself reads it column by column. */
import type { LifecycleSnapshot } from '../../../../../nodes/HiBob/core/lifecycle';
import {
	decodeSnapshotColumns,
	rowValues,
} from '../../../../../nodes/HiBob/core/lifecycle/snapshot';

export interface SnapshotRow {
	id: string;
	values: Record<string, unknown>;
	fired: number;
}

/** The stored rows in stored order; throws when the snapshot does not decode. */
export function decodeRows(snapshot: LifecycleSnapshot | unknown): {
	fingerprint: string;
	today: string;
	rows: SnapshotRow[];
} {
	const decoded = decodeSnapshotColumns(snapshot);
	if (!decoded.ok) throw new Error(`snapshot does not decode: ${decoded.reason}`);
	const { fingerprint, today, ids, fired, columns } = decoded.snapshot;
	return {
		fingerprint,
		today,
		rows: ids.map((id, row) => ({ id, values: rowValues(columns, row), fired: fired[row] })),
	};
}

/** The stored rows by ID, or why the snapshot does not decode. */
export function decodeSnapshot(raw: unknown):
	| {
			ok: true;
			snapshot: {
				fingerprint: string;
				today: string;
				employees: Map<string, Omit<SnapshotRow, 'id'>>;
			};
	  }
	| { ok: false; reason: 'snapshotVersionChanged' | 'snapshotUnreadable' } {
	const decoded = decodeSnapshotColumns(raw);
	if (!decoded.ok) return decoded;
	const { rows, fingerprint, today } = decodeRows(raw);
	const employees = new Map(rows.map(({ id, values, fired }) => [id, { values, fired }]));
	return { ok: true, snapshot: { fingerprint, today, employees } };
}
