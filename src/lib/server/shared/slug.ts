/** A stable key from a Swedish name: "Målvärde/indikator" → "malvarde_indikator". */
export function keyFromName(name: string, taken: Iterable<string> = []): string {
	const base =
		name
			.toLowerCase()
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.replace(/^(\d)/, 'f_$1')
			.slice(0, 36) || 'falt';
	const used = new Set(taken);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}
