import zlib from 'node:zlib';
import { DomainError } from '../shared/domain-error';
import { figure } from './import-limits';

/**
 * What an uploaded zip (an .xlsx) may unpack to. A 7.8 MB file of 16 entries of zeros unpacks to
 * 7.7 GB, and exceljs (through JSZip) inflates every entry whole and trusts nothing but the data,
 * so the archive is read here first, and the parser only ever sees what was checked.
 */
export interface ZipLimits {
	/** All entries together, unpacked. */
	totalBytes: number;
	/** Any one entry, unpacked. */
	entryBytes: number;
	entries: number;
	/** Unpacked size over packed size, for entries over `ratioFrom` bytes (small parts may pack tightly). */
	ratio: number;
	ratioFrom: number;
	/** Entry names the kind of file may hold. */
	allowedName: (name: string) => boolean;
}

/** Parts an Excel workbook has (Office Open XML): anything else is refused unread. */
const EXCEL_PART = /^(?:\[Content_Types\]\.xml|(?:_rels|docProps|xl|customXml)\/[A-Za-z0-9 !#$%&'()+,\-.;=@[\]^_{}~/]*)$/;

export const XLSX_ZIP_LIMITS: ZipLimits = {
	totalBytes: 50 * 1024 * 1024,
	entryBytes: 20 * 1024 * 1024,
	entries: 1_000,
	ratio: 100,
	ratioFrom: 1024 * 1024,
	allowedName: (name) => EXCEL_PART.test(name) && !name.split('/').some((segment) => segment === '..' || segment === '.')
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** ZIP64 puts these in the classic fields; an Excel file of a few MB never needs ZIP64. */
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;

interface Entry {
	name: string;
	method: number;
	crc: number;
	packed: number;
	size: number;
	localOffset: number;
}

const unreadable = () => new DomainError('error_file_unreadable', {});

/**
 * The entries of a zip archive, unpacked, after the central directory has been checked against the
 * limits (nothing is inflated if any entry, the total, the count or a ratio is over them or a name
 * is foreign). The directory can lie about sizes, so each entry is inflated with its declared size as
 * a hard cap: one that unpacks to more is refused when the cap is reached, not after.
 * ZIP64, encryption, split archives and methods other than stored/deflate are refused as unreadable.
 * Data descriptors need nothing special: sizes and CRC are read from the central directory.
 */
export function readZipEntries(buffer: Buffer, limits: ZipLimits): Map<string, Buffer> {
	const entries = centralDirectory(buffer, limits);
	const parts = new Map<string, Buffer>();
	for (const entry of entries) {
		if (entry.name.endsWith('/')) continue;
		const data = unpack(buffer, entry);
		if (zlib.crc32(data) !== entry.crc) throw unreadable();
		parts.set(entry.name, data);
	}
	return parts;
}

function centralDirectory(buffer: Buffer, limits: ZipLimits): Entry[] {
	const end = findEndRecord(buffer);
	if (end < 0) throw unreadable();
	const disk = buffer.readUInt16LE(end + 4);
	const directoryDisk = buffer.readUInt16LE(end + 6);
	const onDisk = buffer.readUInt16LE(end + 8);
	const count = buffer.readUInt16LE(end + 10);
	const directorySize = buffer.readUInt32LE(end + 12);
	const directoryOffset = buffer.readUInt32LE(end + 16);
	if ([onDisk, count].includes(ZIP64_16) || [directorySize, directoryOffset].includes(ZIP64_32)) throw unreadable();
	if (disk !== 0 || directoryDisk !== 0 || onDisk !== count || directoryOffset + directorySize > end) throw unreadable();
	if (count > limits.entries) throw new DomainError('error_workbook_too_many_parts', { count: figure(count), max: figure(limits.entries) }, { status: 413 });

	const entries: Entry[] = [];
	const names = new Set<string>();
	let foreign: string | undefined;
	let total = 0;
	let at = directoryOffset;
	for (let index = 0; index < count; index++) {
		if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL) throw unreadable();
		const flags = buffer.readUInt16LE(at + 8);
		const nameLength = buffer.readUInt16LE(at + 28);
		const next = at + 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
		if (next > end) throw unreadable();
		const entry: Entry = {
			name: buffer.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength),
			method: buffer.readUInt16LE(at + 10),
			crc: buffer.readUInt32LE(at + 16),
			packed: buffer.readUInt32LE(at + 20),
			size: buffer.readUInt32LE(at + 24),
			localOffset: buffer.readUInt32LE(at + 42)
		};
		if (buffer.readUInt16LE(at + 34) !== 0 || [entry.packed, entry.size, entry.localOffset].includes(ZIP64_32)) throw unreadable();
		if (flags & 0x1 || ![0, 8].includes(entry.method)) throw unreadable();
		if (!limits.allowedName(entry.name)) foreign ??= entry.name;
		if (names.has(entry.name)) throw unreadable();
		names.add(entry.name);
		total += entry.size;
		if (entry.size > limits.entryBytes) throw tooLarge(limits.entryBytes);
		if (total > limits.totalBytes) throw tooLarge(limits.totalBytes);
		if (entry.size > limits.ratioFrom && entry.size > entry.packed * limits.ratio) {
			throw new DomainError('error_workbook_packed_too_tightly', { ratio: limits.ratio }, { status: 413 });
		}
		entries.push(entry);
		at = next;
	}
	// A zip with no workbook in it at all (a Word file, say) is told so plainly; a workbook with
	// parts no Excel file has is refused by name.
	if (!entries.some((entry) => entry.name.startsWith('xl/'))) throw new DomainError('error_workbook_not_ours', {});
	if (foreign !== undefined) throw new DomainError('error_workbook_unexpected_part', { name: shown(foreign) });
	return entries;
}

/** The end-of-central-directory record: 22 bytes, then a comment of up to 64 kB. */
function findEndRecord(buffer: Buffer): number {
	for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
		if (buffer.readUInt32LE(at) === EOCD && at + 22 + buffer.readUInt16LE(at + 20) === buffer.length) return at;
	}
	return -1;
}

