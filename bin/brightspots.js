#!/usr/bin/env node
// The `brightspots` command for npx and npm bin: Node strips the types of the project's .ts files itself.
import { run } from '../src/cli/index.ts';

process.exitCode = await run(process.argv);
