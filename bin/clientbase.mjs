#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `npx clientbase` needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exit(await main(process.argv.slice(2)));
