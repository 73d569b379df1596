/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: the simulator builds XLSX files with node:zlib and runs outside n8n */
/**
 * A small XLSX writer for the simulator's report downloads: one sheet of inline strings, packed into
 * a ZIP (deflate) with node:zlib. Enough for a spreadsheet program and for our tests to open; no
 * styles, shared strings or number formats.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/[\p{Cc}]/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''));
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

function sheetXml(rows: Array<Array<string | null>>): string {
	const out: string[] = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
	rows.forEach((row, r) => {
		out.push(`<row r="${r + 1}">`);
		row.forEach((value, c) => {
			if (value === null || value === '') return;
			const ref = `${columnName(c)}${r + 1}`;
			out.push(
				`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`,
			);
		});
		out.push('</row>');
	});
	out.push('</sheetData></worksheet>');
	return out.join('');
}

interface Entry {
	name: Buffer;
	data: Buffer;
	deflated: Buffer;
	crc: number;
	offset: number;
}

/** A ZIP archive (deflate, no timestamps beyond 1980-01-01) of the given files. */
export function zip(files: Array<{ name: string; data: Buffer }>): Buffer {
	const parts: Buffer[] = [];
	const entries: Entry[] = [];
	let offset = 0;
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const deflated = deflateRawSync(file.data);
		const entry: Entry = { name, data: file.data, deflated, crc: crc32(file.data), offset };
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(0x0800, 6); // names are UTF-8
		header.writeUInt16LE(8, 8);
		header.writeUInt16LE(0, 10);
		header.writeUInt16LE(0x21, 12);
		header.writeUInt32LE(entry.crc, 14);
		header.writeUInt32LE(deflated.length, 18);
		header.writeUInt32LE(file.data.length, 22);
		header.writeUInt16LE(name.length, 26);
		header.writeUInt16LE(0, 28);
		parts.push(header, name, deflated);
		offset += header.length + name.length + deflated.length;
		entries.push(entry);
	}
	const directoryStart = offset;
	for (const entry of entries) {
		const header = Buffer.alloc(46);
		header.writeUInt32LE(0x02014b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(20, 6);
		header.writeUInt16LE(0x0800, 8);
		header.writeUInt16LE(8, 10);
		header.writeUInt16LE(0, 12);
		header.writeUInt16LE(0x21, 14);
		header.writeUInt32LE(entry.crc, 16);
		header.writeUInt32LE(entry.deflated.length, 20);
		header.writeUInt32LE(entry.data.length, 24);
		header.writeUInt16LE(entry.name.length, 28);
		header.writeUInt32LE(entry.offset, 42);
		parts.push(header, entry.name);
		offset += header.length + entry.name.length;
	}
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(offset - directoryStart, 12);
	end.writeUInt32LE(directoryStart, 16);
	parts.push(end);
	return Buffer.concat(parts);
}

/** A one-sheet workbook holding `rows` (the first row is usually the header). */
export function xlsx(rows: Array<Array<string | null>>, sheetName = 'Report'): Buffer {
	const text = (name: string, body: string) => ({ name, data: Buffer.from(body, 'utf8') });
	return zip([
		text(
			'[Content_Types].xml',
			`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		),
		text(
			'_rels/.rels',
			`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		),
		text(
			'xl/workbook.xml',
			`${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		),
		text(
			'xl/_rels/workbook.xml.rels',
			`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		),
		text('xl/worksheets/sheet1.xml', sheetXml(rows)),
	]);
}

/** Reads a ZIP written by any tool (stored or deflated entries): name → bytes. For tests. */
export function unzip(archive: Buffer): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('not a ZIP archive (no end of central directory)');
	const count = archive.readUInt16LE(end + 10);
	let at = archive.readUInt32LE(end + 16);
	for (let i = 0; i < count; i++) {
		if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
		const method = archive.readUInt16LE(at + 10);
		const size = archive.readUInt32LE(at + 20);
		const nameLength = archive.readUInt16LE(at + 28);
		const extra = archive.readUInt16LE(at + 30);
		const comment = archive.readUInt16LE(at + 32);
		const local = archive.readUInt32LE(at + 42);
		const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
		const dataStart =
			local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
		const raw = archive.subarray(dataStart, dataStart + size);
		files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
		at += 46 + nameLength + extra + comment;
	}
	return files;
}