function unpack(buffer: Buffer, entry: Entry): Buffer {
	const local = entry.localOffset;
	if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) throw unreadable();
	// The local header's own sizes may be zero (data descriptor) or lie: only its name and extra lengths are used.
	const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
	if (start + entry.packed > buffer.length) throw unreadable();
	const packed = buffer.subarray(start, start + entry.packed);
	if (entry.method === 0) {
		if (entry.packed !== entry.size) throw unreadable();
		return Buffer.from(packed);
	}
	let data: Buffer;
	try {
		// Inflation stops with an error once the declared size is passed: a lying header costs at most that.
		data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) });
	} catch {
		throw unreadable();
	}
	if (data.length !== entry.size) throw unreadable();
	return data;
}

function tooLarge(bytes: number) {
	return new DomainError('error_workbook_unpacked_too_large', { mb: Math.round(bytes / 1024 / 1024) }, { status: 413 });
}

/** A name from the file, short and printable, for the message. */
function shown(name: string): string {
	const printable = name.replace(/[^\x20-\x7e]/g, '?');
	return printable.length > 80 ? `${printable.slice(0, 77)}…` : printable;
}

/**
 * Checked entries packed again without compression, for a parser that reads zips itself: it can
 * only unpack what was checked, byte for byte.
 */
export function storedZip(parts: Map<string, Buffer>): Buffer {
	const chunks: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const [name, data] of parts) {
		const nameBytes = Buffer.from(name, 'utf8');
		const crc = zlib.crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(LOCAL, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x800, 6);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(CENTRAL, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x800, 8);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		chunks.push(local, nameBytes, data);
		directory.push(central, nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}
	const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(EOCD, 0);
	end.writeUInt16LE(parts.size, 8);
	end.writeUInt16LE(parts.size, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, ...directory, end]);
}
