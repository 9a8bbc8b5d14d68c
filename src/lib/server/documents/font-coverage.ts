/**
 * The characters a TrueType/OpenType font has a glyph for, read from its `cmap` table (formats 4 and
 * 12, Unicode encodings). A PDF/UA or PDF/A file may not show a character its font cannot draw, so
 * text for the PDF is checked against the font we ship before Typst sees it.
 */
export function fontCoverage(font: Buffer): (codePoint: number) => boolean {
	const tables = font.readUInt16BE(4);
	let cmap = -1;
	for (let index = 0; index < tables; index++) {
		const record = 12 + index * 16;
		if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
	}
	if (cmap < 0) throw new Error('the font has no cmap table');
	const subtables: { platform: number; encoding: number; offset: number }[] = [];
	for (let index = 0; index < font.readUInt16BE(cmap + 2); index++) {
		const record = cmap + 4 + index * 8;
		subtables.push({ platform: font.readUInt16BE(record), encoding: font.readUInt16BE(record + 2), offset: cmap + font.readUInt32BE(record + 4) });
	}
	const unicode = (subtable: { platform: number; encoding: number }) => subtable.platform === 0 || (subtable.platform === 3 && (subtable.encoding === 1 || subtable.encoding === 10));
	const full = subtables.find((subtable) => unicode(subtable) && font.readUInt16BE(subtable.offset) === 12);
	if (full) {
		const groups: [number, number][] = [];
		const count = font.readUInt32BE(full.offset + 12);
		for (let index = 0; index < count; index++) {
			const group = full.offset + 16 + index * 12;
			groups.push([font.readUInt32BE(group), font.readUInt32BE(group + 4)]);
		}
		return (codePoint) => groups.some(([start, end]) => codePoint >= start && codePoint <= end);
	}
	const basic = subtables.find((subtable) => unicode(subtable) && font.readUInt16BE(subtable.offset) === 4);
	if (!basic) throw new Error('the font has no Unicode cmap');
	const covered = new Set<number>();
	const at = basic.offset;
	const segments = font.readUInt16BE(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let segment = 0; segment < segments; segment++) {
		const end = font.readUInt16BE(ends + segment * 2);
		const start = font.readUInt16BE(starts + segment * 2);
		const delta = font.readInt16BE(deltas + segment * 2);
		const rangeOffset = font.readUInt16BE(rangeOffsets + segment * 2);
		for (let code = start; code <= end && code !== 0xffff; code++) {
			const glyph = rangeOffset === 0 ? (code + delta) & 0xffff : font.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2);
			if (glyph !== 0) covered.add(code);
		}
	}
	return (codePoint) => covered.has(codePoint);
}
