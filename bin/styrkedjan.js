#!/usr/bin/env node
// The command line runs the TypeScript sources directly (through tsx), so it always matches the
// server's domain code without a separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
