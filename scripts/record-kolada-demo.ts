/**
 * Records the demo's Kolada answers from the local Kolada stub (never the real Kolada) into
 * src/lib/server/demo/kolada-recorded.json, which the demo loads offline. Run again after changing
 * the demo's linked key figures (DEMO_KOLADA) or the stub's data:
 *
 *   npx tsx scripts/record-kolada-demo.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordDemoAnswers } from '../tests/peers/kolada-recording';

const file = path.resolve(import.meta.dirname, '..', 'src', 'lib', 'server', 'demo', 'kolada-recorded.json');
const answers = await recordDemoAnswers();
// One item a line: small, and a change to the stub shows as a readable diff.
const lines = Object.entries(answers).map(
	([key, answer]) => `\t${JSON.stringify(key)}: {\n\t\t"count": ${answer.count},\n\t\t"values": [\n${answer.values.map((value) => `\t\t\t${JSON.stringify(value)}`).join(',\n')}\n\t\t]\n\t}`
);
fs.writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${path.relative(process.cwd(), file)}: ${Object.entries(answers).map(([key, answer]) => `${key} ${answer.count}`).join(', ')}`);
