import zlib from 'node:zlib';

/**
 * Zip archives assembled byte by byte for tests, honest or not: what a hostile upload can hold.
 * Sizes and CRC default to the truth; any of them can be set to lie, in the central directory,
 * the local header, or both.
 */
export interface ZipPart {
	name: string;
	/** The bytes as stored in the archive (deflated when method is 8). */
	stored: Buffer;
	method?: 0 | 8;
	crc: number;
	/** Unpacked size. */
	size: number;
	/** What the central directory says, when it lies. */
	centralSize?: number;
	/** General-purpose flags (bit 3: sizes in a data descriptor after the data). */
	flags?: number;
}

export function deflatedPart(name: string, content: Buffer | string, extra: Partial<ZipPart> = {}): ZipPart {
	const data = Buffer.from(content);
	return { name, stored: zlib.deflateRawSync(data), method: 8, crc: zlib.crc32(data), size: data.length, ...extra };
}

/** `bytes` zeros, deflated chunk by chunk so the test itself never holds them. */
export async function deflatedZeros(bytes: number): Promise<{ stored: Buffer; crc: number; size: number }> {
	const chunk = Buffer.alloc(1024 * 1024);
	const deflate = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (data: Buffer) => out.push(data));
	const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
	let crc = 0;
	for (let left = bytes; left > 0; left -= chunk.length) {
		const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
		crc = zlib.crc32(piece, crc);
		if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
	}
	deflate.end();
	await done;
	return { stored: Buffer.concat(out), crc, size: bytes };
}

export function assembleZip(parts: ZipPart[]): Buffer {
	const chunks: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const name = Buffer.from(part.name);
		const flags = part.flags ?? 0;
		const descriptor = Boolean(flags & 0x8);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(flags, 6);
		local.writeUInt16LE(part.method ?? 8, 8);
		local.writeUInt32LE(descriptor ? 0 : part.crc, 14);
		local.writeUInt32LE(descriptor ? 0 : part.stored.length, 18);
		local.writeUInt32LE(descriptor ? 0 : part.size, 22);
		local.writeUInt16LE(name.length, 26);
		const trailer = Buffer.alloc(descriptor ? 16 : 0);
		if (descriptor) {
			trailer.writeUInt32LE(0x08074b50, 0);
			trailer.writeUInt32LE(part.crc, 4);
			trailer.writeUInt32LE(part.stored.length, 8);
			trailer.writeUInt32LE(part.size, 12);
		}
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(flags, 8);
		central.writeUInt16LE(part.method ?? 8, 10);
		central.writeUInt32LE(part.crc, 16);
		central.writeUInt32LE(part.stored.length, 20);
		central.writeUInt32LE(part.centralSize ?? part.size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		chunks.push(local, name, part.stored, trailer);
		directory.push(central, name);
		offset += local.length + name.length + part.stored.length + trailer.length;
	}
	const size = directory.reduce((sum, chunk) => sum + chunk.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(size, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, ...directory, end]);
}

/**
 * The bomb from issue #9: a small valid-looking workbook skeleton plus `count` entries of `bytes`
 * zeros each (one deflate stream, stored `count` times). With `lie`, the central directory claims
 * each entry unpacks to 1 kB.
 */
export async function workbookBomb(options: { count: number; bytes: number; lie?: boolean }): Promise<Buffer> {
	const zeros = await deflatedZeros(options.bytes);
	return assembleZip([
		deflatedPart('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
		...Array.from({ length: options.count }, (_, index) => ({
			name: `xl/worksheets/sheet${index + 1}.xml`,
			method: 8 as const,
			...zeros,
			centralSize: options.lie ? 1024 : undefined
		}))
	]);
}
